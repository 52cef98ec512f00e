/**
 * Question → ranked passages and sentences.
 *
 * Candidates come from two sides: the vector index (dense, whatever embeddings built it) and BM25 over
 * stems with the question's words expanded through the word vectors (lexical). Every sentence of every
 * candidate is then scored by how much of the question it covers — each question word matched by the
 * same stem, a shared long prefix or a near neighbour in the word vectors, weighted by how rare the word
 * is — blended with its passage's coverage and the dense similarities. That sentence-level re-ranking is
 * what lets paraphrased questions that share few words with the text find the right sentence.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Chunk } from '../chunking/chunk-corpus.js';
import { dot, type LocalEmbeddings } from '../embeddings/local-embeddings.js';
import type { HnswVectorStore } from '../vector-index/hnsw-store.js';
import type { AnalyzedQuestion, AnswerKind, QueryTerm } from './question-analysis.js';
import type { IndexedSentence, LexicalIndex } from './lexical-index.js';
import type { TermMatcher } from './term-matcher.js';

export interface RankingWeights {
  readonly sentenceCoverage: number;
  readonly passageCoverage: number;
  readonly sentenceDense: number;
  readonly passageDense: number;
  readonly answerKind: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = { sentenceCoverage: 0.5, passageCoverage: 0.2, sentenceDense: 0.2, passageDense: 0.1, answerKind: 0.05 };

export interface ScoredSentence {
  readonly entry: IndexedSentence;
  readonly score: number;
  /** Share of the question's own (weighted) words this sentence matches, 0..1. */
  readonly coverage: number;
  readonly passageCoverage: number;
  readonly dense: number;
  readonly fitsAnswerKind: boolean;
}

export interface ScoredPassage {
  readonly chunk: Chunk;
  readonly position: number;
  readonly score: number;
  readonly sentences: readonly ScoredSentence[];
}

export interface RetrievalResult {
  readonly passages: readonly ScoredPassage[];
  /** All scored sentences of the candidate passages, best first. */
  readonly sentences: readonly ScoredSentence[];
}

export interface RetrieverParts {
  readonly lexical: LexicalIndex;
  readonly matcher: TermMatcher;
  readonly store: HnswVectorStore;
  /** Embeds the question for the vector index (same model that built it). */
  readonly queryEmbeddings: EmbeddingsInterface;
  /** Sentence-level dense similarity, from the local word vectors. */
  readonly sentenceEmbeddings: LocalEmbeddings;
  readonly weights?: RankingWeights;
  /** Candidates taken from each side; small corpora score every chunk. */
  readonly candidates?: number;
}

export class Retriever {
  private readonly sentenceVectors = new Map<number, Float32Array>();
  private readonly weights: RankingWeights;
  private readonly candidates: number;

  constructor(private readonly parts: RetrieverParts) {
    this.weights = parts.weights ?? DEFAULT_WEIGHTS;
    this.candidates = parts.candidates ?? 40;
  }

