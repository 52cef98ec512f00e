/**
 * Word statistics of the indexed chunks: an inverted index for BM25 over chunks, sentence-level
 * document frequencies for term weights, and the corpus vocabulary that query words are matched to.
 * Built over the flat tables of lexical-tables.ts (tokenised at ingest, read back at start); the
 * postings and counts are integer arrays derived from them, and a sentence's entry is made when first
 * asked for, so a start allocates almost nothing per sentence.
 */
import type { Chunk } from '../chunking/chunk-corpus.js';
import type { Sentence } from '../corpus/types.js';
import { wordFamilyKeys } from '../language/tokenize.js';
import { runAtOnce, runInTurns, type Sliced } from './in-turns.js';
import { buildLexicalTables, LOWERCASE_FLAG, NAME_FLAG, type LexicalTables } from './lexical-tables.js';

export interface IndexedSentence {
  readonly sentence: Sentence;
  readonly chunk: number;
  /** Content words of the sentence (lower-cased surface forms), in order. */
  readonly words: readonly string[];
}

const BM25_K1 = 1.2;
/** Chunks (or words) between two points where deriving the index may give the event loop a turn. */
const YIELD_EVERY = 64;
const BM25_B = 0.75;

/** Everything the index derives from its tables, made in slices (deriveIndex) so a bot can make it in turns. */
interface DerivedIndex {
  readonly vocabulary: Map<string, string>;
  readonly properNames: Set<string>;
  readonly writtenLowercase: Set<string>;
  readonly nameFamilyKeys: Set<string>;
  readonly stemIds: Map<string, number>;
  readonly sentenceFrequency: Uint32Array;
  readonly postingStart: Uint32Array;
  readonly postingChunk: Uint32Array;
  readonly postingFrequency: Uint32Array;
  readonly chunkLengths: Uint32Array;
  readonly averageChunkLength: number;
  readonly sentenceChunk: Uint32Array;
  readonly sentenceSlot: Uint32Array;
}

export class LexicalIndex {
  /** Every content word of the corpus → its stem. */
  readonly vocabulary: Map<string, string>;
  /** Words the corpus writes with a capital inside a sentence: its names ("kremlin", "azerbaijanis"), lower-cased. */
  readonly properNames: Set<string>;
  /** Words the corpus writes in lower case at least once: a word only ever capitalised is a name. */
  readonly writtenLowercase: Set<string>;
  /** Family keys of the names (see wordFamilyKeys): "Russians" meets "Russian" by a look-up. */
  private readonly nameFamilyKeys: Set<string>;
  private readonly stemIds: Map<string, number>;
  /** Sentences (distinct) holding each stem. */
  private readonly sentenceFrequency: Uint32Array;
  /** Stem s's postings are postingChunk/postingFrequency[postingStart[s] .. postingStart[s + 1]), chunks ascending. */
  private readonly postingStart: Uint32Array;
  private readonly postingChunk: Uint32Array;
  private readonly postingFrequency: Uint32Array;
  private readonly chunkLengths: Uint32Array;
  private readonly averageChunkLength: number;
  /** Where each sentence first appears: its chunk and its place among that chunk's sentences. */
  private readonly sentenceChunk: Uint32Array;
  private readonly sentenceSlot: Uint32Array;
  private readonly entries: (IndexedSentence | undefined)[];
  /** Reused by bm25Top, left zeroed after each call. */
  private scratchScores: Float64Array | undefined;
  private scratchScored: Uint8Array | undefined;

  /** Tokenises every sentence of the chunks; `tables` (read back from disk) skips that. Throws when they do not fit the chunks. */
  constructor(
    readonly chunks: readonly Chunk[],
    readonly tables: LexicalTables = buildLexicalTables(chunks),
    derived: DerivedIndex = runAtOnce(deriveIndex(chunks, tables)),
  ) {
    this.vocabulary = derived.vocabulary;
    this.properNames = derived.properNames;
    this.writtenLowercase = derived.writtenLowercase;
    this.nameFamilyKeys = derived.nameFamilyKeys;
    this.stemIds = derived.stemIds;
    this.sentenceFrequency = derived.sentenceFrequency;
    this.postingStart = derived.postingStart;
    this.postingChunk = derived.postingChunk;
    this.postingFrequency = derived.postingFrequency;
    this.chunkLengths = derived.chunkLengths;
    this.averageChunkLength = derived.averageChunkLength;
    this.sentenceChunk = derived.sentenceChunk;
    this.sentenceSlot = derived.sentenceSlot;
    this.entries = new Array<IndexedSentence | undefined>(derived.sentenceChunk.length);
  }

  /** The index over saved tables, made in turns of the event loop (a bot opening a library's index keeps answering). */
  static async open(chunks: readonly Chunk[], tables: LexicalTables): Promise<LexicalIndex> {
    return new LexicalIndex(chunks, tables, await runInTurns(deriveIndex(chunks, tables)));
  }

