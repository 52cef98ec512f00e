/**
 * "Who…", "whose idea…", "which architect…" is answered by a sentence that names someone. When the sentence the
 * selector chose names no person the question does not already name, the first of the selector's other likely
 * sentences that does comes first ("Who were the two men who died in Yekaterinburg?" → "…the two victims of the
 * Yekaterinburg incident, brothers Hussein and Ziyaddin Safarov…", over "According to The Washington Post, autopsies
 * revealed that the two men died…"). People are told from papers, places and things by compromise (name-words.ts).
 */
import { peopleAmong } from '../language/name-words.js';
import { tokenize } from '../language/tokenize.js';
import type { AnswerKind } from '../question/question-analysis.js';
import type { QuoteSearch } from './count-answer.js';
import type { RankedCandidate } from './rank-candidates.js';
import type { Quote } from './types.js';

/** Sentences at least this likely, relative to the chosen one, may answer instead of it. */
const PERSON_FLOOR = 0.1;

/** The people each sentence names, read once per sentence text (about a millisecond a name). */
const peopleBySentence = new Map<string, readonly string[]>();
const PEOPLE_KEPT = 20_000;

function peopleNamedIn(candidate: RankedCandidate): readonly string[] {
  const text = candidate.facts.text;
  let people = peopleBySentence.get(text);
  if (people === undefined) {
    people = peopleAmong(text, candidate.facts.entities.names);
    if (peopleBySentence.size >= PEOPLE_KEPT) peopleBySentence.clear();
    peopleBySentence.set(text, people);
  }
  return people;
}

export function personFirst(kind: AnswerKind, question: string, quotes: readonly Quote[], search: QuoteSearch): readonly Quote[] {
  const top = search.chosen[0];
  if (kind !== 'person' || top === undefined) return quotes;
  const asked = new Set(tokenize(question).map((token) => token.word));
  const people = (candidate: RankedCandidate) => peopleNamedIn(candidate).filter((name) => !tokenize(name).every((token) => asked.has(token.word)));
  if (people(top).length > 0) return quotes;
  const floor = PERSON_FLOOR * top.probability;
  for (const candidate of search.ranked) {
    if (candidate === top || candidate.probability < floor || people(candidate).length === 0) continue;
    const found = search.locate(candidate);
    if (found === undefined) continue;
    // A located quote is a new object: the chosen quotes are told from it by where they stand.
    return [found, ...quotes.filter((quote) => quote.start !== found.start || quote.documentId !== found.documentId)].slice(0, search.limit);
  }
  return quotes;
}
