/**
 * What a LexicalIndex derives from its flat tables (lexical-tables.ts): the vocabulary and name sets, stem ids,
 * sentence frequencies, BM25 postings and chunk lengths. Made by a generator that yields every YIELD_EVERY chunks
 * or words, so a bot can derive a library's index in turns of the event loop (in-turns.ts).
 */
import type { Chunk } from '../chunking/chunk-corpus.js';
import { wordFamilyKeys } from '../language/tokenize.js';
import type { Sliced } from './in-turns.js';
import { LOWERCASE_FLAG, NAME_FLAG, type LexicalTables } from './lexical-tables.js';

/** Chunks (or words) between two points where deriving the index may give the event loop a turn. */
const YIELD_EVERY = 64;

/** Everything the index derives from its tables, made in slices (deriveIndex) so a bot can make it in turns. */
export interface DerivedIndex {
  /** Every content word of the corpus → its stem. */
  readonly vocabulary: Map<string, string>;
  /** Words the corpus writes with a capital inside a sentence: its names ("kremlin", "azerbaijanis"), lower-cased. */
  readonly properNames: Set<string>;
  /** Words the corpus writes in lower case at least once: a word only ever capitalised is a name. */
  readonly writtenLowercase: Set<string>;
  /** Family keys of the names (see wordFamilyKeys): "Russians" meets "Russian" by a look-up. */
  readonly nameFamilyKeys: Set<string>;
  readonly stemIds: Map<string, number>;
  /** Sentences (distinct) holding each stem. */
  readonly sentenceFrequency: Uint32Array;
  /** Stem s's postings are postingChunk/postingFrequency[postingStart[s] .. postingStart[s + 1]), chunks ascending. */
  readonly postingStart: Uint32Array;
  readonly postingChunk: Uint32Array;
  readonly postingFrequency: Uint32Array;
  readonly chunkLengths: Uint32Array;
  readonly averageChunkLength: number;
  /** Where each sentence first appears: its chunk and its place among that chunk's sentences. */
  readonly sentenceChunk: Uint32Array;
  readonly sentenceSlot: Uint32Array;
}

/** Yields every YIELD_EVERY chunks or words; throws when the tables do not fit the chunks. */
export function* deriveIndex(chunks: readonly Chunk[], tables: LexicalTables): Sliced<DerivedIndex> {
  const { words, stems, wordStem, wordFlags, chunkStart, chunkSentences, sentenceStart, sentenceWords } = tables;
  if (chunkStart.length !== chunks.length + 1 || chunks.some((chunk, position) => chunk.sentenceCount !== chunkStart[position + 1]! - chunkStart[position]!))
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
  const saved = tables.counts;
  if (
    saved !== undefined &&
    saved.sentenceChunk.length === sentenceCount &&
    saved.sentenceSlot.length === sentenceCount &&
    saved.sentenceFrequency.length === stems.length &&
    saved.postingStart.length === stems.length + 1 &&
    saved.chunkLengths.length === chunks.length
  ) {
    // Counted at ingest from these very tables (the file's checksum vouches for them): a start only reads them.
    return { vocabulary, properNames, writtenLowercase, nameFamilyKeys, stemIds, ...saved, averageChunkLength: averageLength(saved.chunkLengths) };
  }
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
  const averageChunkLength = averageLength(chunkLengths);
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

function averageLength(chunkLengths: Uint32Array): number {
  let lengthSum = 0;
  for (const length of chunkLengths) lengthSum += length;
  return Math.max(1, lengthSum / Math.max(1, chunkLengths.length));
}
