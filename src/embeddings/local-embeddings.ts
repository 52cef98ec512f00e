/**
 * Offline text embeddings: a SIF-weighted mean of pretrained word vectors (Arora et al., 2017).
 * Each word counts a/(a + p(w)), where p(w) is the word's frequency estimated from its rank in the
 * model's frequency-ordered vocabulary (Zipf), so "the" counts ~1 % and a rare name ~100 %.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { eachWord, stemWord } from '../language/tokenize.js';
import type { WordVectors } from './word-vectors.js';
import { WORD_VECTORS_MODEL } from './word-vectors.js';

const SIF_A = 1e-3;
/** Words whose row is remembered (~100 bytes each). */
const ROWS_KEPT = 200_000;

export class LocalEmbeddings implements EmbeddingsInterface {
  readonly provider = 'local';
  readonly model = WORD_VECTORS_MODEL;
  private readonly harmonic: number;
  private readonly rows = new Map<string, number>();

  constructor(readonly words: WordVectors) {
    this.harmonic = Math.log(words.size) + 0.5772;
  }

  get dimensions(): number {
    return this.words.dimensions;
  }

  /** SIF weight of a known word; unknown words get the weight of the rarest word. */
  weight(word: string): number {
    return this.weightOfRank(this.words.rank(word) ?? this.words.size);
  }

  /** Unit-length embedding (all zeros when no word is known). */
  embed(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    eachWord(text, (word) => {
      const row = this.rowOf(word);
      if (row >= 0) this.words.addRow(row, vector, this.weightOfRank(row));
    });
    return normalize(vector);
  }

  /**
   * The vectors' row for a word: its own, or (a form the model lacks, a rare inflection) its stem's; -1 for
   * neither. Remembered per word: ingest and the sentence vectors look up millions of words, most of them again.
   */
  private rowOf(word: string): number {
    let row = this.rows.get(word);
    if (row === undefined) {
      row = this.words.rank(word) ?? this.words.rank(stemWord(word)) ?? -1;
      if (this.rows.size >= ROWS_KEPT) this.rows.clear();
      this.rows.set(word, row);
    }
    return row;
  }

  private weightOfRank(rank: number): number {
    const probability = 1 / ((rank + 1) * this.harmonic);
    return SIF_A / (SIF_A + probability);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((document) => Array.from(this.embed(document)));
  }

  async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embed(document));
  }
}

export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] as number) / norm;
  return vector;
}

export function dot(first: ArrayLike<number>, second: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < first.length; index += 1) sum += (first[index] as number) * (second[index] as number);
  return sum;
}
