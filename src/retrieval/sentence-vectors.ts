/**
 * Sentence-level dense similarity for the re-ranking: SIF sentence vectors from the local word vectors, with
 * the direction every one of them shares removed (so similarities tell sentences apart), cached per sentence;
 * and the word-by-word alignment of a question with a sentence.
 */
import { dot, normalize, type LocalEmbeddings } from '../embeddings/local-embeddings.js';
import type { WordVectors } from '../embeddings/word-vectors.js';
import type { QueryTerm } from '../question/question-analysis.js';
import { SCORED_WHOLE } from './candidate-passages.js';
import { runAtOnce, runInTurns, type Sliced } from './in-turns.js';
import type { IndexedSentence, LexicalIndex } from './lexical-index.js';
import type { SavedCommonDirection, SavedDocumentDirections } from './lexical-tables.js';

/** Sentences sampled for the shared direction. */
const SAMPLE = 2000;
const CACHE_LIMIT = 200_000;

export class SentenceVectors {
  private readonly cache = new Map<number, Float32Array>();
  /** The direction every SIF sentence vector shares. */
  readonly direction: Float32Array;
  /** Sentences embedded while their document's direction was found (ofDocument), not yet asked for. */
  private embedded: Map<number, Float32Array> | undefined;

  constructor(
    lexical: LexicalIndex,
    private readonly embeddings: LocalEmbeddings,
    commonDirection: Float32Array = runAtOnce(commonDirectionOf(lexical, embeddings)),
  ) {
    this.direction = commonDirection;
  }

  /**
   * The same, with the direction saved at ingest (`saved`, used when it was computed with these word vectors),
   * or else computed in turns of the event loop (thousands of sentences are embedded for it).
   */
  static async build(lexical: LexicalIndex, embeddings: LocalEmbeddings, saved?: SavedCommonDirection): Promise<SentenceVectors> {
    const usable = saved !== undefined && saved.model === embeddings.model && saved.sample === SAMPLE && saved.values.length === embeddings.dimensions;
    return new SentenceVectors(lexical, embeddings, usable ? Float32Array.from(saved.values) : await runInTurns(commonDirectionOf(lexical, embeddings)));
  }

  /** The direction of this index's sentences, to save with its tables (what `build` would compute at every start). */
  static async commonDirection(lexical: LexicalIndex, embeddings: LocalEmbeddings): Promise<SavedCommonDirection> {
    const direction = await runInTurns(commonDirectionOf(lexical, embeddings));
    return { model: embeddings.model, sample: SAMPLE, values: Array.from(direction) };
  }

  /**
   * Each long document's own direction in a library (what ofDocument computes when a question is first asked of it),
   * to save with the tables at ingest: asked of a document of more than SCORED_WHOLE passages, a question scores only
   * its candidate passages but embedded up to 2,000 of its sentences first. A shorter document has every sentence
   * scored, so the sentences embedded for its direction are all used (ofDocument keeps them): none is saved for it
   * (zeros), nor for a single document, whose direction is the corpus's. `longerThan` is for tests.
   */
  static async documentDirections(
    lexical: LexicalIndex,
    embeddings: LocalEmbeddings,
    longerThan: number = SCORED_WHOLE,
  ): Promise<SavedDocumentDirections | undefined> {
    const documents = lexical.documentIds();
    if (documents.length < 2) return undefined;
    const values = new Float32Array(documents.length * embeddings.dimensions);
    await runInTurns(
      (function* () {
        for (const [slot, documentId] of documents.entries()) {
          const chunks = lexical.chunkRange(documentId);
          const sentences = lexical.sentenceRange(documentId);
          if (chunks === undefined || sentences === undefined || chunks.to - chunks.from <= longerThan) continue;
          values.set(yield* commonDirectionOf(lexical, embeddings, sentences), slot * embeddings.dimensions);
        }
      })(),
    );
    return { model: embeddings.model, sample: SAMPLE, dimensions: embeddings.dimensions, values };
  }

