/**
 * What every quiz question is, and the pieces the question makers share: clauses of a sentence, a blank
 * cut into the clause that holds the fact, and the checks that keep a question fair (no reference the
 * reader cannot resolve, no word in the prompt that gives the answer away).
 */
import type { SentenceUnit } from './sentence-units.js';
import type { Quote } from '../corpus/citation.js';
import { containsPhrase } from './distractors.js';

/**
 * fill-in: a name or number blanked out of the clause that holds it; who-is: who the text describes as …;
 * who-said: who said or reported a claim; why: the reason or consequence the text gives; which-true: the one
 * statement the text makes among altered ones; order: which of some events came first.
 */
export type QuestionKind = 'fill-in' | 'who-is' | 'who-said' | 'why' | 'which-true' | 'order';
export type QuizAnswerKind = 'person' | 'organisation' | 'place' | 'year' | 'number' | 'reason' | 'statement' | 'event';

export interface QuizQuestion {
  /** Stable for the same question on the same text, whatever the seed: the key for review cards. */
  readonly id: string;
  readonly kind: QuestionKind;
  readonly answerKind: QuizAnswerKind;
  readonly prompt: string;
  readonly choices: readonly string[];
  readonly answerIndex: number;
  /** Document offsets of the correct choice, inside the quote. */
  readonly answerStart: number;
  readonly answerEnd: number;
  /** The sentence the question comes from: the explanation shown after an answer. */
  readonly quote: Quote;
}

export interface QuestionCandidate {
  readonly kind: QuestionKind;
  readonly answerKind: QuizAnswerKind;
  readonly prompt: string;
  /** Verbatim: the document text at answerStart. */
  readonly answer: string;
  /** What the answer is, whatever its wording: "15" and "Fifteen" are one answer. */
  readonly answerKey: string;
  readonly answerStart: number;
  readonly distractors: readonly string[];
  readonly unit: SentenceUnit;
  readonly quote: Quote;
  readonly weight: number;
}

export const BLANK = '_____';
export const MAX_PROMPT_CHARACTERS = 200;
/** A choice is a button label: Discord allows 80 characters, and “10 · ” comes before it. */
export const MAX_CHOICE_CHARACTERS = 74;
/** A choice too long for a button is listed under the prompt ("A) …") and its button says "A": it must still read as one line. */
export const MAX_LISTED_CHOICE_CHARACTERS = 160;
export const MINIMUM_DISTRACTORS = 2;

/** Opens with a word that points to something said before: the reader of one question cannot resolve it. */
const POINTS_BACK = /^\W*(?:this|these|that|those|it|its|they|their|them|he|his|she|her|such|thus)\b/iu;

export function pointsBack(text: string): boolean {
  return POINTS_BACK.test(text) && !/^It\s+(?:\S+\s+){1,2}?(?:that|to|whether)\b/u.test(text);
}

export interface Clause {
  /** Offsets within the sentence. */
  readonly start: number;
  readonly end: number;
}

/**
 * A sentence's clauses: split at semicolons, colons (not those of a time, "11:40"), dashes and brackets, and at a comma before a word
 * that opens a new clause; the commas of a list ("Turkey, Azerbaijan, and Armenia") do not split.
 */
export function clausesOf(sentence: string): Clause[] {
  const boundary =
    /\s*[;—–()]\s*|:(?:\s+|$)|,\s+(?=(?:which|who|whose|where|while|whereas|although|though|but|because|since|when|as|so|yet|and\s+(?:the|this|these|its|their|it|they|he|she)\b|according\s+to|including|such\s+as|especially|particularly)\b)/gu;
  const clauses: Clause[] = [];
  let start = 0;
  for (const match of sentence.matchAll(boundary)) {
    if (match.index > start) clauses.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < sentence.length) clauses.push({ start, end: sentence.length });
  return clauses
    .map((clause) => {
      const text = sentence.slice(clause.start, clause.end);
      const leading = text.length - text.trimStart().length;
      const trimmed = text.trim().replace(/[.,!?]+$/u, '');
      return { start: clause.start + leading, end: clause.start + leading + trimmed.length };
    })
    .filter((clause) => clause.end > clause.start);
}

