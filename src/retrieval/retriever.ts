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
import type { AnalyzedQuestion, AnswerKind, QueryTerm } from '../question/question-analysis.js';
import type { IndexedSentence, LexicalIndex } from './lexical-index.js';
import type { TermMatcher } from './term-matcher.js';
import { alignmentOf, SentenceVectors } from './sentence-vectors.js';
import { continuesPreviousSentence } from '../language/tokenize.js';
import { WordUses } from './word-uses.js';
import { holdsAnswerKind } from '../question/answer-type.js';
import { CandidatePassages } from './candidate-passages.js';
import { DEFAULT_WEIGHTS, type RankingWeights } from './ranking-weights.js';
import { bestMatch, NAME_MATCH, STRICT_MATCH } from './term-matcher.js';
import type { TermStatistics } from './document-terms.js';

export { DEFAULT_WEIGHTS, type RankingWeights } from './ranking-weights.js';

export interface ScoredSentence {
  readonly entry: IndexedSentence;
  readonly score: number;
  /** Share of the question's own (weighted) words this sentence matches, 0..1. */
  readonly coverage: number;
  readonly passageCoverage: number;
  readonly dense: number;
  readonly fitsAnswerKind: boolean;
  /** Names in the question that this sentence's passage does not mention (same word, word family or close variant). */
  readonly missingNames: number;
  /** How well the sentence itself matches the question's focus (1 when the question has none). */
  readonly focusMatch: number;
  /** Question names missing from this sentence and the one before it, by their own word or family (no vector look-alikes). */
  readonly namesMissingHere: number;
  /** Importance-weighted closeness of each question word to its nearest sentence word in the word vectors, 0..1. */
  readonly alignment: number;
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
  /** Built beforehand (SentenceVectors.build, in turns of the event loop); made here when absent. */
  readonly sentenceVectors?: SentenceVectors;
  /** Each document's direction in a library, saved at ingest (SentenceVectors.savedDocumentDirections); computed when first asked without it. */
  readonly documentDirections?: ReadonlyMap<string, Float32Array> | undefined;
  readonly weights?: RankingWeights;
  /** Candidates taken from each side; small corpora score every chunk. */
  readonly candidates?: number;
}

/** Documents whose own sentence vectors are kept (each costs its sentences' vectors). */
const DOCUMENT_VECTORS_KEPT = 8;
/** Question words whose similarities to sentence words are kept, and how many pairs each (~60 bytes a pair). */
const SIMILARITY_WORDS = 64;
const SIMILARITY_PAIRS = 5_000;

export class Retriever {
  private readonly sentenceVectors: SentenceVectors;
  private readonly documentVectors = new Map<string, SentenceVectors>();
  private readonly documentDirections = new Map<string, Float32Array>();
  /** See similaritiesOf; most recently asked last. */
  private readonly similarities = new Map<string, Map<string, number>>();
  private readonly candidates: CandidatePassages;
  private readonly weights: RankingWeights;
  private uses: WordUses | undefined;

  constructor(private readonly parts: RetrieverParts) {
    this.weights = parts.weights ?? DEFAULT_WEIGHTS;
    this.candidates = new CandidatePassages(parts);
    this.sentenceVectors = parts.sentenceVectors ?? new SentenceVectors(parts.lexical, parts.sentenceEmbeddings);
  }

  /** Before a long-lived process takes questions: the vector index searched by hnswlib (HnswVectorStore.searchWithHnswlib). */
  async warmUp(): Promise<void> {
    await this.parts.store.searchWithHnswlib();
  }

  /** The corpus statistics the answer selector reads too. */
  get lexical(): LexicalIndex {
    return this.parts.lexical;
  }

  /** The strongest match the corpus (or one document's `vocabulary`) has for a word it may not use itself (a stem, family or vector neighbour), 0..1. */
  closestMatch(word: string, stem: string, vocabulary?: ReadonlyMap<string, string>): number {
    let best = 0;
    for (const [candidate, strength] of this.parts.matcher.matches(word, stem))
      if (strength > best && (vocabulary === undefined || vocabulary.has(candidate))) best = strength;
    return best;
  }

  /** How the corpus writes its words: as a noun or not, and their relatives (word-uses.ts). */
  get wordUses(): WordUses {
    return (this.uses ??= new WordUses(this.parts.lexical, this.parts.matcher));
  }

  get wordVectors(): LocalEmbeddings {
    return this.parts.sentenceEmbeddings;
  }