  /** Each document's saved direction by id, when `saved` was computed with these word vectors over these documents. */
  static savedDocumentDirections(
    lexical: LexicalIndex,
    embeddings: LocalEmbeddings,
    saved: SavedDocumentDirections | undefined,
  ): ReadonlyMap<string, Float32Array> | undefined {
    const documents = lexical.documentIds();
    const { dimensions } = embeddings;
    if (saved === undefined || saved.model !== embeddings.model || saved.sample !== SAMPLE || saved.dimensions !== dimensions) return undefined;
    if (saved.values.length !== documents.length * dimensions) return undefined;
    const directions = new Map<string, Float32Array>();
    for (const [slot, documentId] of documents.entries()) {
      const direction = saved.values.subarray(slot * dimensions, (slot + 1) * dimensions);
      // Zeros: not saved (a short document); its direction is computed when it is first asked, as without any.
      if (direction.some((value) => value !== 0)) directions.set(documentId, direction);
    }
    return directions;
  }

  /**
   * Sentence vectors of one document of a library, with the direction its own sentences share removed: what
   * they are when the document is indexed alone (a library's common direction is every text's average).
   */
  static ofDocument(
    lexical: LexicalIndex,
    embeddings: LocalEmbeddings,
    sentences: { readonly from: number; readonly to: number },
    direction?: Float32Array,
  ): SentenceVectors {
    if (direction !== undefined) return new SentenceVectors(lexical, embeddings, direction);
    // Each sentence embedded for the direction is kept until its own vector is asked for: a question asked of
    // a document of up to 400 passages scores every sentence, so each would otherwise be embedded twice.
    const embedded = new Map<number, Float32Array>();
    const vectors = new SentenceVectors(lexical, embeddings, runAtOnce(commonDirectionOf(lexical, embeddings, sentences, embedded)));
    vectors.embedded = embedded;
    return vectors;
  }

  /** A question's (or any text's) vector, comparable with the sentences'. */
  ofText(text: string): Float32Array {
    return this.withoutCommonDirection(this.embeddings.embed(text));
  }

  ofSentence(position: number, entry: IndexedSentence): Float32Array {
    let vector = this.cache.get(position);
    if (vector === undefined) {
      const embedded = this.embedded?.get(position);
      this.embedded?.delete(position);
      vector = embedded === undefined ? this.ofText(entry.sentence.text) : this.withoutCommonDirection(embedded);
      if (this.cache.size > CACHE_LIMIT) this.cache.clear();
      this.cache.set(position, vector);
    }
    return vector;
  }

  private withoutCommonDirection(vector: Float32Array): Float32Array {
    const projection = dot(vector, this.direction);
    for (let dimension = 0; dimension < vector.length; dimension += 1)
      vector[dimension] = (vector[dimension] as number) - projection * (this.direction[dimension] as number);
    return normalize(vector);
  }
}

/** `embedded`, when given, receives each sentence's embedding by position. */
function* commonDirectionOf(
  lexical: LexicalIndex,
  embeddings: LocalEmbeddings,
  { from, to } = { from: 0, to: lexical.sentenceCount },
  embedded?: Map<number, Float32Array>,
): Sliced<Float32Array> {
  const mean = new Float32Array(embeddings.dimensions);
  const step = Math.max(1, Math.floor((to - from) / SAMPLE));
  for (let position = from; position < to; position += step) {
    const vector = embeddings.embed(lexical.sentence(position).sentence.text);
    embedded?.set(position, vector);
    for (let dimension = 0; dimension < mean.length; dimension += 1) mean[dimension] = (mean[dimension] as number) + (vector[dimension] as number);
    yield;
  }
  return normalize(mean);
}

/** Importance-weighted mean, over the question's words, of the closest sentence word by raw vector similarity. */
export function alignmentOf(
  words: WordVectors,
  entry: IndexedSentence,
  terms: readonly { term: QueryTerm; importance: number; similarity: Map<string, number> }[],
  total: number,
): number {
  if (total <= 0) return 0;
  let sum = 0;
  for (const { term, importance, similarity } of terms) {
    let best = 0;
    for (const word of entry.words) {
      let value = similarity.get(word);
      if (value === undefined) similarity.set(word, (value = word === term.word ? 1 : Math.max(0, words.similarity(term.word, word) ?? 0)));
      if (value > best) best = value;
    }
    sum += importance * best;
  }
  return sum / total;
}