  async retrieve(question: AnalyzedQuestion, queryText: string): Promise<RetrievalResult> {
    const { lexical, matcher } = this.parts;
    const terms = question.terms.map((term) => ({ term, importance: term.weight * lexical.idf(term.stem), matches: matcher.matches(term.word, term.stem) }));
    const primary = terms.filter(({ term }) => !term.context);
    const primaryTotal = primary.reduce((sum, { importance }) => sum + importance, 0);
    const allTotal = terms.reduce((sum, { importance }) => sum + importance, 0);

    const denseByChunk = await this.denseCandidates(queryText);
    const chunkPositions = this.candidateChunks(terms, denseByChunk);
    const questionVector = this.parts.sentenceEmbeddings.embed(queryText);
    const lowestDense = Math.min(0, ...denseByChunk.values());

    const passages: ScoredPassage[] = [];
    const allSentences: ScoredSentence[] = [];
    for (const position of chunkPositions) {
      const sentencePositions = lexical.chunkSentences[position] ?? [];
      const entries = sentencePositions.map((sentencePosition) => lexical.sentences[sentencePosition] as IndexedSentence);
      const chunkWords = entries.flatMap((entry) => entry.words);
      const passageCoverage = allTotal > 0 ? terms.reduce((sum, { importance, matches }) => sum + importance * bestMatch(matches, chunkWords), 0) / allTotal : 0;
      const passageDense = denseByChunk.get(position) ?? lowestDense;
      const scored = sentencePositions.map((sentencePosition, index) => {
        const entry = entries[index] as IndexedSentence;
        const coverage = primaryTotal > 0 ? primary.reduce((sum, { importance, matches }) => sum + importance * bestMatch(matches, entry.words), 0) / primaryTotal : 0;
        const dense = dot(questionVector, this.sentenceVector(sentencePosition, entry));
        const fitsAnswerKind = fitsKind(question.answerKind, entry.sentence.text);
        const weights = this.weights;
        const score =
          weights.sentenceCoverage * coverage +
          weights.passageCoverage * passageCoverage +
          weights.sentenceDense * Math.max(0, dense) +
          weights.passageDense * Math.max(0, passageDense) +
          (fitsAnswerKind ? weights.answerKind : 0);
        return { entry, score, coverage, passageCoverage, dense, fitsAnswerKind };
      });
      scored.sort((first, second) => second.score - first.score);
      const best = scored[0]?.score ?? 0;
      const runnerUp = scored[1]?.score ?? 0;
      passages.push({ chunk: lexical.chunks[position] as Chunk, position, score: best + 0.1 * runnerUp, sentences: scored });
      allSentences.push(...scored);
    }
    passages.sort((first, second) => second.score - first.score);
    allSentences.sort((first, second) => second.score - first.score);
    return { passages, sentences: dedupeSentences(allSentences) };
  }

  private async denseCandidates(queryText: string): Promise<Map<number, number>> {
    const vector = await this.parts.queryEmbeddings.embedQuery(queryText);
    const limit = this.parts.store.size <= 400 ? this.parts.store.size : this.candidates;
    return new Map(this.parts.store.searchLabels(vector, limit));
  }

  private candidateChunks(terms: readonly { term: QueryTerm; importance: number; matches: ReadonlyMap<string, number> }[], dense: ReadonlyMap<number, number>): number[] {
    const { lexical } = this.parts;
    if (lexical.chunks.length <= 400) return lexical.chunks.map((_chunk, position) => position);
    const expanded = new Map<string, number>();
    for (const { term, matches } of terms) {
      for (const [word, strength] of matches) {
        const stem = lexical.vocabulary.get(word);
        if (stem !== undefined && strength >= 0.5) expanded.set(stem, Math.max(expanded.get(stem) ?? 0, strength * term.weight));
      }
    }
    const lexicalTop = [...lexical.bm25(expanded)].sort((first, second) => second[1] - first[1]).slice(0, this.candidates);
    return [...new Set([...dense.keys(), ...lexicalTop.map(([position]) => position)])];
  }

  private sentenceVector(position: number, entry: IndexedSentence): Float32Array {
    let vector = this.sentenceVectors.get(position);
    if (vector === undefined) {
      vector = this.parts.sentenceEmbeddings.embed(entry.sentence.text);
      if (this.sentenceVectors.size > 200_000) this.sentenceVectors.clear();
      this.sentenceVectors.set(position, vector);
    }
    return vector;
  }
}

function bestMatch(matches: ReadonlyMap<string, number>, words: readonly string[]): number {
  let best = 0;
  for (const word of words) {
    const strength = matches.get(word);
    if (strength !== undefined && strength > best) {
      best = strength;
      if (best === 1) break;
    }
  }
  return best;
}

/** A sentence in two overlapping windows appears once, with its better score. */
function dedupeSentences(sentences: readonly ScoredSentence[]): ScoredSentence[] {
  const seen = new Set<string>();
  return sentences.filter((scored) => {
    const key = `${scored.entry.sentence.documentId}:${scored.entry.sentence.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|percent|dozen|half|third|quarter)\b/iu;
const TIME = /\b(1[5-9]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|since|ago|years?|months?|weeks?|days?|century|decade|recent|after|before|during|when)\b/iu;
const NAME = /\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+/u;
const ROLE = /\b(president|minister|spokes\w*|analyst|expert|official|member|author|leader|prime|deputy|brothers?|citizens?|agents?)\b/iu;

function fitsKind(kind: AnswerKind, text: string): boolean {
  switch (kind) {
    case 'number':
      return NUMBER.test(text);
    case 'time':
      return TIME.test(text);
    case 'person':
      return NAME.test(text.slice(1)) || ROLE.test(text);
    default:
      return false;
  }
}
