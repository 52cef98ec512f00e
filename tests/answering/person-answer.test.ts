/**
 * personFirst (answering/person-answer.ts): a "who" question whose chosen sentence names no person is answered first by
 * the selector's next likely sentence that does; a chosen sentence naming a person is kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuoteSearch } from '../../src/answering/count-answer.js';
import { personFirst } from '../../src/answering/person-answer.js';
import { readEntities } from '../../src/answering/sentence-entities.js';
import type { Quote } from '../../src/answering/types.js';

function quote(text: string, start: number): Quote {
  return { text, documentId: 'a.txt', documentTitle: 'A', section: 'Introduction', paragraph: 1, start, end: start + text.length };
}

function searchOver(texts: readonly string[], probabilities: readonly number[]) {
  const ranked = texts.map((text, index) => ({
    probability: probabilities[index],
    facts: { text, entities: readEntities(text) },
  })) as unknown as QuoteSearch['ranked'];
  const quotes = new Map(ranked.map((candidate, index) => [candidate, quote(texts[index] as string, index * 1000)]));
  const search: QuoteSearch = { chosen: ranked.slice(0, 1), ranked, locate: (candidate) => quotes.get(candidate), limit: 3 };
  return { search, first: quotes.get(ranked[0] as QuoteSearch['ranked'][number]) as Quote };
}

const texts = [
  'According to The Washington Post, autopsies revealed that the two men died from severe beatings and internal bleeding.',
  'Baku ignored this and leveraged the situation to confront Moscow.',
  'The two victims of the Yekaterinburg incident, brothers Hussein and Ziyaddin Safarov, had questionable pasts.',
];

test('GIVEN "who" and a chosen sentence that names no person THEN the next likely sentence naming one comes first', () => {
  const { search, first } = searchOver(texts, [0.5, 0.3, 0.2]);
  const quotes = personFirst('person', 'Who were the two men who died in Yekaterinburg?', [first], search);
  assert.equal(quotes[0]?.text, texts[2]);
  assert.equal(quotes[1], first);
});

test('GIVEN a person sentence far less likely than the chosen one, or a question that asks no person THEN the quotes stay', () => {
  const unlikely = searchOver(texts, [0.9, 0.05, 0.05]);
  assert.deepEqual(personFirst('person', 'Who were the two men who died in Yekaterinburg?', [unlikely.first], unlikely.search), [unlikely.first]);
  const { search, first } = searchOver(texts, [0.5, 0.3, 0.2]);
  assert.deepEqual(personFirst('reason', 'Why did the two men die?', [first], search), [first]);
});

test('GIVEN a chosen sentence that names a person the question does not THEN it is kept', () => {
  const named = ['Vladimir Putin apologised for the downed plane.', texts[2] as string];
  const { search, first } = searchOver(named, [0.5, 0.4]);
  assert.deepEqual(personFirst('person', 'who apologised for the plane', [first], search), [first]);
});
