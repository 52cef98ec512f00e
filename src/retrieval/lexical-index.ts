/**
 * Word statistics of the indexed chunks: an inverted index for BM25 over chunks, sentence-level
 * document frequencies for term weights, and the corpus vocabulary that query words are matched to.
 */
import type { Chunk } from '../chunking/chunk-corpus.js';
import type { Sentence } from '../corpus/types.js';
import { isContentWord, tokenize, wordFamilyKeys } from '../language/tokenize.js';

export interface IndexedSentence {
  readonly sentence: Sentence;
  readonly chunk: number;
  /** Content words of the sentence (lower-cased surface forms), in order. */
  readonly words: readonly string[];
}

interface Posting {
  readonly chunk: number;
  readonly frequency: number;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;

export class LexicalIndex {
  /** Every content word of the corpus → its stem. */
  readonly vocabulary = new Map<string, string>();
  readonly sentences: IndexedSentence[] = [];
  /** Words the corpus writes with a capital inside a sentence: its names ("kremlin", "azerbaijanis"), lower-cased. */
  readonly properNames = new Set<string>();
  /** Words the corpus writes in lower case at least once: a word only ever capitalised is a name. */
  readonly writtenLowercase = new Set<string>();
  /** Sentences of each chunk, as positions in `sentences`. */
  readonly chunkSentences: number[][] = [];
  /** Family keys of the names (see wordFamilyKeys): "Russians" meets "Russian" by a look-up. */
  private readonly nameFamilyKeys = new Set<string>();
  private readonly postings = new Map<string, Posting[]>();
  private readonly sentenceFrequency = new Map<string, number>();
  private readonly chunkLengths: number[] = [];
  private averageChunkLength = 1;

  constructor(readonly chunks: readonly Chunk[]) {
    const sentenceByOffset = new Map<string, number>();
    chunks.forEach((chunk, chunkPosition) => {
      const frequencies = new Map<string, number>();
      let length = 0;
      const positions: number[] = [];
      for (const sentence of chunk.sentences) {
        const key = `${sentence.documentId}:${sentence.start}`;
        let position = sentenceByOffset.get(key);
        const words = tokenize(sentence.text).filter((token) => isContentWord(token.word));
        if (position === undefined) {
          position = this.sentences.length;
          sentenceByOffset.set(key, position);
          this.sentences.push({ sentence, chunk: chunkPosition, words: words.map((token) => token.word) });
          for (const token of words) {
            const capitalised = /^\p{Lu}/u.test(sentence.text.slice(token.start, token.end));
            if (token.start > 0 && capitalised) this.properNames.add(token.word);
            else if (!capitalised) this.writtenLowercase.add(token.word);
          }
          for (const stem of new Set(words.map((token) => token.stem))) this.sentenceFrequency.set(stem, (this.sentenceFrequency.get(stem) ?? 0) + 1);
        }
        positions.push(position);
        for (const token of words) {
          this.vocabulary.set(token.word, token.stem);
          frequencies.set(token.stem, (frequencies.get(token.stem) ?? 0) + 1);
          length += 1;
        }
      }
      this.chunkSentences.push(positions);
      this.chunkLengths.push(length);
      for (const [stem, frequency] of frequencies) {
        let list = this.postings.get(stem);
        if (list === undefined) this.postings.set(stem, (list = []));
        list.push({ chunk: chunkPosition, frequency });
      }
    });
    for (const name of this.properNames) for (const key of wordFamilyKeys(name)) this.nameFamilyKeys.add(key);
    this.averageChunkLength = Math.max(1, this.chunkLengths.reduce((sum, length) => sum + length, 0) / Math.max(1, chunks.length));
  }

  /** Inverse sentence frequency: how telling a stem is. Unknown stems get the highest value. */
  idf(stem: string): number {
    const total = this.sentences.length;
    const frequency = this.sentenceFrequency.get(stem) ?? 0;
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  }

  /** Whether the corpus names this (a capitalised word, or one of its family: "Russians" for "Russian"). */
  knowsName(word: string): boolean {
    if (this.properNames.has(word)) return true;
    return wordFamilyKeys(word).some((key) => this.nameFamilyKeys.has(key));
  }

  hasStem(stem: string): boolean {
    return this.sentenceFrequency.has(stem);
  }

  /** BM25 scores of chunks for weighted stems; only chunks with a score are returned. */
  bm25(stems: ReadonlyMap<string, number>): Map<number, number> {
    const scores = new Map<number, number>();
    const total = this.chunks.length;
    for (const [stem, weight] of stems) {
      const list = this.postings.get(stem);
      if (list === undefined) continue;
      const idf = Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5));
      for (const { chunk, frequency } of list) {
        const length = this.chunkLengths[chunk] ?? 0;
        const tf = (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / this.averageChunkLength));
        scores.set(chunk, (scores.get(chunk) ?? 0) + weight * idf * tf);
      }
    }
    return scores;
  }
}
