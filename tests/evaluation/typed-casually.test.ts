import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typedCasually } from '../../src/evaluation/typed-casually.js';

const items = [
  { id: 'q1', turns: ['Why did Baku close the Russian House?'], evidence: ['intelligence'], answerable: true },
  { id: 'q2', turns: ['Who is he?'], evidence: [], answerable: false },
];

test('GIVEN a question set THEN it is typed casually: lower case, no question mark, one slip in one longer word, the same on every run', () => {
  const typed = typedCasually(items, 'seed');
  assert.deepEqual(typedCasually(items, 'seed'), typed, 'the same seed gives the same set');
  const [first, second] = typed;
  const words = first?.turns[0]?.split(' ') ?? [];
  const clean = 'why did baku close the russian house'.split(' ');
  assert.equal(words.length, clean.length);
  const changed = words.filter((word, at) => word !== clean[at]);
  assert.equal(changed.length, 1, `one word changed: ${first?.turns[0]}`);
  const slipped = clean[words.indexOf(changed[0] ?? '')] ?? '';
  assert.ok(slipped.length >= 5, 'only a word of five letters or more');
  assert.equal(changed[0]?.[0], slipped[0], 'the first letter stays');
  assert.equal(second?.turns[0], 'who is he', 'no word long enough: only lower case and no question mark');
  assert.deepEqual(second?.evidence, [], 'evidence and labels are kept');
  assert.notDeepEqual(typedCasually(items, 'other seed'), typed, 'another seed, another draw');
});
