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
import { deriveIndex, type DerivedIndex } from './derive-lexical-index.js';
import { runAtOnce, runInTurns } from './in-turns.js';
import { buildLexicalTables, type LexicalCounts, type LexicalTables } from './lexical-tables.js';
import { DocumentTerms, inverseFrequency, type TermStatistics } from './document-terms.js';
import { DocumentPlaces } from './document-places.js';

export interface IndexedSentence {
  readonly sentence: Sentence;
  readonly chunk: number;
  /** Content words of the sentence (lower-cased surface forms), in order. */
  readonly words: readonly string[];
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** Documents whose term statistics are kept (a question weighs a few documents; a library may hold thousands). */
const DOCUMENT_TERMS_KEPT = 32;

export class LexicalIndex implements TermStatistics {
  /** Every content word of the corpus → its stem. */
  readonly vocabulary: Map<string, string>;
  /** The corpus's names, lower-cased (see DerivedIndex). */
  readonly properNames: Set<string>;
  /** Words the corpus writes in lower case at least once: a word only ever capitalised is a name. */
  readonly writtenLowercase: Set<string>;
  private readonly entries: (IndexedSentence | undefined)[];
  private lengths: Map<string, number> | undefined;
  private readonly places: DocumentPlaces;
  /** Each stem's frequency in all passages, by stem id, once asked for (stemFrequency). */
  private readonly stemTotals = new Map<number, number>();
  private readonly documentTerms = new Map<string, DocumentTerms>();
  /** Reused by bm25Top, left zeroed after each call. */
  private scratchScores: Float64Array | undefined;
  private scratchScored: Uint8Array | undefined;

  /** Tokenises every sentence of the chunks; `tables` (read back from disk) skips that. Throws when they do not fit the chunks. */
  constructor(
    readonly chunks: readonly Chunk[],
    readonly tables: LexicalTables = buildLexicalTables(chunks),
    private readonly derived: DerivedIndex = runAtOnce(deriveIndex(chunks, tables)),
  ) {
    this.vocabulary = derived.vocabulary;
    this.properNames = derived.properNames;
    this.writtenLowercase = derived.writtenLowercase;
    this.entries = new Array<IndexedSentence | undefined>(derived.sentenceChunk.length);
    this.places = new DocumentPlaces(chunks);
  }

  /** The index over saved tables, made in turns of the event loop (a bot opening a library's index keeps answering). */
  static async open(chunks: readonly Chunk[], tables: LexicalTables): Promise<LexicalIndex> {
    return new LexicalIndex(chunks, tables, await runInTurns(deriveIndex(chunks, tables)));
  }

  /** What was counted from the tables, to save beside them (lexical-tables.ts): a start then reads it instead. */
  get counts(): LexicalCounts {
    const { sentenceFrequency, postingStart, postingChunk, postingFrequency, chunkLengths, sentenceChunk, sentenceSlot } = this.derived;
    return { sentenceFrequency, postingStart, postingChunk, postingFrequency, chunkLengths, sentenceChunk, sentenceSlot };
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
      const chunk = this.derived.sentenceChunk[position]!;
      const sentence = (this.chunks[chunk] as Chunk).sentences[this.derived.sentenceSlot[position]!] as Sentence;
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
    const id = this.derived.stemIds.get(stem);
    const frequency = id === undefined ? 0 : (this.derived.sentenceFrequency[id] ?? 0);
    return inverseFrequency(total, frequency);
  }

  /** A document's chunks, positions from..to (exclusive): chunking keeps each document's chunks together. */
  chunkRange(documentId: string): { readonly from: number; readonly to: number } | undefined {
    return this.places.range(documentId);
  }

  /** The documents, in the order their chunks come. */
  documentIds(): readonly string[] {
    return this.places.ids();
  }

  /** Distinct sentences of a document, positions from..to (exclusive): numbered in chunk order, so they are together too. */
  sentenceRange(documentId: string): { readonly from: number; readonly to: number } | undefined {
    const chunks = this.chunkRange(documentId);
    if (chunks === undefined) return undefined;
    const { chunkStart, chunkSentences } = this.tables;
    let from = Infinity;
    let to = -1;
    for (let slot = chunkStart[chunks.from]!; slot < chunkStart[chunks.to]!; slot += 1) {
      from = Math.min(from, chunkSentences[slot]!);
      to = Math.max(to, chunkSentences[slot]! + 1);
    }
    return to < 0 ? undefined : { from, to };
  }

  /** Positions of the chunks holding a word of this stem, ascending; within `range` (one document's chunks) when given. */
  chunksWith(stem: string, range?: { readonly from: number; readonly to: number }): Uint32Array {
    const { stemIds, postingStart, postingChunk } = this.derived;
    const id = stemIds.get(stem);
    if (id === undefined) return new Uint32Array(0);
    const end = postingStart[id + 1]!;
    const first = range === undefined ? postingStart[id]! : lowerBound(postingChunk, postingStart[id]!, end, range.from);
    return postingChunk.subarray(first, range === undefined ? end : lowerBound(postingChunk, first, end, range.to));
  }

