/**
 * Sentence boundaries with offsets. A boundary is a terminator (. ! ? …) plus any closing quotes or
 * brackets, then whitespace, then something that can start a sentence — except after an abbreviation,
 * an initial ("J. Smith") or inside a number ("3.5" has no space, so it never qualifies).
 */

export interface SentenceSpan {
  /** Offsets relative to the string that was split. */
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep',
    'pres', 'rev', 'hon', 'amb', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al', 'approx', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vol',
    'fig', 'p', 'pp', 'ed', 'eds', 'est', 'dept', 'univ', 'u.s', 'u.k', 'u.n', 'e.u', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
    'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  ],
);

/** "a.m." and "p.m.", which end a sentence as often as they stand inside one. */
const TIMES_OF_DAY = new Set(['a.m', 'p.m']);
/** "at 5 p.m. Monday", "by 9 a.m. March 3": the time goes on. */
const DAY_OR_MONTH =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/u;

/** Character sets rather than regular expressions: this loop visits every character of the corpus. */
const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '»']);
const OPENER = /[\p{Lu}\p{N}“‘"'([«¿¡]/u;

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let sentenceStart = skipSpace(text, 0);
  let position = sentenceStart;
  while (position < text.length) {
    const character = text[position] ?? '';
    if (!TERMINATORS.has(character)) {
      position += 1;
      continue;
    }
    let end = position + 1;
    while (end < text.length && (TERMINATORS.has(text[end] ?? '') || CLOSERS.has(text[end] ?? ''))) end += 1;
    const next = skipSpace(text, end);
    const hasSpace = next > end;
    const atEnd = next >= text.length;
    if (atEnd) break;
    if (hasSpace && OPENER.test(text[next] ?? '') && !(character === '.' && endsWithAbbreviation(text, sentenceStart, position, next))) {
      spans.push({ start: sentenceStart, end });
      sentenceStart = next;
    }
    position = end;
  }
  const last = trimEnd(text, sentenceStart, text.length);
  if (last > sentenceStart) spans.push({ start: sentenceStart, end: last });
  return spans;
}

function skipSpace(text: string, from: number): number {
  let position = from;
  while (position < text.length && /\s/u.test(text[position] ?? '')) position += 1;
  return position;
}

function trimEnd(text: string, start: number, end: number): number {
  let position = end;
  while (position > start && /\s/u.test(text[position - 1] ?? '')) position -= 1;
  return position;
}

/**
 * The word right before the period at `dot`: an abbreviation or a single-letter initial. A time of day ends its
 * sentence when a capitalised word follows ("…left at 12:15 a.m. Shift workers…"), unless the next word is a day or a
 * month ("at 5 p.m. Monday"); other abbreviations never do.
 */
function endsWithAbbreviation(text: string, sentenceStart: number, dot: number, next: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && /[\p{L}.]/u.test(text[wordStart - 1] ?? '')) wordStart -= 1;
  const word = text.slice(wordStart, dot);
  if (word === '') return false;
  if (TIMES_OF_DAY.has(word.toLowerCase())) return DAY_OR_MONTH.test(text.slice(next, next + 10));
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}
