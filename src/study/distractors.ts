/**
 * Wrong answers that look right: of the same kind as the answer (people for a person, cited sources for a
 * cited source, years for a year, a number written the same way for a number) and never a phrase of the
 * quote the question comes from, so the explanation shown afterwards cannot contradict a "wrong" choice.
 */
import { normalizeForMatch } from '../language/normalize.js';
import type { Entity } from './recognise-entities.js';
import { writeLike, type NumberExpression } from '../language/number-expressions.js';
import type { SeededRandom } from '../seeded-random.js';

export const DISTRACTORS_PER_QUESTION = 3;

/** True when `phrase` occurs in `text` as whole words, ignoring case, quote style and dashes. */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = wordsOf(phrase).trim();
  return needle !== '' && ` ${wordsOf(text)} `.includes(` ${needle} `);
}

// A quiz checks every candidate against the same quote and the same candidates against every quote: each text is
// normalised once (this was most of the time of making a quiz). Bounded, so a long-running bot does not grow it.
const normalised = new Map<string, string>();

function wordsOf(text: string): string {
  let words = normalised.get(text);
  if (words === undefined) {
    words = normalizeForMatch(text).replace(/[^\p{L}\p{N}%]+/gu, ' ');
    if (normalised.size >= 4096) normalised.clear();
    normalised.set(text, words);
  }
  return words;
}

/** Keeps the first `count` candidates that differ from the answer, from each other, and from every phrase of the quote. */
export function pickDistractors(input: { answer: string; quoteText: string; ranked: readonly string[]; count?: number }): string[] {
  const count = input.count ?? DISTRACTORS_PER_QUESTION;
  const chosen: string[] = [];
  const seen = new Set([normalizeForMatch(input.answer)]);
  for (const candidate of input.ranked) {
    const key = normalizeForMatch(candidate);
    if (candidate.trim() === '' || seen.has(key) || containsPhrase(input.quoteText, candidate)) continue;
    // "Aliyev" is no distractor for "Ilham Aliyev": one contains the other.
    if (containsPhrase(input.answer, candidate) || containsPhrase(candidate, input.answer)) continue;
    seen.add(key);
    chosen.push(candidate);
    if (chosen.length === count) break;
  }
  return chosen;
}

/** How an entity's name is written as a choice, in the same form as the answer: a surname for a surname, no "The" after "the". */
export function entityChoice(entity: Entity, answerForm: 'full' | 'surname', dropArticle: boolean): string {
  const name = answerForm === 'surname' && entity.kind === 'person' ? (entity.name.split(' ').at(-1) ?? entity.name) : entity.name;
  return dropArticle ? name.replace(/^The\s+/u, '') : name;
}

/** Other entities, most alike first: same group (sources with sources), then same kind, then named near the answer. */
export function rankEntities(input: { answer: Entity; entities: readonly Entity[]; nearPosition: number; random: SeededRandom }): Entity[] {
  const { answer } = input;
  const scored = input.entities
    // "Hussein and Ziyaddin Safarov" names two people: no stand-in for one.
    .filter((entity) => entity.key !== answer.key && entity.kind === answer.kind && entity.name.includes(' and ') === answer.name.includes(' and '))
    .map((entity) => {
      const distance = Math.min(...entity.mentions.map((mention) => Math.abs(mention.unit.position - input.nearPosition)));
      const score = (entity.group === answer.group ? 2 : 0) + 1 / (1 + distance / 10) + input.random.next() * 0.6;
      return { entity, score };
    });
  return scored.sort((first, second) => second.score - first.score).map((item) => item.entity);
}

/** Numbers like the answer: other years of the text first for a year; nearby values written the same way otherwise. */
export function rankNumbers(input: { answer: NumberExpression; corpusNumbers: readonly NumberExpression[]; random: SeededRandom }): string[] {
  const { answer, random } = input;
  const value = answer.value;
  const scored: { text: string; score: number }[] = [];
  if (answer.unit === 'year') {
    for (const year of new Set(input.corpusNumbers.filter((number) => number.unit === 'year' && number.value !== value).map((number) => number.value))) {
      scored.push({ text: String(year), score: 2 - Math.min(1, Math.abs(year - value) / 30) + random.next() * 0.5 });
    }
    for (const offset of [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5])
      scored.push({ text: String(value + offset), score: 1 - Math.abs(offset) / 10 + random.next() * 0.5 });
  } else {
    for (const candidate of nearbyValues(value)) {
      const text = writeLike(answer, candidate);
      if (text !== undefined) scored.push({ text, score: 1 - Math.abs(candidate - value) / Math.max(1, value) + random.next() * 0.8 });
    }
  }
  return scored.sort((first, second) => second.score - first.score).map((item) => item.text);
}

function nearbyValues(value: number): number[] {
  const steps = value < 10 ? [-2, -1, 1, 2, 3] : value < 20 ? [-5, -3, 3, 5, 10] : value < 100 ? [-20, -10, -5, 5, 10, 20] : [];
  const candidates = steps.length > 0 ? steps.map((step) => value + step) : [0.5, 0.75, 1.5, 2].map((factor) => roundToTwoFigures(value * factor));
  return [...new Set(candidates)].filter((candidate) => candidate > 0 && candidate !== value && (value >= 100 || candidate < 100));
}

function roundToTwoFigures(value: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}
