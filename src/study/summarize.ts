/**
 * Extractive summaries: the key sentences of the whole text or of one section, verbatim, in reading order.
 * A sentence is key when it is central to the document and to its section (LexRank over TF-IDF vectors),
 * on the section's topic (similar to its heading) and placed where writers put their point (a paragraph's
 * lead). A point is a sentence, or a sentence with the one before it when it opens by pointing back
 * ("This criticism …"); a lead-in ending in a colon is never a point. Every summary of the whole text keeps
 * each document's thesis (the introduction's sentence closest to the rest of the text) and conclusion (its
 * last paragraph's best point); a short one adds the best points of the largest sections, a long one the
 * best point of every paragraph, and maximal marginal relevance keeps two points from saying the same
 * thing. With a model configured, model-summary.ts has the model write points over these same ranked
 * sentences and falls back to this summary.
 */
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { continuesPreviousSentence } from '../language/tokenize.js';
import { centroidOf } from './sentence-graph.js';
import { canStandAsPoint, scoreSentences } from './sentence-scores.js';
import { cosine, SentenceVectors, type SparseVector } from './sentence-vectors.js';
import { sectionKey, sentenceUnits, type SentenceUnit } from './sentence-units.js';
import { resolveScope, type StudyProblem } from './study-scope.js';
import { quoteSpan, type Quote } from '../corpus/citation.js';

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

/** MMR trade-off between relevance and novelty (1 = relevance only). */
const LAMBDA = 0.5;
/** Two points this similar say the same thing: the weaker one is left out of a long summary. */
const SAME_POINT = 0.5;
const SHORT_POINTS = 5;
/** A long summary's quotes stay within this many characters (about a screen of Discord). */
const LONG_CHARACTERS = 4000;

export interface RankedSentence {
  readonly unit: SentenceUnit;
  readonly score: number;
}

export type RankedSummaryOutcome =
  { readonly ok: true; readonly summary: Summary; readonly ranked: readonly RankedSentence[] } | { readonly ok: false; readonly problem: StudyProblem };

/** One or two sentences of one paragraph: the sentence, and the one before it when it points back. */
interface Candidate {
  readonly indexes: readonly number[];
  readonly score: number;
  readonly vector: SparseVector;
  readonly length: number;
}

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
  const candidates = candidatesOf(units, unitVectors, scores);

  let chosen: Candidate[];
  if (scope.section === undefined) {
    const anchors = [...new Set(units.map((unit) => unit.document))].flatMap((document) => thesisAndConclusion(document, units, unitVectors, candidates));
    chosen = options.length === 'short' ? shortSelection(units, candidates, anchors) : longSelection(units, candidates, anchors);
  } else {
    const count = options.length === 'short' ? clamp(Math.round(units.length * 0.3), 2, 3) : clamp(Math.round(units.length * 0.6), 3, 8);
    chosen = maximalMarginalRelevance(candidates, [], count, () => 0);
  }

  const points = chosen
    .sort((first, second) => (first.indexes[0] ?? 0) - (second.indexes[0] ?? 0))
    .flatMap((candidate) => spansOf(candidate.indexes.map((index) => units[index] as SentenceUnit)))
    .flatMap((span) => {
      const [first, last] = [span[0] as SentenceUnit, span.at(-1) as SentenceUnit];
      const quote = quoteSpan(first.document, first.paragraph, first.sentence.start, last.sentence.end);
      return quote === undefined ? [] : [{ text: quote.text, quote }];
    });
  const ranked = units
    .map((unit, index) => ({ unit, score: scores[index] ?? 0 }))
    .sort((first, second) => second.score - first.score || first.unit.position - second.unit.position);
  return { ok: true, summary: { title: scope.title, section: scope.section, length: options.length, points, mode: 'extractive' }, ranked };
}