  /**
   * The word statistics a question asked of `documentId` is weighed with: that document's own, so each of its
   * sentences scores as it does when the document is indexed alone (document-terms.ts); the library's without one.
   */
  termsFor(documentId: string | undefined): TermStatistics {
    return documentId === undefined ? this.parts.lexical : this.parts.lexical.termsOf(documentId);
  }

  /** How much a question word should count: rare in the corpus, or (when the corpus lacks it) rare in English. */
  importance(term: QueryTerm, lexical: TermStatistics = this.parts.lexical): number {
    const { sentenceEmbeddings } = this.parts;
    const idf = lexical.hasStem(term.stem)
      ? lexical.idf(term.stem)
      : this.weights.outOfCorpusShare * lexical.idf(term.stem) * sentenceEmbeddings.weight(term.word);
    return term.weight * idf;
  }

  /**
   * The document of a library a question goes straight to, when one is sure (document-choice.ts): undefined in a
   * corpus of one document, and when no document stands out.
   */
  async decisiveDocument(question: AnalyzedQuestion, queryText: string): Promise<string | undefined> {
    return (await this.candidates.ofLibrary(question, queryText)).decisive?.();
  }

  /** The likeliest document of a library (query likelihood) other than `except`, among the question's candidates. */
  async likeliestOther(question: AnalyzedQuestion, queryText: string, except: string): Promise<string | undefined> {
    const { shares } = await this.candidates.ofLibrary(question, queryText);
    let best: [string, number] | undefined;
    for (const [id, share] of shares ?? []) if (id !== except && (best === undefined || share > best[1])) best = [id, share];
    return best?.[0];
  }

