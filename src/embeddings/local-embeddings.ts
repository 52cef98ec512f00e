/**
 * Offline text embeddings: a SIF-weighted mean of pretrained word vectors (Arora et al., 2017).
 * Each word counts a/(a + p(w)), where p(w) is the word's frequency estimated from its rank in the
 * model's frequency-ordered vocabulary (Zipf), so "the" counts ~1 % and a rare name ~100 %.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { tokenize } from '../language/tokenize.js';
import type { WordVectors } from './word-vectors.js';
import { WORD_VECTORS_MODEL } from './word-vectors.js';

const SIF_A = 1e-3;

export class LocalEmbeddings implements EmbeddingsInterface {
  readonly provider = 'local';
  readonly model = WORD_VECTORS_MODEL;
  private readonly harmonic: number;

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
    for (const token of tokenize(text)) {
      // One look-up per word (ingest looks up millions): its rank gives both its row and its weight.
      const row = this.words.rank(token.word);
      if (row !== undefined) this.words.addRow(row, vector, this.weightOfRank(row));
      else {
        // A form the model lacks (a rare inflection): fall back to its stem.
        const stemRow = this.words.rank(token.stem);
        if (stemRow !== undefined) this.words.addRow(stemRow, vector, this.weightOfRank(stemRow));
      }
    }
    return normalize(vector);
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
