/**
 * Where chrono-node reads a date in a text. The package (its English parser alone: the root loads every
 * locale) is required on first use, and its readings go through the language memo, so a study command whose
 * readings are saved never loads it.
 */
import { createRequire } from 'node:module';
import type * as ChronoEnglish from 'chrono-node/en';
import { recall, remember } from './language-memo.js';

export interface ChronoReading {
  /** Offset of the words read as a date in the text, and those words. */
  readonly index: number;
  readonly text: string;
  /** With a publication date: the day (YYYY-MM-DD, UTC) the words mean, counted from noon UTC of that date. */
  readonly day?: string;
}

const require = createRequire(import.meta.url);
let chrono: typeof ChronoEnglish | undefined;

/** chrono-node's readings of `text`, counted from `published` (YYYY-MM-DD) when given, else from now. */
export function chronoReadings(text: string, published?: string): readonly ChronoReading[] {
  const key = `${published ?? ''}\u0000${text}`;
  const saved = recall('dates', key) as ChronoReading[] | undefined;
  if (saved !== undefined) return saved;
  chrono ??= require('chrono-node/en') as typeof ChronoEnglish;
  const results = published === undefined ? chrono.parse(text) : chrono.parse(text, { instant: new Date(`${published}T12:00:00Z`), timezone: 'UTC' });
  const readings = results.map((result): ChronoReading => {
    if (published === undefined) return { index: result.index, text: result.text };
    const date = result.start.date();
    // An instant past what a Date can hold has no day (toISOString would throw).
    return { index: result.index, text: result.text, ...(Number.isNaN(date.getTime()) ? {} : { day: date.toISOString().slice(0, 10) }) };
  });
  remember('dates', key, readings);
  return readings;
}