  /** `documentId` keeps only that document's passages: a question about one document of a library. */
  async retrieve(question: AnalyzedQuestion, queryText: string, scope: { readonly documentId?: string } = {}): Promise<RetrievalResult> {
    const { lexical, matcher } = this.parts;
    const statistics = this.termsFor(scope.documentId);
    const sentenceVectors = this.vectorsFor(scope.documentId);
    const terms = question.terms.map((term) => ({ term, importance: this.importance(term, statistics), matches: matcher.matches(term.word, term.stem) }));
    // Each question word's raw similarity to the corpus words met so far, for the alignment score.
    const primary = terms.filter(({ term }) => !term.context).map((entry) => ({ ...entry, similarity: this.similaritiesOf(entry.term.word) }));
    const primaryTotal = primary.reduce((sum, { importance }) => sum + importance, 0);
    const allTotal = terms.reduce((sum, { importance }) => sum + importance, 0);

    // A name the corpus never uses ("France") cannot be answered about; one it does use may appear as a
    // close stand-in in the answering passage ("Azerbaijan" ~ "Baku").
    const required = question.names.filter((name) => !name.descriptive);
    const known = required.filter((name) => lexical.knowsName(name.word));
    const unknownNames = required.length - known.length;
    const names = known.map((name) => matcher.matches(name.word, name.stem));
    const focus = question.focus === undefined ? undefined : matcher.matches(question.focus.term.word, question.focus.term.stem);
    // The whole library's candidates were usually found already, to choose the document (decisiveDocument).
    const {
      dense: denseByChunk,
      chunks: chunkPositions,
      shares: documentShare,
    } = scope.documentId === undefined
      ? await this.candidates.ofLibrary(question, queryText)
      : await this.candidates.ofDocument(question, queryText, scope.documentId);
    const questionVector = sentenceVectors.ofText(queryText);
    const lowestDense = Math.min(0, ...denseByChunk.values());

    const passages: ScoredPassage[] = [];
    const allSentences: ScoredSentence[] = [];
    for (const position of chunkPositions) {
      const sentencePositions = lexical.sentencesOf(position);
      const entries = sentencePositions.map((sentencePosition) => lexical.sentence(sentencePosition));
      const chunkWords: string[] = [];
      for (const entry of entries) for (const word of entry.words) chunkWords.push(word);
      const passageCoverage =
        allTotal > 0 ? terms.reduce((sum, { importance, matches }) => sum + importance * bestMatch(matches, chunkWords), 0) / allTotal : 0;
      const passageDense = denseByChunk.get(position) ?? lowestDense;
      const otherDocument = this.weights.documentChoice * (1 - (documentShare?.get(lexical.chunks[position]?.documentId ?? '') ?? 1));
      const missingNames = unknownNames + names.filter((matches) => bestMatch(matches, chunkWords) < NAME_MATCH).length;
      const ownCoverage = entries.map((entry) =>
        primaryTotal > 0 ? primary.reduce((sum, { importance, matches }) => sum + importance * bestMatch(matches, entry.words), 0) / primaryTotal : 0,
      );
      const scored = sentencePositions.map((sentencePosition, index) => {
        const entry = entries[index] as IndexedSentence;
        // "These men were charged with..." continues the sentence before it: it inherits part of its coverage.
        const previous = entries[index - 1];
        const own = ownCoverage[index] ?? 0;
        const inherited =
          previous !== undefined && previous.sentence.paragraph === entry.sentence.paragraph && continuesPreviousSentence(entry.sentence.text)
            ? (ownCoverage[index - 1] ?? 0)
            : 0;
        const coverage = own + this.weights.inheritance * (1 - own) * inherited;
        const dense = dot(questionVector, sentenceVectors.ofSentence(sentencePosition, entry));
        const fitsAnswerKind = TYPED_KINDS.has(question.answerKind) && holdsAnswerKind(question.answerKind, entry.sentence.text, question.text);
        const weights = this.weights;
        const alignment = weights.alignment > 0 ? alignmentOf(this.parts.sentenceEmbeddings.words, entry, primary, primaryTotal) : 0;
        const score =
          weights.alignment * alignment +
          weights.sentenceCoverage * coverage +
          weights.passageCoverage * passageCoverage +
          weights.sentenceDense * Math.max(0, dense) +
          weights.passageDense * Math.max(0, passageDense) +
          (fitsAnswerKind ? weights.answerKind : 0) -
          otherDocument;
        const focusMatch = focus === undefined ? 1 : bestMatch(focus, entry.words);
        // The sentence before it often holds the name ("the Azal plane ... The plane crashed ..."), so it counts too.
        const nearWords =
          previous !== undefined && previous.sentence.paragraph === entry.sentence.paragraph ? [...previous.words, ...entry.words] : entry.words;
        const namesMissingHere = names.filter((matches) => bestMatch(matches, nearWords) < STRICT_MATCH).length;
        return { entry, score, coverage, passageCoverage, dense, fitsAnswerKind, missingNames, focusMatch, namesMissingHere, alignment };
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

  /**
   * A question word's raw vector similarity to the sentence words met so far (filled in by alignmentOf), kept
   * across questions: a word asked about again meets the same sentences, and each pair costs a look-up of both
   * words and a 100-dimension product. Bounded: at most SIMILARITY_WORDS question words of SIMILARITY_PAIRS each.
   */
  private similaritiesOf(word: string): Map<string, number> {
    let similarities = this.similarities.get(word);
    if (similarities === undefined || similarities.size > SIMILARITY_PAIRS) {
      if (this.similarities.size >= SIMILARITY_WORDS) this.similarities.delete(this.similarities.keys().next().value as string);
      similarities = new Map();
    } else this.similarities.delete(word);
    this.similarities.set(word, similarities);
    return similarities;
  }

  /** The sentence vectors of `documentId` as if it were indexed alone (its own common direction); the library's without one. */
  private vectorsFor(documentId: string | undefined): SentenceVectors {
    const sentences = documentId === undefined ? undefined : this.parts.lexical.sentenceRange(documentId);
    if (documentId === undefined || sentences === undefined || (sentences.from === 0 && sentences.to === this.parts.lexical.sentenceCount))
      return this.sentenceVectors;
    let vectors = this.documentVectors.get(documentId);
    if (vectors === undefined) {
      // A document's direction is kept after its vectors are let go (400 bytes): asked again, only sentences are embedded.
      const direction = this.documentDirections.get(documentId) ?? this.parts.documentDirections?.get(documentId);
      vectors = SentenceVectors.ofDocument(this.parts.lexical, this.parts.sentenceEmbeddings, sentences, direction);
      this.documentDirections.set(documentId, vectors.direction);
      if (this.documentVectors.size >= DOCUMENT_VECTORS_KEPT) this.documentVectors.delete(this.documentVectors.keys().next().value as string);
      this.documentVectors.set(documentId, vectors);
    }
    return vectors;
  }
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

/** Kinds of answer a sentence visibly holds or lacks (a number, a time, a name, a place). */
const TYPED_KINDS: ReadonlySet<AnswerKind> = new Set(['number', 'time', 'person', 'place']);
