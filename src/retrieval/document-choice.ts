/**
 * Which document of a library a question is about. First by query likelihood: each document is a bag of words,
 * smoothed towards the whole corpus (Dirichlet, Zhai & Lafferty 2001), and the question's words are drawn
 * from it. A question using words that only one text has ("divers", "Fresno") leans to that text even where
 * a sentence of another text happens to share more of its plainer words. With one document every share is
 * 1, so a single text is ranked exactly as before. A text much shorter than the smoothing (a few hundred words)
 * stays close to the corpus's frequencies: it is pushed neither way by much. When the likelihood is unsure,
 * BM25 over whole documents (each text one unit) decides if it is sure: it weighs a word by how few texts use
 * it and saturates repeats, where the likelihood lets a text that repeats a plain word ("temperature") pull ahead.
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

/** BM25 parameters for whole documents (Robertson's usual values). */
const K1 = 1.2;
const B = 0.75;

/**
 * A question goes straight to the likeliest document when the next is less than SURE_SHARE as likely, or else to
 * the best by BM25 over documents when the next scores less than DECISIVE_BM25 of it; otherwise nothing is sure
 * (the caller asks the whole library). Chosen on the 13 SQuAD 1.1 articles and the Baku article as one library
 * (100 questions an article; answerable questions sent to another text, counted on recorded features: likelihood
 * alone at 0.5 44; likelihood 0 / 0.3 / 0.5 then BM25 0.5 / 0.6 / 0.7 → 44 41 46 / 40 38 44 / 40 39 43), and
 * checked on the 19 SQuAD 2.0 articles (answers right alone lost to another text 29 → 25).
 */
const SURE_SHARE = 0.3;
const DECISIVE_BM25 = 0.6;
/**
 * Over two texts a word's document frequency only says "in one or in both", so any word one text has would make
 * BM25 sure of it: there the likelihood decides alone, sure below 0.5 (chosen on the same 13 articles for the
 * likelihood alone: 0.2 / 0.4 / 0.5 / 0.6 / 0.8 → right document 1,255 / 1,262 / 1,263 / 1,264 / 1,261 of 1,300).
 */
const BM25_FROM_DOCUMENTS = 3;
const SURE_SHARE_ALONE = 0.5;

/** The document a question goes straight to (likelihood first, then BM25 over documents), or undefined when neither is sure. */
export function decisiveDocument(lexical: LexicalIndex, terms: readonly ChoiceTerm[], shares: ReadonlyMap<string, number> | undefined): string | undefined {
  if (shares === undefined) return undefined;
  if (lexical.documentLengths().size < BM25_FROM_DOCUMENTS) return clearWinner(shares, SURE_SHARE_ALONE);
  return clearWinner(shares, SURE_SHARE) ?? clearWinner(documentBm25(lexical, terms, new Set(shares.keys())), DECISIVE_BM25);
}

/** The best of `scores` (relative to it, 0..1) when the next is below `margin`. */
function clearWinner(scores: ReadonlyMap<string, number> | undefined, margin: number): string | undefined {
  let best: [string, number] | undefined;
  let next = 0;
  for (const [id, score] of scores ?? []) {
    if (best === undefined || score > best[1]) {
      if (best !== undefined) next = Math.max(next, best[1]);
      best = [id, score];
    } else next = Math.max(next, score);
  }
  return best !== undefined && next < margin ? best[0] : undefined;
}

/**
 * Each of `documentIds`' BM25 score over whole documents (each text one unit, idf over the library's texts),
 * relative to the best one (0..1); undefined when there is nothing to choose between.
 */
export function documentBm25(lexical: LexicalIndex, terms: readonly ChoiceTerm[], documentIds: ReadonlySet<string>): ReadonlyMap<string, number> | undefined {
  if (documentIds.size <= 1) return undefined;
  const lengths = lexical.documentLengths();
  const average = [...lengths.values()].reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.size);
  const scores = new Map<string, number>([...documentIds].map((id) => [id, 0]));
  for (const { weight, stems } of terms) {
    const counts = new Map<string, number>();
    for (const stem of stems) for (const [id, count] of lexical.documentFrequencies(stem)) counts.set(id, (counts.get(id) ?? 0) + count);
    if (counts.size === 0) continue;
    const idf = Math.log(1 + (lengths.size - counts.size + 0.5) / (counts.size + 0.5));
    for (const id of documentIds) {
      const frequency = counts.get(id) ?? 0;
      const norm = K1 * (1 - B + (B * (lengths.get(id) ?? 0)) / average);
      scores.set(id, (scores.get(id) ?? 0) + (weight * idf * frequency * (K1 + 1)) / (frequency + norm));
    }
  }
  const best = Math.max(...scores.values());
  if (!(best > 0)) return undefined;
  return new Map([...scores].map(([id, value]) => [id, value / best]));
}
