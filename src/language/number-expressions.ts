/**
 * Numbers as the text writes them ("67", "Forty-six percent", "three million", "2023"), with their value,
 * so a quiz can offer other numbers written the same way as distractors.
 */
import { NUMBER_SCALES, NUMBER_TENS, NUMBER_UNITS } from './lexicon.js';

export type NumberUnit = 'year' | 'percent' | 'count';

export interface NumberExpression {
  /** Offsets within the string that was searched. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The number before any scale word: 3 for "three million". */
  readonly value: number;
  /** "million", "billion", "thousand" or "" (kept so a distractor says "five million" too). */
  readonly scale: string;
  readonly unit: NumberUnit;
  readonly written: 'digits' | 'words';
  /** The word after the number ("percent", "people", "years"), lower-cased; "" when none. */
  readonly noun: string;
}

const UNITS = NUMBER_UNITS;
const TENS = NUMBER_TENS;
const SCALES = NUMBER_SCALES;

const WORD_NUMBER = `(?:(?:${TENS.slice(2).join('|')})(?:[-‑](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(1).join('|')})`;
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}][-‑]?)(?:(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)|(?<words>${WORD_NUMBER}))(?![\\p{L}\\p{N}]|[-‑]\\p{L})(?:\\s+(?<scale>${SCALES.join('|')}))?(?:\\s*(?<percent>%|percent|per cent))?`,
  'giu',
);

export function findNumbers(text: string): NumberExpression[] {
  const found: NumberExpression[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const groups = match.groups ?? {};
    const scale = (groups['scale'] ?? '').toLowerCase();
    const percent = groups['percent'] !== undefined;
    const written = groups['digits'] !== undefined ? 'digits' : 'words';
    const raw = groups['digits'] ?? groups['words'] ?? '';
    const value = written === 'digits' ? Number(raw.replace(/,/gu, '')) : wordsToNumber(raw);
    if (!Number.isFinite(value)) continue;
    // "one" is far more often a determiner ("one X-Network post") than a quantity.
    if (written === 'words' && value === 1 && scale === '' && !percent) continue;
    const isYear = written === 'digits' && /^\d{4}$/u.test(raw) && value >= 1000 && value <= 2100 && scale === '' && !percent;
    const end = match.index + match[0].length;
    const noun = percent ? 'percent' : (/^\s+(\p{L}+)/u.exec(text.slice(end))?.[1] ?? '').toLowerCase();
    found.push({ start: match.index, end, text: match[0], value, scale, unit: isYear ? 'year' : percent ? 'percent' : 'count', written, noun });
  }
  return found;
}

function wordsToNumber(words: string): number {
  const [tens = '', units = ''] = words.toLowerCase().split(/[-‑]/u);
  const tensValue = TENS.indexOf(tens);
  if (tensValue >= 2) return tensValue * 10 + (units === '' ? 0 : UNITS.indexOf(units));
  return UNITS.indexOf(tens);
}

/** 46 → "forty-six" (0–99); larger numbers stay in digits. */
export function numberToWords(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 0 || value > 99) return undefined;
  if (value < 20) return UNITS[value];
  const tens = TENS[Math.floor(value / 10)] ?? '';
  const units = value % 10;
  return units === 0 ? tens : `${tens}-${UNITS[units] ?? ''}`;
}

/** Writes `value` the way `model` is written: digits or words, same capitalisation, same scale and "percent". */
export function writeLike(model: NumberExpression, value: number): string | undefined {
  let number: string | undefined;
  if (model.written === 'digits') {
    number = model.text.includes(',') ? value.toLocaleString('en-US') : String(value);
  } else {
    number = numberToWords(value);
    if (number !== undefined && /^\p{Lu}/u.test(model.text)) number = number.charAt(0).toUpperCase() + number.slice(1);
  }
  if (number === undefined) return undefined;
  const scale = /\s+(thousand|million|billion)/iu.exec(model.text)?.[0] ?? '';
  const percent = /\s*(%|percent|per cent)$/iu.exec(model.text)?.[0] ?? '';
  return `${number}${scale}${percent}`;
}
