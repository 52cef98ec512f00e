import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25SentenceRanker } from '../../src/evaluation/bm25-baseline.js';
import type { Sentence } from '../../src/corpus/types.js';

const sentences: Sentence[] = [
  'The council met on Monday and the council voted on the budget.',
  'The council met again on Tuesday.',
  'The ferry to Holmsund leaves at seven.',
  'A long sentence about the council, the weather, the harbour, the market, the school and the road works that went on all summer.',
  'The council chose a new mayor.',
].map((text, ordinal) => ({ documentId: 'town.txt', paragraph: 1, section: 'Introduction', ordinal, start: 0, end: text.length, text }));

test('GIVEN sentences THEN BM25 ranks the one with the rare query word first and leaves out those sharing no word', () => {
  const ranked = new Bm25SentenceRanker(sentences).rank('When does the ferry to Holmsund leave?', 5);
  assert.equal(ranked[0]?.sentence.text, 'The ferry to Holmsund leaves at seven.');
  assert.equal(ranked.length, 1);
});

test('GIVEN the same query word in sentences of different lengths THEN the shorter one ranks above the long one, repeats count but saturate', () => {
  const ranked = new Bm25SentenceRanker(sentences).rank('council', 5).map(({ sentence }) => sentence.ordinal);
  // Ordinal 0 says "council" twice; 1 and 4 once in short sentences; 3 once in a long one.
  assert.equal(ranked[0], 0);
  assert.equal(ranked.at(-1), 3);
  assert.deepEqual(ranked.slice(1, 3).sort(), [1, 4]);
});
