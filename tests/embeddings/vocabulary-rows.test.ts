import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { VocabularyRows } from '../../src/embeddings/vocabulary-rows.js';
import { WORD_VECTORS_FILE } from '../../src/embeddings/word-vectors.js';
import { sharedModelDir } from '../helpers/test-config.js';

const rowsOf = (words: readonly string[]) => new VocabularyRows(Buffer.from(words.join('\n'), 'utf8'), words.length);

test('GIVEN a vocabulary THEN each word finds its row, a word listed twice its first, and other words nothing', () => {
  const words = ['the', 'baku', 'naïve', '東京', '😀', '', 'the', 'bakú', 'ba'];
  const rows = rowsOf(words);
  assert.deepEqual(
    ['the', 'baku', 'naïve', '東京', '😀', '', 'bakú', 'ba'].map((word) => rows.get(word)),
    [0, 1, 2, 3, 4, 5, 7, 8],
  );
  for (const missing of ['The', 'bak', 'bakuu', 'naive', '東', 'the ', '\ud800', 'x'.repeat(500)]) assert.equal(rows.get(missing), undefined, missing);
  // Asked again, from the words remembered as strings: the same answers.
  assert.deepEqual(
    ['the', 'baku', 'naïve', '東京', 'bakú', 'The', 'bak'].map((word) => rows.get(word)),
    [0, 1, 2, 3, 7, undefined, undefined],
  );
  assert.deepEqual(rows.words(), words);
  assert.throws(() => new VocabularyRows(Buffer.from('a\nb', 'utf8'), 3), /holds 2 words, not 3/u);
});

test('GIVEN the 341k words of the shipped vectors THEN every word finds the row a Map of strings gives it', () => {
  const bytes = readFileSync(path.join(sharedModelDir, WORD_VECTORS_FILE));
  const count = bytes.readUInt32LE(12);
  const lines = bytes.subarray(20, 20 + bytes.readUInt32LE(16));
  const rows = new VocabularyRows(lines, count);
  const expected = new Map<string, number>();
  lines
    .toString('utf8')
    .split('\n')
    .forEach((word, row) => {
      if (!expected.has(word)) expected.set(word, row);
    });
  let wrong = 0;
  for (const [word, row] of expected) if (rows.get(word) !== row) wrong += 1;
  assert.equal(wrong, 0);
  assert.equal(expected.size > 300_000, true);
});
