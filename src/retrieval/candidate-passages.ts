/**
 * The passages a question's sentences are looked for in: the nearest by the vector index (dense) and the best by
 * BM25 over the question's words and their close matches (lexical), all of them in a small corpus or document.
 * In a library a question's candidates are found once, for choosing its document (with each candidate document's
 * likelihood, document-choice.ts) and for ranking, and its vector is asked of the embedding model once.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { HnswVectorStore } from '../vector-index/hnsw-store.js';
import type { AnalyzedQuestion, QueryTerm } from '../question/question-analysis.js';
import type { LexicalIndex } from './lexical-index.js';
import { decisiveDocument, documentShares, type ChoiceTerm } from './document-choice.js';
import { strictStems, type TermMatcher } from './term-matcher.js';

/** Candidate passages (positions) with their dense similarities, and each candidate document's likelihood in a library. */
export interface Candidates {
  readonly dense: ReadonlyMap<number, number>;
  readonly chunks: readonly number[];
  readonly shares: ReadonlyMap<string, number> | undefined;
  /** The document the question goes straight to in a library, when one is sure (document-choice.ts). */
  readonly decisive?: () => string | undefined;
}

/** A corpus or document of at most this many passages is scored whole: every passage is a candidate. */
export const SCORED_WHOLE = 400;

/** Question texts whose vectors are kept: a question and its rewordings for a document or a follow-up. */
const QUERY_VECTORS_KEPT = 16;

export class CandidatePassages {
  private readonly queryVectors = new Map<string, Promise<number[]>>();
  private readonly libraryCandidatesOf = new WeakMap<AnalyzedQuestion, Map<string, Promise<Candidates>>>();
  private readonly limit: number;

  constructor(
    private readonly parts: {
      readonly lexical: LexicalIndex;
      readonly matcher: TermMatcher;
      readonly store: HnswVectorStore;
      readonly queryEmbeddings: EmbeddingsInterface;
      /** Candidates taken from each side; small corpora score every chunk. */
      readonly candidates?: number;
    },
  ) {
    this.limit = parts.candidates ?? 40;
  }

  /**
   * The candidate passages of the whole library for a question, with their dense similarities and how likely each
   * one's document is: found once per reading of a question, whether asked by decisiveDocument, retrieve or both.
   */
  ofLibrary(question: AnalyzedQuestion, queryText: string): Promise<Candidates> {
    let byText = this.libraryCandidatesOf.get(question);
    if (byText === undefined) this.libraryCandidatesOf.set(question, (byText = new Map<string, Promise<Candidates>>()));
    let found = byText.get(queryText);
    if (found === undefined) {
      found = (async () => {
        const { lexical } = this.parts;
        const terms = this.termsOf(question);
        const dense = await this.denseCandidates(queryText, undefined);
        const chunks = this.candidateChunks(terms, dense, undefined);
        const choice: ChoiceTerm[] = terms.map(({ term, matches }) => ({ weight: term.weight, stems: strictStems(lexical, term.stem, matches) }));
        const shares = documentShares(lexical, choice, new Set(chunks.map((position) => lexical.chunks[position]?.documentId ?? '')));
        let decisive: { readonly id: string | undefined } | undefined;
        return { dense, chunks, shares, decisive: () => (decisive ??= { id: decisiveDocument(lexical, choice, shares) }).id };
      })();
      byText.set(queryText, found);
      // Not kept when it failed: the next attempt tries again.
      found.catch(() => byText.delete(queryText));
    }
    return found;
  }

  /** The candidates of one document: its passages, all of them when it is small. */
  async ofDocument(question: AnalyzedQuestion, queryText: string, documentId: string): Promise<Candidates> {
    const dense = await this.denseCandidates(queryText, documentId);
    return { dense, chunks: this.candidateChunks(this.termsOf(question), dense, documentId), shares: undefined };
  }

  private termsOf(question: AnalyzedQuestion): { term: QueryTerm; matches: ReadonlyMap<string, number> }[] {
    return question.terms.map((term) => ({ term, matches: this.parts.matcher.matches(term.word, term.stem) }));
  }

  /**
   * The question's vector for the vector index, kept for the few latest texts: a library question is embedded once
   * for choosing its document and answering from it (with an embedding server, one request instead of two or three).
   */
  private queryVector(queryText: string): Promise<number[]> {
    let vector = this.queryVectors.get(queryText);
    if (vector === undefined) {
      vector = this.parts.queryEmbeddings.embedQuery(queryText);
      if (this.queryVectors.size >= QUERY_VECTORS_KEPT) this.queryVectors.delete(this.queryVectors.keys().next().value as string);
      this.queryVectors.set(queryText, vector);
      // An empty vector (the server down, engine/choose-embeddings.ts) or a failure is asked for again next time.
      const forget = () => {
        if (this.queryVectors.get(queryText) === vector) this.queryVectors.delete(queryText);
      };
      vector.then((value) => {
        if (value.length === 0) forget();
      }, forget);
    }
    return vector;
  }

  /** Dense similarity of the nearest chunks: all of them in a small corpus (or a small document asked about alone). */
  private async denseCandidates(queryText: string, documentId: string | undefined): Promise<Map<number, number>> {
    const vector = await this.queryVector(queryText);
    // An empty vector: the embedding server is down (engine/choose-embeddings.ts); the words alone decide.
    if (vector.length === 0) return new Map();
    const { store, lexical } = this.parts;
    const range = documentId === undefined ? undefined : lexical.chunkRange(documentId);
    if (range === undefined || range.to - range.from === store.size) {
      const limit = store.size <= SCORED_WHOLE ? store.size : this.limit;
      return new Map(store.searchLabels(vector, limit));
    }
    const size = range.to - range.from;
    return new Map(store.searchRange(vector, size <= SCORED_WHOLE ? size : this.limit, range));
  }

  private candidateChunks(
    terms: readonly { term: QueryTerm; matches: ReadonlyMap<string, number> }[],
    dense: ReadonlyMap<number, number>,
    documentId: string | undefined,
  ): number[] {
    const { lexical } = this.parts;
    if (documentId !== undefined) {
      const own: number[] = [];
      const range = lexical.chunkRange(documentId) ?? { from: 0, to: 0 };
      for (let position = range.from; position < range.to; position += 1) if (lexical.chunks[position]?.documentId === documentId) own.push(position);
      // One document of a library is usually small enough to score whole; a long one is narrowed like a corpus.
      if (own.length <= SCORED_WHOLE) return own;
      return this.candidateChunks(terms, dense, undefined).filter((position) => lexical.chunks[position]?.documentId === documentId);
    }
    if (lexical.chunks.length <= SCORED_WHOLE) return lexical.chunks.map((_chunk, position) => position);
    const expanded = new Map<string, number>();
    for (const { term, matches } of terms) {
      for (const [word, strength] of matches) {
        const stem = lexical.vocabulary.get(word);
        if (stem !== undefined && strength >= 0.5) expanded.set(stem, Math.max(expanded.get(stem) ?? 0, strength * term.weight));
      }
    }
    const lexicalTop = lexical.bm25Top(expanded, this.limit);
    return [...new Set([...dense.keys(), ...lexicalTop.map(([position]) => position)])];
  }
}
