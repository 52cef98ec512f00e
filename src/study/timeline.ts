/**
 * The dated events the text mentions, in date order, each with the sentence that dates it. An expression
 * relative to an undated event ("fifteen years after the arrest …") cannot be placed on the calendar: it
 * is shown as the text says it and placed at the publication date, the text's own present, because that is
 * when the reported event ("Baku responded …") happens in the story.
 */
import type { Corpus } from '../corpus/types.js';
import { findDates, type DateExpression, type DatePrecision } from '../language/date-expressions.js';
import { sentenceUnits, type SentenceUnit } from './sentence-units.js';
import { quoteSentence, type Quote } from '../corpus/citation.js';
import { hasSubjectAndVerb } from '../language/part-of-speech.js';

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
  const found: FoundEvent[] = [];
  for (const unit of sentenceUnits(corpus)) {
    const quote = quoteSentence(unit.document, unit.paragraph, unit.sentence);
    if (quote === undefined) continue;
    for (const expression of findDates(unit.sentence.text, unit.document.date)) {
      const resolution = expression.resolution;
      const date = resolution.resolved ? resolution.date : (unit.document.date ?? UNDATED);
      const precision = resolution.resolved ? resolution.precision : 'unresolved';
      const base = { date, precision, quote, position: unit.position, year: resolution.resolved ? resolution.date.slice(0, 4) : undefined } as const;
      // "Fifteen years after the arrest …, Baku responded": the arrest is an event too, undated, placed just before.
      if (expression.anchor !== undefined) {
        const anchor = lineAround(unit.sentence.text, expression.anchor.start, expression.anchor.end, { from: expression.anchor.start });
        found.push({ ...base, precision: 'unresolved', when: 'undated, before the next event', text: anchor, start: expression.start - 1, year: undefined });
      }
      const head = expression.role === 'modifier' ? headNoun(unit.sentence.text, expression.end) : undefined;
      found.push({ ...base, when: whenOf(unit, expression), text: eventText(unit, expression), start: expression.start, head });
    }
  }
  const distinct = mergeDuplicates(found);
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

interface FoundEvent {
  readonly date: string;
  readonly precision: DatePrecision | 'unresolved';
  readonly when: string;
  readonly text: string;
  readonly quote: Quote;
  readonly position: number;
  readonly start: number;
  /** The calendar year, for finding two mentions of one event. */
  readonly year: string | undefined;
  /** The noun a year modifies ("war" in "the 2020 … war"), lower-cased. */
  readonly head?: string | undefined;
}

/**
 * One entry per event: two entries of the same year that name the same thing ("the 2020 Armenia-Azerbaijan
 * war", "Azerbaijan’s success in 2020") or say the same line are one event, kept at its first mention.
 */
function mergeDuplicates(found: readonly FoundEvent[]): FoundEvent[] {
  const kept: FoundEvent[] = [];
  for (const event of found) {
    const duplicate = kept.some(
      (other) =>
        (other.text === event.text && other.date === event.date) ||
        (event.year !== undefined &&
          other.year === event.year &&
          other.quote.documentId === event.quote.documentId &&
          // A year naming a thing ("the 2020 … war") is one event with a line of that year naming the same thing.
          (event.head !== undefined || other.head !== undefined) &&
          (sharesName(other.text, event.text) || other.head === event.head)),
    );
    if (!duplicate) kept.push(event);
  }
  return kept;
}

