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
import { buildLexicalTables, LOWERCASE_FLAG, NAME_FLAG, type LexicalTables } from './lexical-tables.js';

export interface IndexedSentence {
  readonly sentence: Sentence;
  readonly chunk: number;
  /** Content words of the sentence (lower-cased surface forms), in order. */
  readonly words: readonly string[];
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;

export class LexicalIndex {
  /** Every content word of the corpus → its stem. */
  readonly vocabulary = new Map<string, string>();
  /** Words the corpus writes with a capital inside a sentence: its names ("kremlin", "azerbaijanis"), lower-cased. */
  readonly properNames = new Set<string>();
  /** Words the corpus writes in lower case at least once: a word only ever capitalised is a name. */
  readonly writtenLowercase = new Set<string>();
  /** Family keys of the names (see wordFamilyKeys): "Russians" meets "Russian" by a look-up. */
  private readonly nameFamilyKeys = new Set<string>();
  private readonly stemIds = new Map<string, number>();
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
  ) {
    const { words, stems, wordStem, wordFlags, chunkStart, chunkSentences, sentenceStart, sentenceWords } = tables;
    if (
      chunkStart.length !== chunks.length + 1 ||
      chunks.some((chunk, position) => chunk.sentences.length !== chunkStart[position + 1]! - chunkStart[position]!)
    )
      throw new Error('the saved word index does not fit these passages');
    words.forEach((word, id) => {
      this.vocabulary.set(word, stems[wordStem[id]!]!);
      const flags = wordFlags[id]!;
      if ((flags & NAME_FLAG) !== 0) this.properNames.add(word);
      if ((flags & LOWERCASE_FLAG) !== 0) this.writtenLowercase.add(word);
    });
    stems.forEach((stem, id) => this.stemIds.set(stem, id));
    for (const name of this.properNames) for (const key of wordFamilyKeys(name)) this.nameFamilyKeys.add(key);

    const sentenceCount = sentenceStart.length - 1;
    this.entries = new Array<IndexedSentence | undefined>(sentenceCount);
    this.sentenceChunk = new Uint32Array(sentenceCount);
    this.sentenceSlot = new Uint32Array(sentenceCount);
    this.sentenceFrequency = new Uint32Array(stems.length);
    const lastSentence = new Int32Array(stems.length).fill(-1);
    let seen = 0;
    for (let chunk = 0; chunk < chunks.length; chunk += 1) {
      for (let slot = chunkStart[chunk]!; slot < chunkStart[chunk + 1]!; slot += 1) {
        const sentence = chunkSentences[slot]!;
        if (sentence !== seen) continue;
        // Sentences are numbered in the order they first appear, so this is where it does.
        this.sentenceChunk[sentence] = chunk;
        this.sentenceSlot[sentence] = slot - chunkStart[chunk]!;
        seen += 1;
        for (let word = sentenceStart[sentence]!; word < sentenceStart[sentence + 1]!; word += 1) {
          const stem = wordStem[sentenceWords[word]!]!;
          if (lastSentence[stem] !== sentence) {
            lastSentence[stem] = sentence;
            this.sentenceFrequency[stem] = this.sentenceFrequency[stem]! + 1;
          }
        }
      }
    }
    if (seen !== sentenceCount) throw new Error('the saved word index does not fit these passages');

    // Postings in two passes over each chunk's words: count, then fill.
    this.chunkLengths = new Uint32Array(chunks.length);
    this.postingStart = new Uint32Array(stems.length + 1);
    const counts = new Uint32Array(stems.length);
    const touched: number[] = [];
    const eachChunkStem = (visit: (chunk: number, stem: number, frequency: number) => void) => {
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
      }
    };
    eachChunkStem((chunk, stem, frequency) => {
      this.postingStart[stem + 1] = this.postingStart[stem + 1]! + 1;
      this.chunkLengths[chunk] = this.chunkLengths[chunk]! + frequency;
    });
    for (let stem = 0; stem < stems.length; stem += 1) this.postingStart[stem + 1] = this.postingStart[stem + 1]! + this.postingStart[stem]!;
    const total = this.postingStart[stems.length]!;
    this.postingChunk = new Uint32Array(total);
    this.postingFrequency = new Uint32Array(total);
    const next = this.postingStart.slice(0, stems.length);
    eachChunkStem((chunk, stem, frequency) => {
      const at = next[stem]!;
      this.postingChunk[at] = chunk;
      this.postingFrequency[at] = frequency;
      next[stem] = at + 1;
    });
    let lengthSum = 0;
    for (const length of this.chunkLengths) lengthSum += length;
    this.averageChunkLength = Math.max(1, lengthSum / Math.max(1, chunks.length));
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
