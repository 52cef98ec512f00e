/**
 * Expressions of time in a sentence, resolved to a calendar date where the text allows: absolute years and
 * months ("2023", "late 2024", "since 2003", "July 2025"), and expressions relative to the publication date
 * ("15 years ago", "in recent days", "last year"). Expressions relative to an undated event ("fifteen years
 * after the arrest …") cannot be resolved and are kept as the text says them.
 */
import { chronoReadings } from './chrono-readings.js';
import { MONTH_NAMES } from './lexicon.js';
import { findNumbers } from './number-expressions.js';

export type DatePrecision = 'day' | 'month' | 'part-of-year' | 'year' | 'decade';

export type DateResolution =
  { readonly resolved: true; readonly date: string; readonly precision: DatePrecision; readonly relative: boolean } | { readonly resolved: false };

export interface DateExpression {
  /** Offsets within the searched string. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly resolution: DateResolution;
  /** How the expression stands in its sentence: a year used as an adjective ("the 2020 … war") names an event by itself. */
  readonly role: 'modifier' | 'adverbial';
  /** "after"/"before" expressions that hang on an event the text names ("fifteen years after the arrest …"). */
  readonly anchor: { readonly start: number; readonly end: number } | undefined;
}

const MONTHS = MONTH_NAMES;
const MONTH = `(?:${MONTHS.join('|')})`;
const PART_START: Readonly<Record<string, number>> = { early: 1, mid: 5, late: 9, spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };
const UNIT_YEARS: Readonly<Record<string, number>> = { year: 1, years: 1, decade: 10, decades: 10 };

