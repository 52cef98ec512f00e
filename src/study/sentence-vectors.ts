/**
 * TF-IDF vectors of sentences over content-word stems: the offline summariser's notion of what a sentence
 * is about, and of two sentences saying the same thing. IDF is taken over the whole corpus so a section's
 * summary weighs words as the whole text does.
 */
import { contentStems } from '../language/tokenize.js';

/** A sparse unit vector: stem → weight. */
export type SparseVector = ReadonlyMap<string, number>;

export class SentenceVectors {
  private readonly inverseFrequency = new Map<string, number>();
  private readonly documentCount: number;

  constructor(corpusTexts: readonly string[]) {
    this.documentCount = corpusTexts.length;
    const counts = new Map<string, number>();
    for (const text of corpusTexts) for (const stem of new Set(contentStems(text))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    for (const [stem, count] of counts) this.inverseFrequency.set(stem, Math.log((1 + this.documentCount) / (1 + count)) + 1);
  }

  vector(text: string): SparseVector {
    const frequencies = new Map<string, number>();
    for (const stem of contentStems(text)) frequencies.set(stem, (frequencies.get(stem) ?? 0) + 1);
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [stem, count] of frequencies) {
      const weight = (1 + Math.log(count)) * (this.inverseFrequency.get(stem) ?? Math.log(1 + this.documentCount) + 1);
      weights.set(stem, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [stem, weight] of weights) weights.set(stem, weight / norm);
    return weights;
  }
}

export function cosine(first: SparseVector, second: SparseVector): number {
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  let dot = 0;
  for (const [stem, weight] of small) dot += weight * (large.get(stem) ?? 0);
  return dot;
}
