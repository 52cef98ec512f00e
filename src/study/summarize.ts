/**
 * Extractive summaries: the key sentences of the whole text or of one section, verbatim, in reading order.
 * A sentence is key when it is central (similar to many others: LexRank over TF-IDF vectors) and on the
 * section's topic (similar to its heading); maximal marginal relevance then keeps two points from saying
 * the same thing. A long summary of the whole text takes the best sentence of every section first, so no
 * section is left out. With a model configured, model-summary.ts has the model write points over these
 * same ranked sentences and falls back to this summary.
 */
import type { Corpus } from '../corpus/types.js';
import { cosine, SentenceVectors, type SparseVector } from './sentence-vectors.js';
import { sectionKey, sentenceUnits, type SentenceUnit } from './sentence-units.js';
import { resolveScope, type StudyProblem } from './study-scope.js';
import { quoteSentence, type Quote } from './study-quote.js';

export type SummaryLength = 'short' | 'long';

export interface SummaryOptions {
  /** A section name (a unique prefix or fragment is enough); the whole text when omitted. */
  readonly section?: string | undefined;
  readonly length: SummaryLength;
}

export interface SummaryPoint {
  /** The point: the sentence it comes from, verbatim, or (mode 'llm') the model's words for what that sentence says. */
  readonly text: string;
  readonly quote: Quote;
}

/** 'extractive': the points are sentences of the text; 'llm': a model wrote them, each citing one sentence. */
export type SummaryMode = 'llm' | 'extractive';

/** A point the model wrote that could not be kept, and why. */
export interface DroppedSummaryPoint {
  readonly text: string;
  readonly sentenceId: string;
  readonly reason: 'unknown-sentence' | 'duplicate' | 'unsupported' | 'unverified-quotation' | 'empty' | 'too-many';
}

export interface Summary {
  /** The document title for the whole text, else the section's name. */
  readonly title: string;
  readonly section: string | undefined;
  readonly length: SummaryLength;
  readonly points: readonly SummaryPoint[];
  readonly mode: SummaryMode;
  /** Set when a configured model could not summarise and this offline summary was used instead. */
  readonly fallbackReason?: string;
  /** The model's points that were dropped (mode 'llm', or a fallback after the model replied). */
  readonly droppedPoints?: readonly DroppedSummaryPoint[];
}

export type SummaryOutcome = { readonly ok: true; readonly summary: Summary } | { readonly ok: false; readonly problem: StudyProblem };

const weights = { centrality: 0.6, topic: 0.25, position: 0.15 } as const;
/** MMR trade-off between relevance and novelty (1 = relevance only). */
const LAMBDA = 0.7;
/** Extra relevance for a sentence from a section no point covers yet (short summaries). */
const COVERAGE_BONUS = 0.15;
/** Most sentences scored with LexRank (quadratic in the number of sentences). */
const LEXRANK_LIMIT = 2000;

export interface RankedSentence {
  readonly unit: SentenceUnit;
  readonly score: number;
}

export type RankedSummaryOutcome =
  { readonly ok: true; readonly summary: Summary; readonly ranked: readonly RankedSentence[] } | { readonly ok: false; readonly problem: StudyProblem };

export function summarize(corpus: Corpus, options: SummaryOptions): SummaryOutcome {
  const outcome = summarizeWithRanking(corpus, options);
  return outcome.ok ? { ok: true, summary: outcome.summary } : outcome;
}

/**
 * The extractive summary and every sentence of its scope, best first by the score the summary starts from
 * (before redundancy removal): model-summary.ts offers the model the top of this ranking.
 */
export function summarizeWithRanking(corpus: Corpus, options: SummaryOptions): RankedSummaryOutcome {
  const scope = resolveScope(corpus, options.section);
  if (!scope.ok) return scope;
  const vectors = new SentenceVectors(sentenceUnits(corpus).map((unit) => unit.sentence.text));
  const units = scope.units;
  const unitVectors = units.map((unit) => vectors.vector(unit.sentence.text));
  const scores = scoreSentences(units, unitVectors, vectors);
  const sections = [...new Set(units.map((unit) => sectionKey(unit)))];
  const count = pointCount(units.length, sections.length, options.length, scope.section === undefined);

  const chosen = new Set<number>();
  // Coverage first: the best sentence of each section, when the summary is long enough to hold them all.
  if (scope.section === undefined && options.length === 'long') {
    for (const section of sections) {
      const best = bestIndex(units.map((unit, index) => (sectionKey(unit) === section ? (scores[index] ?? 0) : -Infinity)));
      if (best !== undefined) chosen.add(best);
    }
  }
  while (chosen.size < count) {
    const covered = new Set([...chosen].map((index) => sectionKey(units[index] as SentenceUnit)));
    const values = units.map((unit, index) => {
      if (chosen.has(index)) return -Infinity;
      const relevance = (scores[index] ?? 0) + (covered.has(sectionKey(unit)) ? 0 : COVERAGE_BONUS);
      const redundancy = Math.max(0, ...[...chosen].map((other) => cosine(unitVectors[index] as SparseVector, unitVectors[other] as SparseVector)));
      return LAMBDA * relevance - (1 - LAMBDA) * redundancy;
    });
    const best = bestIndex(values);
    if (best === undefined) break;
    chosen.add(best);
  }

  const points = [...chosen]
    .sort((first, second) => first - second)
    .flatMap((index) => {
      const unit = units[index] as SentenceUnit;
      const quote = quoteSentence(unit.document, unit.paragraph, unit.sentence);
      return quote === undefined ? [] : [{ text: quote.text, quote }];
    });
  const ranked = units
    .map((unit, index) => ({ unit, score: scores[index] ?? 0 }))
    .sort((first, second) => second.score - first.score || first.unit.position - second.unit.position);
  return { ok: true, summary: { title: scope.title, section: scope.section, length: options.length, points, mode: 'extractive' }, ranked };
}