const words = (text: string): number => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/**
 * The clause of the sentence holding [start, end), widened by its neighbours until it says enough (at least
 * eight words) but stays short; undefined when what is left opens with an unresolved reference.
 */
export function clauseAround(sentence: string, start: number, end: number, maxCharacters: number): Clause | undefined {
  const clauses = clausesOf(sentence);
  let first = clauses.findIndex((clause) => clause.start <= start && end <= clause.end);
  if (first < 0) return undefined;
  let last = first;
  const span = (): Clause => ({ start: clauses[first]?.start ?? 0, end: clauses[last]?.end ?? sentence.length });
  const length = (clause: Clause): number => clause.end - clause.start;
  while (words(sentence.slice(span().start, span().end)) < 8) {
    const before = clauses[first - 1];
    const after = clauses[last + 1];
    const widerBefore = before === undefined ? undefined : { start: before.start, end: span().end };
    const widerAfter = after === undefined ? undefined : { start: span().start, end: after.end };
    // Widen backwards first when the clause opens by pointing back.
    if (widerBefore !== undefined && (pointsBack(sentence.slice(span().start)) || widerAfter === undefined) && length(widerBefore) <= maxCharacters) first -= 1;
    else if (widerAfter !== undefined && length(widerAfter) <= maxCharacters) last += 1;
    else break;
  }
  while (pointsBack(sentence.slice(span().start)) && first > 0 && span().end - (clauses[first - 1]?.start ?? 0) <= maxCharacters) first -= 1;
  const result = span();
  if (length(result) > maxCharacters || pointsBack(sentence.slice(result.start)) || words(sentence.slice(result.start, result.end)) < 5) return undefined;
  return result;
}

/** "Fill in the blank: …" over the clause that holds the answer, or undefined when no clause makes a fair prompt. */
export function blankPrompt(quote: Quote, answerStart: number, answerEnd: number): string | undefined {
  const lead = 'Fill in the blank: ';
  const sentence = quote.text;
  const clause = clauseAround(sentence, answerStart - quote.start, answerEnd - quote.start, MAX_PROMPT_CHARACTERS - lead.length - 2);
  if (clause === undefined) return undefined;
  const before = sentence.slice(clause.start, answerStart - quote.start);
  const after = sentence.slice(answerEnd - quote.start, clause.end);
  const opening = clause.start > 0 ? '…' : '';
  // To the sentence's end: its own closing punctuation ('.”'); else an ellipsis.
  const rest = sentence.slice(clause.end);
  const closing = /^[\s.!?”"’']*$/u.test(rest) ? rest.trim() || '.' : '…';
  const prompt = `${lead}${opening}${before}${BLANK}${after}${closing}`;
  return prompt.length <= MAX_PROMPT_CHARACTERS ? prompt : undefined;
}

/** A word of the prompt from the answer's family ("Turkish" for "Turkey", "Azerbaijani" for "Azerbaijan") gives it away. */
export function givesAway(prompt: string, answer: string): boolean {
  if (containsPhrase(prompt.replace(BLANK, ' '), answer)) return true;
  const promptWords = prompt.toLowerCase().match(/\p{L}+/gu) ?? [];
  return (answer.toLowerCase().match(/\p{L}{4,}/gu) ?? []).some((word) =>
    promptWords.some((other) => {
      let common = 0;
      while (common < Math.min(word.length, other.length) && word[common] === other[common]) common += 1;
      return common >= 4 && common >= 0.6 * word.length;
    }),
  );
}

export function occurrences(text: string, phrase: string): number {
  const split = (value: string): string[] =>
    value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '');
  const haystack = split(text);
  const needle = split(phrase);
  let count = 0;
  for (let index = 0; index + needle.length <= haystack.length; index += 1) {
    if (needle.every((word, offset) => haystack[index + offset] === word)) count += 1;
  }
  return count;
}
