/**
 * The dated events the text mentions, in date order, each with the sentence that dates it. An expression
 * relative to an undated event ("fifteen years after the arrest …") cannot be placed on the calendar: it
 * is shown as the text says it and placed at the publication date, the text's own present, because that is
 * when the reported event ("Baku responded …") happens in the story.
 */
import type { Corpus } from '../corpus/types.js';
import { findDates, type DateExpression, type DatePrecision } from '../language/date-expressions.js';
import { sentenceUnits, type SentenceUnit } from './sentence-units.js';
import { quoteSentence, type Quote } from './study-quote.js';
import { STOPWORDS } from '../language/tokenize.js';

export interface TimelineEvent {
  /** The time as the text says it, with the resolved date added for relative expressions ("15 years ago (about 2010)"). */
  readonly when: string;
  /** `YYYY-MM-DD#NN`: the start of the period meant, then a reading-order number for events of the same date. Strictly increasing. */
  readonly sortKey: string;
  /** ISO date the expression resolves to (the start of the period), undefined when the text does not allow it. */
  readonly date: string | undefined;
  readonly precision: DatePrecision | 'unresolved';
  /** What happened, verbatim from the quote. */
  readonly text: string;
  /** The sentence that dates it. */
  readonly quote: Quote;
}

export interface Timeline {
  readonly events: readonly TimelineEvent[];
}

const UNDATED = '~undated';

export function timeline(corpus: Corpus): Timeline {
  const found: {
    date: string;
    precision: DatePrecision | 'unresolved';
    when: string;
    text: string;
    quote: Quote;
    position: number;
    start: number;
    mergeKey: string | undefined;
  }[] = [];
  for (const unit of sentenceUnits(corpus)) {
    const quote = quoteSentence(unit.document, unit.paragraph, unit.sentence);
    if (quote === undefined) continue;
    for (const expression of findDates(unit.sentence.text, unit.document.date)) {
      const text = eventText(unit, expression);
      const resolution = expression.resolution;
      const date = resolution.resolved ? resolution.date : (unit.document.date ?? UNDATED);
      const mergeKey = expression.role === 'modifier' && resolution.resolved ? `${unit.document.id}|${resolution.date}|${headNoun(text)}` : undefined;
      found.push({
        date,
        precision: resolution.resolved ? resolution.precision : 'unresolved',
        when: whenOf(unit, expression),
        text,
        quote,
        position: unit.position,
        start: expression.start,
        mergeKey,
      });
    }
  }
  // "the 2020 Armenia-Azerbaijan war" and "the 2020 Second Karabakh War" are one event: keep its first mention.
  const seen = new Set<string>();
  const distinct = found.filter((event) => {
    if (event.mergeKey === undefined) return true;
    if (seen.has(event.mergeKey)) return false;
    seen.add(event.mergeKey);
    return true;
  });
  distinct.sort((first, second) =>
    first.date < second.date ? -1 : first.date > second.date ? 1 : first.position - second.position || first.start - second.start,
  );
  const perDate = new Map<string, number>();
  const events = distinct.map((event): TimelineEvent => {
    const sequence = (perDate.get(event.date) ?? 0) + 1;
    perDate.set(event.date, sequence);
    return {
      when: event.when,
      sortKey: `${event.date}#${String(sequence).padStart(2, '0')}`,
      date: event.date === UNDATED || event.precision === 'unresolved' ? undefined : event.date,
      precision: event.precision,
      text: event.text,
      quote: event.quote,
    };
  });
  return { events };
}

function whenOf(unit: SentenceUnit, expression: DateExpression): string {
  const sentence = unit.sentence.text;
  const resolution = expression.resolution;
  if (!resolution.resolved) {
    // As the text says it, with the event it counts from: "Fifteen years after the arrest and beating of …".
    return expression.anchor === undefined ? expression.text : sentence.slice(expression.start, expression.anchor.end);
  }
  if (!resolution.relative) return expression.text;
  if (resolution.precision === 'day') return `${expression.text} (as of ${longDate(resolution.date)})`;
  return `${expression.text} (about ${resolution.date.slice(0, 4)})`;
}

function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const name = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${day} ${name} ${year}`;
}

/** What happened: the noun phrase a year modifies, or the clause around the expression. */
function eventText(unit: SentenceUnit, expression: DateExpression): string {
  const sentence = unit.sentence.text;
  if (expression.anchor !== undefined) return trimPunctuation(sentence);
  if (expression.role === 'modifier') {
    const before = /(?:\b(?:the|a|an|this|that|its|their|his|her)|[\p{L}-]+['’]s)\s+$/iu.exec(sentence.slice(0, expression.start));
    const start = before === null ? expression.start : before.index;
    let end = expression.end;
    const words = [...sentence.slice(expression.end).matchAll(/\s+([\p{L}’'-]+)/guy)];
    for (const word of words.slice(0, 4)) {
      if (STOPWORDS.has((word[1] ?? '').toLowerCase()) || /^(?:neither|nor)$/iu.test(word[1] ?? '')) break;
      end += word[0].length;
    }
    return sentence.slice(start, end);
  }
  const clauses = clausesOf(sentence);
  const index = clauses.findIndex((clause) => clause.start <= expression.start && expression.end <= clause.end);
  let clause = clauses[index];
  if (clause === undefined) return trimPunctuation(sentence);
  const words = (text: string): number => text.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length;
  // A fronted time ("In recent days, relations … have reached …"): the event is the next clause.
  if (words(sentence.slice(clause.start, clause.end)) - words(expression.text) < 3) {
    const next = clauses[index + 1];
    if (next === undefined || expression.start > clause.start + 1) return trimPunctuation(sentence);
    clause = next;
  }
  let start = clause.start;
  // "…, who has inherited power since 2003": take the name the clause describes along.
  if (/^(?:who|which|where|whose)\b/iu.test(sentence.slice(clause.start))) {
    const name = /(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*),\s*$/u.exec(sentence.slice(0, clause.start));
    if (name !== null) start = name.index;
  }
  return trimPunctuation(sentence.slice(start, clause.end));
}

function clausesOf(sentence: string): { start: number; end: number }[] {
  const clauses: { start: number; end: number }[] = [];
  let start = 0;
  for (const boundary of sentence.matchAll(/[,;:—–()]\s*/gu)) {
    if (boundary.index > start) clauses.push({ start, end: boundary.index });
    start = boundary.index + boundary[0].length;
  }
  if (start < sentence.length) clauses.push({ start, end: sentence.length });
  return clauses.map((clause) => {
    const text = sentence.slice(clause.start, clause.end);
    const leading = text.length - text.trimStart().length;
    return { start: clause.start + leading, end: clause.start + text.trimEnd().length };
  });
}

function trimPunctuation(text: string): string {
  return text.replace(/[\s.,;:!?]+$/u, '');
}

function headNoun(text: string): string {
  return (text.split(/\s+/u).at(-1) ?? '').toLowerCase();
}
