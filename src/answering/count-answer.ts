/**
 * "How many…" is answered by a count, and "how old is aliyev?" by an age (answer-type.ts, asksAgeOfPerson). The
 * answer's quotes are searched for one first; when none gives one, the selector's next sentences are, since a count
 * may stand in a sentence less likely than the quotes' floor ("how many died?" after a question about the plane:
 * "…crashed in Kazakhstan, killing 67 people").
 */
import { asksAgeOfPerson, asksFrequency, givesFrequency, givesOneCount, holdsAnswerKind } from '../question/answer-type.js';
import type { RankedCandidate } from './rank-candidates.js';
import type { Quote } from './types.js';

/** The first question word of a question. */
const QUESTION_WORD = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/iu;

/**
 * "how many…": only a count answers; "how old is aliyev": only an age (asksAgeOfPerson). Only when the question
 * asks it first: "who shot down the plane and how many died" asks who, and is answered so.
 */
function asksCountFirst(question: string): boolean {
  const opening = QUESTION_WORD.exec(question);
  return opening !== null && /^how\s+many\b/iu.test(question.slice(opening.index));
}
export const NO_COUNT = "The closest passages don't give that number:";

/** How far down the selector's ranking a "how many" question looks for a count when no quote gives one… */
const COUNT_CANDIDATES = 5;
/** …taking only sentences at least this likely, relative to the answer the selector chose. */
const COUNT_FLOOR = 0.05;

/**
 * "how often…" looks at every candidate the selector ranked: a frequency is rare in prose, so one near the question's
 * words is seldom anything else ("Trams on the line now run every 20 minutes", seventh for "how often do trams come at night").
 */
const FREQUENCY_CANDIDATES = 12;

/** What a rule that puts a kind of answer first (a count here, a person in person-answer.ts) may look through. */
export interface QuoteSearch {
  /** The candidates the quotes were made from, and the selector's whole ranking. */
  readonly chosen: readonly RankedCandidate[];
  readonly ranked: readonly RankedCandidate[];
  /** A candidate's verified quote (undefined when the source does not hold it at its offsets). */
  readonly locate: (candidate: RankedCandidate) => Quote | undefined;
  /** Quotes shown at most. */
  readonly limit: number;
}

/**
 * The quotes with the one that gives a count first ("Russian peacekeepers deployed in Artsakh…" gives none for
 * "how many peacekeepers were deployed?"); undefined when none does, and the closest passages are shown for what
 * they are. A further sentence may give its one count far from the question's words. Measured with the counts of
 * answer-type.ts ("several", "thousands", "one" count too): SQuAD 2.0 (19 articles × 150) lead unchanged,
 * abstention on unanswerables 0.088 → 0.092, eval/heldout.jsonl's unanswerables 0.522 → 0.565; looking further
 * (session 9): SQuAD 1.1 one more answer, eval/students-validation.jsonl's "how many died" answered.
 */
export function countFirst(question: string, quotes: readonly Quote[], search: QuoteSearch): readonly Quote[] | undefined {
  if (asksFrequency(question)) return frequencyFirst(quotes, search);
  const age = asksAgeOfPerson(question);
  if (!age && !asksCountFirst(question)) return quotes;
  const counts = (quote: Quote) => holdsAnswerKind('number', quote.text, question);
  // An age is said as one ("aged 63", "a 63-year-old"): any one number of the sentence is not it.
  const givesOne = (quote: Quote) => !age && givesOneCount(quote.text, question);
  const counted = quotes.find(counts) ?? quotes.find(givesOne) ?? further(search).find((quote) => counts(quote) || givesOne(quote));
  return counted === undefined ? undefined : [counted, ...quotes.filter((quote) => quote !== counted)].slice(0, search.limit);
}

/**
 * "how often…" is answered first by a quote that gives a frequency ("Trams on the line now run every 20 minutes"), found
 * among the quotes or the selector's next sentences as a count is; when none gives one, the quotes stay as they were,
 * since a frequency is also said in words no pattern knows ("around the clock").
 */
function frequencyFirst(quotes: readonly Quote[], search: QuoteSearch): readonly Quote[] {
  const found = quotes.find((quote) => givesFrequency(quote.text)) ?? further(search, FREQUENCY_CANDIDATES, 0).find((quote) => givesFrequency(quote.text));
  return found === undefined ? quotes : [found, ...quotes.filter((quote) => quote !== found)].slice(0, search.limit);
}

function further(search: QuoteSearch, depth = COUNT_CANDIDATES, floorShare = COUNT_FLOOR): Quote[] {
  const floor = floorShare * (search.chosen[0]?.probability ?? 0);
  return search.ranked
    .slice(0, depth)
    .filter((candidate) => !search.chosen.includes(candidate) && candidate.probability >= floor)
    .map(search.locate)
    .filter((quote): quote is Quote => quote !== undefined);
}