/** Both lines name one capitalised thing past their first word ("Azerbaijan" in "the 2020 Armenia-Azerbaijan war" and "Azerbaijan’s success"). */
function sharesName(first: string, second: string): boolean {
  const names = (text: string): Set<string> =>
    new Set([...text.matchAll(/(?<=[\s\-‑(])\p{Lu}\p{Ll}{2,}/gu)].map((match) => match[0]).concat(/^\p{Lu}\p{Ll}{2,}(?=[’'\s-])/u.exec(text)?.[0] ?? []));
  const other = names(second);
  return [...names(first)].some((name) => other.has(name));
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

/** What happened, as a line of the sentence that says who did what: the clause around the time, widened until it has a subject and a verb. */
function eventText(unit: SentenceUnit, expression: DateExpression): string {
  const sentence = unit.sentence.text;
  if (expression.anchor !== undefined) {
    // The event counted from the anchor is the main clause after it: the first chunk that opens with a capital.
    const chunks = chunksOf(sentence).filter((chunk) => chunk.start >= (expression.anchor?.end ?? 0));
    const main = chunks.find((chunk) => /^\p{Lu}/u.test(sentence.slice(chunk.start))) ?? chunks.at(-1);
    if (main !== undefined) return lineAround(sentence, main.start, main.end, { from: main.start });
  }
  if (expression.role === 'modifier') {
    // "Baku’s 2023 military operations, which led to …": the noun phrase and the clause that says what it did.
    const before = /(?:\b(?:the|a|an|this|that|its|their|his|her)|[\p{L}-]+['’]s)\s+$/iu.exec(sentence.slice(0, expression.start));
    const start = before === null ? expression.start : before.index;
    const next = chunksOf(sentence).find((chunk) => chunk.start > expression.end);
    const adjacent = next !== undefined && /^(?:\s+[\p{L}’'-]+){0,4},\s*$/u.test(sentence.slice(expression.end, next.start));
    if (next !== undefined && adjacent && /^(?:which|that|who)\b/iu.test(sentence.slice(next.start))) {
      const line = trimPunctuation(sentence.slice(start, next.end));
      if (hasSubjectAndVerb(line)) return line;
    }
    // "Russian peacekeepers deployed in Artsakh after the 2020 Armenia-Azerbaijan war": the clause up to the phrase.
    const phraseEnd =
      expression.end + (/^(?:\s+(?!(?:and|or|but|neither|nor|to|of|in|on|for|with)\b)[\p{L}’'-]+){0,4}/u.exec(sentence.slice(expression.end))?.[0].length ?? 0);
    const own = chunksOf(sentence).find((chunk) => chunk.start <= expression.start && expression.end <= chunk.end);
    const upToPhrase = own === undefined ? '' : trimPunctuation(sentence.slice(own.start, phraseEnd));
    if (own !== undefined && own.start < start && hasSubjectAndVerb(upToPhrase)) return upToPhrase;
  }
  const line = lineAround(sentence, expression.start, expression.end, {});
  // "… came in late 2024, when the Azal plane was mistakenly shot down …": the "when" clause is what happened then.
  const lineEnd = sentence.indexOf(line) + line.length;
  const when = /^,\s+when\s+[^,;:—–()]+/u.exec(sentence.slice(lineEnd));
  if (lineEnd >= expression.end && lineEnd - expression.end <= 2 && when !== null && line.length + when[0].length <= MAX_LINE)
    return trimPunctuation(line + when[0]);
  return line;
}

const MAX_LINE = 180;

/**
 * The shortest run of the sentence's chunks around [start, end) that says who did what (a subject before a
 * verb), without a leading conjunction or a chunk that only gives the time; the sentence when none does.
 */
function lineAround(sentence: string, start: number, end: number, options: { from?: number }): string {
  const chunks = chunksOf(sentence);
  const at = chunks.findIndex((chunk) => chunk.start <= start && end <= chunk.end);
  if (at < 0) return trimPunctuation(sentence);
  let best: string | undefined;
  // "…, who has inherited power since 2003": the name the clause describes, then the clause.
  const chunk = chunks[at];
  const previous = chunks[at - 1];
  if (chunk !== undefined && previous !== undefined && /^(?:who|which)\b/iu.test(sentence.slice(chunk.start))) {
    const name = /(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)$/u.exec(sentence.slice(previous.start, previous.end));
    if (name !== null) best = trimPunctuation(sentence.slice(previous.start + name.index, chunk.end));
  }
  for (let first = at; first >= 0; first -= 1) {
    for (let last = at; last < chunks.length; last += 1) {
      const from = Math.max(chunks[first]?.start ?? 0, first === at ? (options.from ?? 0) : 0);
      let text = sentence.slice(from, chunks[last]?.end ?? sentence.length).trimStart();
      // A chunk that only says when ("In recent days,") is the entry's time, not its line.
      const leading = chunks[first];
      if (
        leading !== undefined &&
        last > first &&
        sentence.slice(leading.start, leading.end).split(/\s+/u).length <= 4 &&
        leading.start <= start &&
        end <= leading.end
      )
        text = sentence.slice(chunks[first + 1]?.start ?? from, chunks[last]?.end ?? sentence.length);
      text = trimPunctuation(text.replace(/^(?:and|but|or|while|whereas)\s+/iu, ''));
      if (text.length > MAX_LINE) break;
      if ((best === undefined || text.length < best.length) && hasSubjectAndVerb(text) && !/^(?:which|who|that|when|as|because|although)\b/iu.test(text))
        best = text;
    }
  }
  return best ?? trimPunctuation(sentence);
}

/** The sentence cut at commas, semicolons, colons, dashes and brackets; not inside numbers ("2,300", "11:40", "Lines 1, 2 and 7"). */
function chunksOf(sentence: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  for (const boundary of sentence.matchAll(/(?:(?<!\d)[,:]|[,:](?!\s?\d)|[;—–()])\s*/gu)) {
    if (boundary.index > start) chunks.push({ start, end: boundary.index });
    start = boundary.index + boundary[0].length;
  }
  if (start < sentence.length) chunks.push({ start, end: sentence.length });
  return chunks.map((chunk) => {
    const text = sentence.slice(chunk.start, chunk.end);
    const leading = text.length - text.trimStart().length;
    return { start: chunk.start + leading, end: chunk.start + text.trimEnd().length };
  });
}

/** The last word of the noun phrase after a year ("war" in "2020 Second Karabakh War"). */
function headNoun(sentence: string, end: number): string | undefined {
  const words = /^(?:\s+\p{L}[\p{L}’'-]*){1,4}/u.exec(sentence.slice(end))?.[0].trim().split(/\s+/u) ?? [];
  const stop = words.findIndex((word) => /^(?:and|or|but|neither|nor|to|of|in|on|for|with|the|a|an)$/iu.test(word));
  return (stop < 0 ? words : words.slice(0, stop)).at(-1)?.toLowerCase();
}

function trimPunctuation(text: string): string {
  return text.replace(/[\s.,;:!?]+$/u, '');
}
