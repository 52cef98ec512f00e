/** Vectors for the vector-index tests, given directly: nothing embeds text there. */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { seededRandom } from '../../src/seeded-random.js';

export const DIMENSIONS = 100;

/** An embedder for stores whose vectors are given directly. */
export const noEmbeddings: EmbeddingsInterface = {
  embedQuery: () => Promise.reject(new Error('not used')),
  embedDocuments: () => Promise.reject(new Error('not used')),
};

/** Random vectors (not normalised), every `copyEvery`-th a copy of the one before, so equal distances occur. */
export function tiedVectors(count: number, seed: string, copyEvery: number): number[][] {
  const random = seededRandom(seed);
  const made: number[][] = [];
  for (let index = 0; index < count; index += 1) {
    const previous = made[index - 1];
    made.push(index % copyEvery === copyEvery - 1 && previous !== undefined ? [...previous] : Array.from({ length: DIMENSIONS }, () => random.next() * 2 - 1));
  }
  return made;
}