/** Consecutive sentences of one paragraph quote as one span; a pair across two paragraphs makes two points. */
function spansOf(units: readonly SentenceUnit[]): SentenceUnit[][] {
  const spans: SentenceUnit[][] = [];
  for (const unit of units) {
    const last = spans.at(-1);
    if (last !== undefined && last[0]?.paragraph === unit.paragraph) last.push(unit);
    else spans.push([unit]);
  }
  return spans;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** "It seems that …" and "It is clear that …" open with a pronoun that points at nothing before. */
function pointsBack(text: string): boolean {
  if (/^[^,]{1,100},\s+(?:this|these|that|it|they|such)\s/iu.test(text)) return true; // "Coupled with …, this has allowed …"
  return continuesPreviousSentence(text) && !/^It\s+(?:\S+\s+){1,2}?(?:that|to|whether)\b/u.test(text);
}

function candidatesOf(units: readonly SentenceUnit[], unitVectors: readonly SparseVector[], scores: readonly number[]): Candidate[] {
  const candidates: Candidate[] = [];
  units.forEach((unit, index) => {
    if (!canStandAsPoint(unit)) return;
    const score = scores[index] ?? 0;
    const vector = unitVectors[index] as SparseVector;
    if (!pointsBack(unit.sentence.text)) {
      candidates.push({ indexes: [index], score, vector, length: unit.sentence.text.length });
      return;
    }
    // The sentence it points back to, in the same section, must stand on its own.
    const previous = units[index - 1];
    if (previous === undefined || sectionKey(previous) !== sectionKey(unit) || !canStandAsPoint(previous) || pointsBack(previous.sentence.text)) return;
    const pairScore = Math.max(score, scores[index - 1] ?? 0) * 0.95;
    const pairVector = centroidOf([unitVectors[index - 1] as SparseVector, vector]);
    candidates.push({ indexes: [index - 1, index], score: pairScore, vector: pairVector, length: previous.sentence.text.length + unit.sentence.text.length });
  });
  return candidates;
}

/** The thesis: the introduction's point closest to the rest of the document. The conclusion: the last paragraph's best point. */
function thesisAndConclusion(
  document: CorpusDocument,
  units: readonly SentenceUnit[],
  unitVectors: readonly SparseVector[],
  candidates: readonly Candidate[],
): Candidate[] {
  const ofDocument = candidates.filter((candidate) => units[candidate.indexes[0] ?? 0]?.document === document);
  const firstSection = document.paragraphs[0]?.sectionIndex;
  const lastParagraph = document.paragraphs.at(-1);
  const inIntroduction = (candidate: Candidate): boolean => units[candidate.indexes[0] ?? 0]?.paragraph.sectionIndex === firstSection;
  const rest = centroidOf(
    units.flatMap((unit, index) => (unit.document === document && unit.paragraph.sectionIndex !== firstSection ? [unitVectors[index] as SparseVector] : [])),
  );
  // News writing states its thesis at the end of the introduction (the "nut graf"): later paragraphs of it weigh more.
  const introduction = document.paragraphs.filter((paragraph) => paragraph.sectionIndex === firstSection);
  const lateness = (candidate: Candidate): number =>
    introduction.length < 2 ? 0 : introduction.indexOf((units[candidate.indexes.at(-1) ?? 0] as SentenceUnit).paragraph) / (introduction.length - 1);
  const thesis = best(ofDocument.filter(inIntroduction), (candidate) => cosine(candidate.vector, rest) + 0.5 * candidate.score + 0.2 * lateness(candidate));
  const conclusion =
    lastParagraph === undefined || lastParagraph.sectionIndex === firstSection
      ? undefined
      : best(
          ofDocument.filter((candidate) => units[candidate.indexes.at(-1) ?? 0]?.paragraph === lastParagraph),
          (candidate) => candidate.score,
        );
  return [thesis, conclusion].filter((candidate): candidate is Candidate => candidate !== undefined);
}

/** The anchors, then the best point of each of the largest sections not yet covered, then by MMR. */
function shortSelection(units: readonly SentenceUnit[], candidates: readonly Candidate[], anchors: readonly Candidate[]): Candidate[] {
  const sectionOf = (candidate: Candidate): string => sectionKey(units[candidate.indexes[0] ?? 0] as SentenceUnit);
  const sentencesPerSection = new Map<string, number>();
  for (const unit of units) sentencesPerSection.set(sectionKey(unit), (sentencesPerSection.get(sectionKey(unit)) ?? 0) + 1);
  const largest = Math.max(1, ...sentencesPerSection.values());
  // A point from a section no point covers yet, weighed by how much of the text that section is.
  const bonus = (candidate: Candidate, chosen: readonly Candidate[]): number =>
    chosen.some((other) => sectionOf(other) === sectionOf(candidate)) ? 0 : 0.3 * ((sentencesPerSection.get(sectionOf(candidate)) ?? 0) / largest);
  return maximalMarginalRelevance(candidates, unique(anchors), Math.max(SHORT_POINTS, anchors.length), bonus);
}

/** The anchors and the best point of every paragraph, without two points that say the same thing, within the length budget. */
function longSelection(units: readonly SentenceUnit[], candidates: readonly Candidate[], anchors: readonly Candidate[]): Candidate[] {
  const chosen = unique(anchors);
  const perParagraph = new Map<SentenceUnit['paragraph'], Candidate[]>();
  for (const candidate of candidates) {
    const paragraph = (units[candidate.indexes.at(-1) ?? 0] as SentenceUnit).paragraph;
    perParagraph.set(paragraph, [...(perParagraph.get(paragraph) ?? []), candidate]);
  }
  const bestOfParagraphs = [...perParagraph.values()]
    .map((list) => best(list, (candidate) => candidate.score))
    .filter((candidate): candidate is Candidate => candidate !== undefined)
    .sort((first, second) => second.score - first.score);
  let length = chosen.reduce((sum, candidate) => sum + candidate.length, 0);
  for (const candidate of bestOfParagraphs) {
    if (chosen.some((other) => overlaps(other, candidate) || cosine(other.vector, candidate.vector) > SAME_POINT)) continue;
    if (length + candidate.length > LONG_CHARACTERS) continue;
    chosen.push(candidate);
    length += candidate.length;
  }
  return chosen;
}

function maximalMarginalRelevance(
  candidates: readonly Candidate[],
  start: readonly Candidate[],
  count: number,
  bonus: (candidate: Candidate, chosen: readonly Candidate[]) => number,
): Candidate[] {
  const chosen = [...start];
  while (chosen.length < count) {
    const next = best(
      candidates.filter((candidate) => !chosen.some((other) => overlaps(other, candidate))),
      (candidate) =>
        LAMBDA * (candidate.score + bonus(candidate, chosen)) - (1 - LAMBDA) * Math.max(0, ...chosen.map((other) => cosine(candidate.vector, other.vector))),
    );
    if (next === undefined) break;
    chosen.push(next);
  }
  return chosen;
}

function overlaps(first: Candidate, second: Candidate): boolean {
  return first.indexes.some((index) => second.indexes.includes(index));
}

function unique(candidates: readonly Candidate[]): Candidate[] {
  return candidates.filter((candidate, index) => candidates.findIndex((other) => overlaps(other, candidate)) === index);
}

function best<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let top: T | undefined;
  let topValue = -Infinity;
  for (const item of items) {
    const itemValue = value(item);
    if (itemValue > topValue) {
      top = item;
      topValue = itemValue;
    }
  }
  return top;
}