  /** Distinct sentences of the corpus. */
  get sentenceCount(): number {
    return this.entries.length;
  }

  /** The sentence at a position (0 ≤ position < sentenceCount), with its content words. */
  sentence(position: number): IndexedSentence {
    let entry = this.entries[position];
    if (entry === undefined) {
      const { words, sentenceStart, sentenceWords } = this.tables;
      const chunk = this.sentenceChunk[position]!;
      const sentence = (this.chunks[chunk] as Chunk).sentences[this.sentenceSlot[position]!] as Sentence;
      const ids = sentenceWords.subarray(sentenceStart[position], sentenceStart[position + 1]);
      entry = { sentence, chunk, words: Array.from(ids, (id) => words[id] as string) };
      this.entries[position] = entry;
    }
    return entry;
  }

  /** Positions of a chunk's sentences, in order. */
  sentencesOf(chunk: number): number[] {
    const { chunkStart, chunkSentences } = this.tables;
    return Array.from(chunkSentences.subarray(chunkStart[chunk] ?? 0, chunkStart[chunk + 1] ?? 0));
  }

  /** Inverse sentence frequency: how telling a stem is. Unknown stems get the highest value. */
  idf(stem: string): number {
    const total = this.sentenceCount;
    const id = this.stemIds.get(stem);
    const frequency = id === undefined ? 0 : (this.sentenceFrequency[id] ?? 0);
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  }

  /** Whether the corpus names this (a capitalised word, or one of its family: "Russians" for "Russian"). */
  knowsName(word: string): boolean {
    if (this.properNames.has(word)) return true;
    return wordFamilyKeys(word).some((key) => this.nameFamilyKeys.has(key));
  }

  hasStem(stem: string): boolean {
    return this.stemIds.has(stem);
  }