  /** The term statistics of one document alone (document-terms.ts); the whole index's when it is the only document. */
  termsOf(documentId: string): TermStatistics {
    const cached = this.documentTerms.get(documentId);
    if (cached !== undefined) return cached;
    const range = this.sentenceRange(documentId);
    if (range === undefined || (range.from === 0 && range.to === this.sentenceCount)) return this;
    const { sentenceStart, sentenceWords, wordStem, words } = this.tables;
    const frequency = new Map<number, number>();
    const lastSentence = new Map<number, number>();
    const vocabulary = new Map<string, string>();
    for (let sentence = range.from; sentence < range.to; sentence += 1) {
      for (let word = sentenceStart[sentence]!; word < sentenceStart[sentence + 1]!; word += 1) {
        const text = words[sentenceWords[word]!]!;
        if (!vocabulary.has(text)) vocabulary.set(text, this.vocabulary.get(text)!);
        const stem = wordStem[sentenceWords[word]!]!;
        if (lastSentence.get(stem) === sentence) continue;
        lastSentence.set(stem, sentence);
        frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
      }
    }
    const within = (names: ReadonlySet<string>) => new Set([...vocabulary.keys()].filter((word) => names.has(word)));
    const terms = new DocumentTerms(this.derived.stemIds, frequency, range.to - range.from, {
      vocabulary,
      properNames: within(this.properNames),
      writtenLowercase: within(this.writtenLowercase),
    });
    if (this.documentTerms.size >= DOCUMENT_TERMS_KEPT) this.documentTerms.delete(this.documentTerms.keys().next().value as string);
    this.documentTerms.set(documentId, terms);
    return terms;
  }

  /** Whether the corpus names this (a capitalised word, or one of its family: "Russians" for "Russian"). */
  knowsName(word: string): boolean {
    if (this.properNames.has(word)) return true;
    return wordFamilyKeys(word).some((key) => this.derived.nameFamilyKeys.has(key));
  }

  hasStem(stem: string): boolean {
    return this.derived.stemIds.has(stem);
  }

  /** How often the stem occurs in each document's passages (a sentence in two windows counts twice, as in BM25). */
  documentFrequencies(stem: string): Map<string, number> {
    const { stemIds, postingStart, postingChunk, postingFrequency } = this.derived;
    const id = stemIds.get(stem);
    return id === undefined ? new Map<string, number>() : this.places.countByDocument(postingChunk, postingFrequency, postingStart[id]!, postingStart[id + 1]!);
  }

  /**
   * How often the stem occurs in the passages `from` ≤ chunk < `to` (one document's range), or in all passages
   * without a range: `documentFrequencies` for one document, by binary search in the stem's postings (chunks
   * ascending), without a pass over every document that uses the stem.
   */
  stemFrequency(stem: string, range?: { readonly from: number; readonly to: number }): number {
    const { stemIds, postingStart, postingChunk, postingFrequency } = this.derived;
    const id = stemIds.get(stem);
    if (id === undefined) return 0;
    const first = postingStart[id]!;
    const end = postingStart[id + 1]!;
    if (range === undefined) {
      let total = this.stemTotals.get(id);
      if (total === undefined) {
        total = 0;
        for (let at = first; at < end; at += 1) total += postingFrequency[at]!;
        this.stemTotals.set(id, total);
      }
      return total;
    }
    let count = 0;
    for (let at = lowerBound(postingChunk, first, end, range.from); at < end && postingChunk[at]! < range.to; at += 1) count += postingFrequency[at]!;
    return count;
  }

  /** Content words of each document's passages, counted as documentFrequencies counts them. */
  documentLengths(): ReadonlyMap<string, number> {
    if (this.lengths === undefined) {
      this.lengths = new Map();
      for (const [position, chunk] of this.chunks.entries())
        this.lengths.set(chunk.documentId, (this.lengths.get(chunk.documentId) ?? 0) + this.derived.chunkLengths[position]!);
    }
    return this.lengths;
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
    const { stemIds, postingStart, postingChunk, postingFrequency, chunkLengths, averageChunkLength } = this.derived;
    for (const [stem, weight] of stems) {
      const id = stemIds.get(stem);
      if (id === undefined) continue;
      const from = postingStart[id]!;
      const to = postingStart[id + 1]!;
      const idf = Math.log(1 + (total - (to - from) + 0.5) / (to - from + 0.5));
      for (let at = from; at < to; at += 1) {
        const chunk = postingChunk[at]!;
        const frequency = postingFrequency[at]!;
        const length = chunkLengths[chunk] ?? 0;
        const tf = (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageChunkLength));
        add(chunk, weight * idf * tf);
      }
    }
  }
}

/** The first position in sorted `values[from, to)` holding at least `target` (`to` when none does). */
function lowerBound(values: Uint32Array, from: number, to: number, target: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
