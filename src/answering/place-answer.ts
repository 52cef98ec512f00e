/**
 * "Where…" is answered by a sentence that gives a place the question does not already name ("…crashed in
 * Kazakhstan"). When the sentence the selector chose gives none, the first of its other likely sentences that does
 * comes first, as a person does for "who…" (person-answer.ts). Places are read as answer-type.ts reads them: a
 * capitalised word after a preposition of place ("in Kazakhstan", "to Grozny").
 */
import type { AnswerKind } from '../question/question-analysis.js';
import { holdsAnswerKind } from '../question/answer-type.js';
import type { QuoteSearch } from './count-answer.js';
import type { Quote } from './types.js';

/** Sentences at least this likely, relative to the chosen one, may answer instead of it. */
const PLACE_FLOOR = 0.5;
/**
 * The question opens with "where" or "which" ("and where did it crash", "in which city…"): not "the area where
 * Jacksonville sits has been inhabited for how many years?", whose "where" only says which area.
 */
const OPENS_WITH_PLACE = /^\W*(?:(?:and|but|so|then|in|to|from|at|of|into)\s+)?(?:where|which)\b/iu;

export function placeFirst(kind: AnswerKind, question: string, quotes: readonly Quote[], search: QuoteSearch): readonly Quote[] {
  const top = search.chosen[0];
  const first = quotes[0];
  if (kind !== 'place' || !OPENS_WITH_PLACE.test(question) || top === undefined || first === undefined || holdsAnswerKind('place', first.text, question))
    return quotes;
  const floor = PLACE_FLOOR * top.probability;
  for (const candidate of search.ranked) {
    if (candidate === top || candidate.probability < floor || !holdsAnswerKind('place', candidate.facts.text, question)) continue;
    const found = search.locate(candidate);
    if (found === undefined) continue;
    return [found, ...quotes.filter((quote) => quote.start !== found.start || quote.documentId !== found.documentId)].slice(0, search.limit);
  }
  return quotes;
}
