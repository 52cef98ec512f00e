/**
 * placeFirst (answering/place-answer.ts): a "where" question whose chosen sentence gives no place is answered first by
 * a nearly as likely sentence that gives one; a relative "where" ("the area where…") asks no place.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuoteSearch } from '../../src/answering/count-answer.js';
import { placeFirst } from '../../src/answering/place-answer.js';
import type { Quote } from '../../src/answering/types.js';

function quote(text: string, start: number): Quote {
  return { text, documentId: 'a.txt', documentTitle: 'A', section: 'Introduction', paragraph: 1, start, end: start + text.length };
}

function searchOver(texts: readonly string[], probabilities: readonly number[]) {
  const ranked = texts.map((text, index) => ({ probability: probabilities[index], facts: { text } })) as unknown as QuoteSearch['ranked'];
  const quotes = new Map(ranked.map((candidate, index) => [candidate, quote(texts[index] as string, index * 1000)]));
  const search: QuoteSearch = { chosen: ranked.slice(0, 1), ranked, locate: (candidate) => quotes.get(candidate), limit: 3 };
  return { search, first: quotes.get(ranked[0] as QuoteSearch['ranked'][number]) as Quote };
}

const texts = [
  'Baku’s first attempt to impose new rules on Moscow came in late 2024, when the Azal plane was mistakenly shot down.',
  'The plane flying from Baku to Grozny crashed in Kazakhstan, killing 67 people.',
];

test('GIVEN "where" and a chosen sentence that gives no place THEN a nearly as likely sentence that gives one comes first', () => {
  const { search, first } = searchOver(texts, [0.7, 0.6]);
  const quotes = placeFirst('place', 'and where did it crash (azal plane)', [first], search);
  assert.deepEqual(
    quotes.map((found) => found.text),
    [texts[1], texts[0]],
  );
});

test('GIVEN a place sentence far less likely, or a "where" that does not open the question THEN the quotes stay', () => {
  const unlikely = searchOver(texts, [0.9, 0.1]);
  assert.deepEqual(placeFirst('place', 'where did it crash', [unlikely.first], unlikely.search), [unlikely.first]);
  const { search, first } = searchOver(texts, [0.7, 0.6]);
  assert.deepEqual(placeFirst('place', 'The area where the plane fell has been searched for how many years?', [first], search), [first]);
  assert.deepEqual(placeFirst('reason', 'why did it crash', [first], search), [first]);
});