function pointCount(sentences: number, sections: number, length: SummaryLength, wholeText: boolean): number {
  const clamp = (value: number, low: number, high: number): number => Math.min(sentences, Math.max(low, Math.min(high, value)));
  if (wholeText) return length === 'short' ? clamp(Math.round(sentences * 0.08), 3, 5) : clamp(Math.round(sentences * 0.2), sections, Math.max(20, sections));
  return length === 'short' ? clamp(Math.round(sentences * 0.3), 2, 3) : clamp(Math.round(sentences * 0.6), 3, 8);
}

function bestIndex(values: readonly number[]): number | undefined {
  let best: number | undefined;
  values.forEach((value, index) => {
    if (value > -Infinity && (best === undefined || value > (values[best] ?? -Infinity))) best = index;
  });
  return best;
}

/** Centrality, topicality and position, combined; short or overlong sentences make weaker points. */
function scoreSentences(units: readonly SentenceUnit[], unitVectors: readonly SparseVector[], vectors: SentenceVectors): number[] {
  // LexRank compares every pair of sentences; past a few thousand (a book) similarity to the centroid stands in.
  const centrality = unitVectors.length <= LEXRANK_LIMIT ? lexRank(unitVectors) : centroidSimilarity(unitVectors);
  const highest = Math.max(...centrality, Number.EPSILON);
  return units.map((unit, index) => {
    const headings = vectors.vector(`${unit.paragraph.section} ${unit.document.title}`);
    const topic = cosine(unitVectors[index] as SparseVector, headings);
    // Writers open sections and paragraphs with their point: lead sentences weigh more.
    const firstInParagraph = unit.paragraph.sentences[0]?.start === unit.sentence.start;
    const firstInSection =
      firstInParagraph && unit.document.paragraphs.find((paragraph) => paragraph.sectionIndex === unit.paragraph.sectionIndex) === unit.paragraph;
    const position = firstInSection ? 1 : firstInParagraph ? 0.7 : 0.3;
    const words = unit.sentence.text.split(/\s+/u).length;
    const lengthFactor = words < 8 ? 0.5 : words < 12 ? 0.8 : words > 50 ? 0.8 : 1;
    return lengthFactor * (weights.centrality * ((centrality[index] ?? 0) / highest) + weights.topic * topic + weights.position * position);
  });
}

function centroidSimilarity(unitVectors: readonly SparseVector[]): number[] {
  const centroid = new Map<string, number>();
  for (const vector of unitVectors) for (const [stem, weight] of vector) centroid.set(stem, (centroid.get(stem) ?? 0) + weight);
  return unitVectors.map((vector) => cosine(vector, centroid));
}

/** Continuous LexRank: PageRank over the cosine-similarity graph of the sentences. */
function lexRank(unitVectors: readonly SparseVector[], damping = 0.85, rounds = 40): number[] {
  const count = unitVectors.length;
  if (count === 0) return [];
  const similarity = unitVectors.map((vector, row) => unitVectors.map((other, column) => (row === column ? 0 : cosine(vector, other))));
  const rowSums = similarity.map((row) => row.reduce((sum, value) => sum + value, 0));
  let rank = new Array<number>(count).fill(1 / count);
  for (let round = 0; round < rounds; round += 1) {
    const next = new Array<number>(count).fill((1 - damping) / count);
    for (let from = 0; from < count; from += 1) {
      const total = rowSums[from] ?? 0;
      const share = (rank[from] ?? 0) * damping;
      for (let to = 0; to < count; to += 1) {
        next[to] = (next[to] ?? 0) + (total > 0 ? (share * (similarity[from]?.[to] ?? 0)) / total : share / count);
      }
    }
    rank = next;
  }
  return rank;
}