  /**
   * The `limit` best chunks by BM25, best first, equal scores in the order `bm25` lists them: what sorting all of
   * `bm25` and keeping the head gives, without a Map and a sort of every chunk a common word is in (per question).
   */
  bm25Top(stems: ReadonlyMap<string, number>, limit: number): [number, number][] {
    if (limit <= 0) return [];
    const scores = (this.scratchScores ??= new Float64Array(this.chunks.length));
    const scored = (this.scratchScored ??= new Uint8Array(this.chunks.length));
    const order: number[] = [];
    this.eachBm25Term(stems, (chunk, value) => {
      if (scored[chunk] === 0) {
        scored[chunk] = 1;
        order.push(chunk);
      }
      scores[chunk] = (scores[chunk] as number) + value;
    });
    const top: [number, number][] = [];
    for (const chunk of order) {
      const score = scores[chunk] as number;
      scores[chunk] = 0;
      scored[chunk] = 0;
      if (top.length === limit && score <= (top[limit - 1] as [number, number])[1]) continue;
      // After every kept chunk scoring at least as much: a stable sort's order.
      let at = top.length;
      while (at > 0 && (top[at - 1] as [number, number])[1] < score) at -= 1;
      top.splice(at, 0, [chunk, score]);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  /** BM25 scores of chunks for weighted stems; only chunks with a score are returned. */
  bm25(stems: ReadonlyMap<string, number>): Map<number, number> {
    const scores = new Map<number, number>();
    this.eachBm25Term(stems, (chunk, value) => scores.set(chunk, (scores.get(chunk) ?? 0) + value));
    return scores;
  }

  /** Each (chunk, weighted BM25 term) in the order scores add up: stem by stem, chunks ascending. */
  private eachBm25Term(stems: ReadonlyMap<string, number>, add: (chunk: number, value: number) => void): void {
    const total = this.chunks.length;
    for (const [stem, weight] of stems) {
      const id = this.stemIds.get(stem);
      if (id === undefined) continue;
      const from = this.postingStart[id]!;
      const to = this.postingStart[id + 1]!;
      const idf = Math.log(1 + (total - (to - from) + 0.5) / (to - from + 0.5));
      for (let at = from; at < to; at += 1) {
        const chunk = this.postingChunk[at]!;
        const frequency = this.postingFrequency[at]!;
        const length = this.chunkLengths[chunk] ?? 0;
        const tf = (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / this.averageChunkLength));
        add(chunk, weight * idf * tf);
      }
    }
  }
}

/** Yields every YIELD_EVERY chunks or words; throws when the tables do not fit the chunks. */
function* deriveIndex(chunks: readonly Chunk[], tables: LexicalTables): Sliced<DerivedIndex> {
  const { words, stems, wordStem, wordFlags, chunkStart, chunkSentences, sentenceStart, sentenceWords } = tables;
  if (chunkStart.length !== chunks.length + 1 || chunks.some((chunk, position) => chunk.sentences.length !== chunkStart[position + 1]! - chunkStart[position]!))
    throw new Error('the saved word index does not fit these passages');
  const vocabulary = new Map<string, string>();
  const properNames = new Set<string>();
  const writtenLowercase = new Set<string>();
  const nameFamilyKeys = new Set<string>();
  const stemIds = new Map<string, number>();
  for (let id = 0; id < words.length; id += 1) {
    const word = words[id]!;
    vocabulary.set(word, stems[wordStem[id]!]!);
    const flags = wordFlags[id]!;
    if ((flags & NAME_FLAG) !== 0) properNames.add(word);
    if ((flags & LOWERCASE_FLAG) !== 0) writtenLowercase.add(word);
    if (id % YIELD_EVERY === 0) yield;
  }
  stems.forEach((stem, id) => stemIds.set(stem, id));
  yield;
  for (const name of properNames) for (const key of wordFamilyKeys(name)) nameFamilyKeys.add(key);
  yield;

  const sentenceCount = sentenceStart.length - 1;
  const sentenceChunk = new Uint32Array(sentenceCount);
  const sentenceSlot = new Uint32Array(sentenceCount);
  const sentenceFrequency = new Uint32Array(stems.length);
  const lastSentence = new Int32Array(stems.length).fill(-1);
  let seen = 0;
  for (let chunk = 0; chunk < chunks.length; chunk += 1) {
    for (let slot = chunkStart[chunk]!; slot < chunkStart[chunk + 1]!; slot += 1) {
      const sentence = chunkSentences[slot]!;
      if (sentence !== seen) continue;
      // Sentences are numbered in the order they first appear, so this is where it does.
      sentenceChunk[sentence] = chunk;
      sentenceSlot[sentence] = slot - chunkStart[chunk]!;
      seen += 1;
      for (let word = sentenceStart[sentence]!; word < sentenceStart[sentence + 1]!; word += 1) {
        const stem = wordStem[sentenceWords[word]!]!;
        if (lastSentence[stem] !== sentence) {
          lastSentence[stem] = sentence;
          sentenceFrequency[stem] = sentenceFrequency[stem]! + 1;
        }
      }
    }
    if (chunk % YIELD_EVERY === 0) yield;
  }
  if (seen !== sentenceCount) throw new Error('the saved word index does not fit these passages');

  // Postings in two passes over each chunk's words: count, then fill.
  const chunkLengths = new Uint32Array(chunks.length);
  const postingStart = new Uint32Array(stems.length + 1);
  const counts = new Uint32Array(stems.length);
  const touched: number[] = [];
  function* eachChunkStem(visit: (chunk: number, stem: number, frequency: number) => void): Sliced<void> {
    for (let chunk = 0; chunk < chunks.length; chunk += 1) {
      for (let slot = chunkStart[chunk]!; slot < chunkStart[chunk + 1]!; slot += 1) {
        const sentence = chunkSentences[slot]!;
        for (let word = sentenceStart[sentence]!; word < sentenceStart[sentence + 1]!; word += 1) {
          const stem = wordStem[sentenceWords[word]!]!;
          if (counts[stem] === 0) touched.push(stem);
          counts[stem] = counts[stem]! + 1;
        }
      }
      for (const stem of touched) {
        visit(chunk, stem, counts[stem]!);
        counts[stem] = 0;
      }
      touched.length = 0;
      if (chunk % YIELD_EVERY === 0) yield;
    }
  }
  yield* eachChunkStem((chunk, stem, frequency) => {
    postingStart[stem + 1] = postingStart[stem + 1]! + 1;
    chunkLengths[chunk] = chunkLengths[chunk]! + frequency;
  });
  for (let stem = 0; stem < stems.length; stem += 1) postingStart[stem + 1] = postingStart[stem + 1]! + postingStart[stem]!;
  const total = postingStart[stems.length]!;
  const postingChunk = new Uint32Array(total);
  const postingFrequency = new Uint32Array(total);
  const next = postingStart.slice(0, stems.length);
  yield* eachChunkStem((chunk, stem, frequency) => {
    const at = next[stem]!;
    postingChunk[at] = chunk;
    postingFrequency[at] = frequency;
    next[stem] = at + 1;
  });
  let lengthSum = 0;
  for (const length of chunkLengths) lengthSum += length;
  const averageChunkLength = Math.max(1, lengthSum / Math.max(1, chunks.length));
  return {
    vocabulary,
    properNames,
    writtenLowercase,
    nameFamilyKeys,
    stemIds,
    sentenceFrequency,
    postingStart,
    postingChunk,
    postingFrequency,
    chunkLengths,
    averageChunkLength,
    sentenceChunk,
    sentenceSlot,
  };
}
