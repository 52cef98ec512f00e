import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBigramModel } from '../../src/benchmark/bigram-model.js';
import { ExactSearch } from '../../src/benchmark/exact-search.js';
import { evidenceRank } from '../../src/evaluation/evidence.js';
import { generateSyntheticCorpus } from '../../src/benchmark/synthetic-corpus.js';

test('GIVEN the same seed THEN the synthetic corpus is the same, with exactly the chunks asked for', () => {
  const model = createBigramModel([
    'Baku responded in an unusually forceful manner.',
    'Moscow and Baku have reached a level of tension in relations.',
    'The Kremlin responded to the arrests in Baku.',
  ]);
  const first = generateSyntheticCorpus({ model, chunks: 250, seed: 7 });
  const second = generateSyntheticCorpus({ model, chunks: 250, seed: 7 });
  const other = generateSyntheticCorpus({ model, chunks: 250, seed: 8 });
  assert.equal(first.chunks.length, 250);
  assert.equal(first.corpus.contentHash, second.corpus.contentHash);
  assert.deepEqual(
    first.chunks.map((chunk) => chunk.text),
    second.chunks.map((chunk) => chunk.text),
  );
  assert.notEqual(first.corpus.contentHash, other.corpus.contentHash);
  for (const chunk of first.chunks.slice(0, 20))
    assert.equal(first.corpus.documents.find((document) => document.id === chunk.documentId)?.text.slice(chunk.start, chunk.end), chunk.text);
});

test('GIVEN stored vectors THEN exact search ranks them by cosine, best first', () => {
  const search = new ExactSearch(2, 1);
  for (const vector of [
    [1, 0],
    [0, 1],
    [1, 1],
    [-1, 0],
    [2, 0.1],
  ])
    search.add(vector);
  assert.deepEqual(
    search.search([1, 0.05], 3).map(([label]) => label),
    [4, 0, 2],
  );
  assert.equal(search.search([1, 0], 10).length, 5);
});

test('GIVEN passages THEN the evidence rank follows the eval README (normalised containment)', () => {
  assert.equal(evidenceRank(['nothing here', 'Vladimir Putin’s personal   apology was'], ["vladimir putin's personal apology"]), 2);
  assert.equal(evidenceRank(['nothing here'], ['absent']), undefined);
});