/** The time expressions of `text`; `published` is the document's date (YYYY-MM-DD), undefined when it states none. */
export function findDates(text: string, published: string | undefined): DateExpression[] {
  const found: DateExpression[] = [];
  const taken = (start: number, end: number): boolean => found.some((expression) => start < expression.end && expression.start < end);
  const add = (expression: DateExpression): void => {
    if (!taken(expression.start, expression.end)) found.push(expression);
  };
  const publishedYear = published === undefined ? undefined : Number(published.slice(0, 4));

  // "15 years ago", "fifteen years after the arrest …", "two years later".
  for (const number of findNumbers(text)) {
    if (number.unit === 'year' || number.scale !== '' || number.noun === 'percent') continue;
    const rest = text.slice(number.end);
    const relative = /^\s+(years?|decades?)\s+(ago|after|later|before|earlier)\b/iu.exec(rest);
    if (relative === null) continue;
    const years = number.value * (UNIT_YEARS[(relative[1] ?? '').toLowerCase()] ?? 1);
    const direction = (relative[2] ?? '').toLowerCase();
    const end = number.end + relative[0].length;
    if (direction === 'ago' && publishedYear !== undefined) {
      add({
        start: number.start,
        end,
        text: text.slice(number.start, end),
        resolution: { resolved: true, date: `${publishedYear - years}-01-01`, precision: 'year', relative: true },
        role: 'adverbial',
        anchor: undefined,
      });
      continue;
    }
    // "N years after 2010" can be counted; "N years after the arrest" hangs on an undated event.
    const anchorYear = /^\s+(\d{4})\b/u.exec(text.slice(end));
    if ((direction === 'after' || direction === 'before') && anchorYear !== null) {
      const year = Number(anchorYear[1]) + (direction === 'after' ? years : -years);
      const anchoredEnd = end + anchorYear[0].length;
      add({
        start: number.start,
        end: anchoredEnd,
        text: text.slice(number.start, anchoredEnd),
        resolution: { resolved: true, date: `${year}-01-01`, precision: 'year', relative: false },
        role: 'adverbial',
        anchor: undefined,
      });
      continue;
    }
    const anchorEnd = direction === 'after' || direction === 'before' ? end + (/^[^,;:—–(]*/u.exec(text.slice(end))?.[0].trimEnd().length ?? 0) : end;
    add({
      start: number.start,
      end,
      text: text.slice(number.start, end),
      resolution: { resolved: false },
      role: 'adverbial',
      anchor: anchorEnd > end ? { start: end, end: anchorEnd } : undefined,
    });
  }

  // "in recent days", "recently", "last year", "this year", "earlier this month".
  for (const match of text.matchAll(/\b(?:in\s+)?(?:the\s+)?(?:recent|past|last|coming)\s+(days|weeks|months)\b/giu)) {
    if (published === undefined) {
      add({ start: match.index, end: match.index + match[0].length, text: match[0], resolution: { resolved: false }, role: 'adverbial', anchor: undefined });
      continue;
    }
    const coming = /coming/iu.test(match[0]);
    add({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      resolution: { resolved: true, date: published, precision: 'day', relative: !coming },
      role: 'adverbial',
      anchor: undefined,
    });
  }
  for (const match of text.matchAll(/\b(?:(early|earlier|later|late)\s+)?(last|this|next)\s+year\b/giu)) {
    if (publishedYear === undefined) continue;
    const offset = { last: -1, this: 0, next: 1 }[(match[2] ?? '').toLowerCase() as 'last' | 'this' | 'next'];
    add({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      resolution: { resolved: true, date: `${publishedYear + offset}-01-01`, precision: 'year', relative: true },
      role: 'adverbial',
      anchor: undefined,
    });
  }

  // "25 July 2025", "July 25, 2025", "July 2025".
  for (const match of text.matchAll(new RegExp(`\\b(?:(\\d{1,2})\\s+(${MONTH})|(${MONTH})(?:\\s+(\\d{1,2}),?)?)\\s+(\\d{4})\\b`, 'giu'))) {
    const month = MONTHS.indexOf((match[2] ?? match[3] ?? '').toLowerCase()) + 1;
    const day = match[1] ?? match[4];
    const date = `${match[5]}-${pad(month)}-${day === undefined ? '01' : pad(Number(day))}`;
    add({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      resolution: { resolved: true, date, precision: day === undefined ? 'month' : 'day', relative: false },
      role: 'adverbial',
      anchor: undefined,
    });
  }

  // "late 2024", "since 2003", "the 1990s", and a year used as an adjective: "Baku’s 2023 military operations".
  for (const match of text.matchAll(/\b(?:(early|mid|late)[-\s]+)?((?:1[89]|20)\d{2})(s)?\b(?![-‑]\p{L})/giu)) {
    const year = match[2] ?? '';
    const part = (match[1] ?? '').toLowerCase();
    const decade = match[3] !== undefined;
    const before = text.slice(0, match.index);
    if (/[-‑]$/u.test(before) || /\p{L}$/u.test(before)) continue;
    const preposition = /\b(since|from|until|till|by|before|after|in|during|around|circa)\s+$/iu.exec(before);
    const start = preposition !== null && /^since$/iu.test(preposition[1] ?? '') ? match.index - preposition[0].length : match.index;
    const end = match.index + match[0].length;
    const modifier = preposition === null && /^\s+\p{L}/u.test(text.slice(end)) && !/^\s+(?:and|or|to|when|as)\b/iu.test(text.slice(end));
    const month = PART_START[part] ?? 1;
    add({
      start,
      end,
      text: text.slice(start, end),
      resolution: { resolved: true, date: `${year}-${pad(month)}-01`, precision: decade ? 'decade' : part !== '' ? 'part-of-year' : 'year', relative: false },
      role: modifier ? 'modifier' : 'adverbial',
      anchor: undefined,
    });
  }
  if (published !== undefined) for (const expression of chronoDates(text, published)) add(expression);
  return found.sort((first, second) => first.start - second.start);
}

/**
 * What chrono-node reads beyond the patterns above, kept where its reading is safe in a news text: a time
 * counted back from the publication ("last week", "three days ago", "yesterday") and "in January" without a
 * year, taken as the latest January up to the publication (the next one when the clause speaks of the future).
 */
function chronoDates(text: string, published: string): DateExpression[] {
  const found: DateExpression[] = [];
  for (const reading of chronoReadings(text, published)) {
    const phrase = reading.text.replace(/[\s,.;:]+$/u, '');
    const start = reading.index;
    const end = start + phrase.length;
    if (/^(?:last|this|past)\s+(?:week|month)$|^yesterday$|^\w+\s+(?:days|weeks|months)\s+ago$/iu.test(phrase)) {
      const date = reading.day;
      if (date === undefined || date > published) continue;
      found.push({ start, end, text: phrase, resolution: { resolved: true, date, precision: 'day', relative: true }, role: 'adverbial', anchor: undefined });
      continue;
    }
    const month = MONTHS.indexOf(phrase.toLowerCase()) + 1;
    if (month === 0 || !/\bin\s+$/iu.test(text.slice(0, start))) continue;
    const [year = 0, publishedMonth = 0] = published.split('-').map(Number);
    // "The council will vote in May": a clause in the future means the next May after the publication.
    const future = /\b(?:will|shall|is\s+to|are\s+to|plans?\s+to|next)\b[^,;.]*$/iu.test(text.slice(0, start));
    const date = future ? `${month > publishedMonth ? year : year + 1}-${pad(month)}-01` : `${month <= publishedMonth ? year : year - 1}-${pad(month)}-01`;
    found.push({ start, end, text: phrase, resolution: { resolved: true, date, precision: 'month', relative: true }, role: 'adverbial', anchor: undefined });
  }
  return found;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
