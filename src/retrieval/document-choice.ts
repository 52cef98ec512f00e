/**
 * Which document of a library a question is about, by query likelihood: each document is a bag of words,
 * smoothed towards the whole corpus (Dirichlet, Zhai & Lafferty 2001), and the question's words are drawn
 * from it. A question using words that only one text has ("divers", "Fresno") leans to that text even where
 * a sentence of another text happens to share more of its plainer words. With one document every share is
 * 1, so a single text is ranked exactly as before. A text much shorter than the smoothing (a few hundred words)
 * stays close to the corpus's frequencies: it is pushed neither way by much.
 */
import type { LexicalIndex } from './lexical-index.js';

/** One question word: its weight and the corpus stems that count as it (its own, its family's, a shared long prefix). */
export interface ChoiceTerm {
  readonly weight: number;
  readonly stems: ReadonlySet<string>;
}

/** Dirichlet prior, in words: a document shorter than this leans on the corpus's frequencies. */
const SMOOTHING = 2000;

/**
 * Each of `documentIds`' likelihood of the question relative to the likeliest one, per question word
 * (a geometric mean, 0..1); undefined when there is nothing to choose between.
 */
export function documentShares(lexical: LexicalIndex, terms: readonly ChoiceTerm[], documentIds: ReadonlySet<string>): ReadonlyMap<string, number> | undefined {
  if (documentIds.size <= 1) return undefined;
  const lengths = lexical.documentLengths();
  const corpusLength = [...lengths.values()].reduce((sum, length) => sum + length, 0);
  const logLikelihood = new Map<string, number>([...documentIds].map((id) => [id, 0]));
  let totalWeight = 0;
  const ranges = [...documentIds].map((id) => [id, lexical.chunkRange(id)] as const);
  for (const { weight, stems } of terms) {
    // Whole counts, so summing them stem by stem or document by document gives the same numbers.
    const counts = new Map<string, number>();
    let total = 0;
    for (const stem of stems) {
      total += lexical.stemFrequency(stem);
      for (const [id, range] of ranges) if (range !== undefined) counts.set(id, (counts.get(id) ?? 0) + lexical.stemFrequency(stem, range));
    }
    const inCorpus = total / Math.max(1, corpusLength);
    // A word the corpus never uses tells no document from another.
    if (inCorpus === 0) continue;
    totalWeight += weight;
    for (const id of documentIds)
      logLikelihood.set(
        id,
        (logLikelihood.get(id) ?? 0) + weight * Math.log(((counts.get(id) ?? 0) + SMOOTHING * inCorpus) / ((lengths.get(id) ?? 0) + SMOOTHING)),
      );
  }
  if (totalWeight === 0) return undefined;
  const best = Math.max(...logLikelihood.values());
  return new Map([...logLikelihood].map(([id, value]) => [id, Math.exp((value - best) / totalWeight)]));
}
