import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { vocabularyRowsOf } from '../../src/embeddings/saved-vocabulary-rows.js';
import { temporaryFolder } from '../helpers/test-config.js';

const folder = temporaryFolder('saved-vocabulary-rows');
after(() => folder.remove());
const words = ['the', 'baku', 'kremlin', 'café', 'the', 'tariffs'];
const lines = Buffer.from(words.join('\n'), 'utf8');

test('GIVEN a vectors file read twice THEN the second start uses the saved tables and finds every word at the same row', () => {
  const file = path.join(folder.path, 'vectors.bin');
  const stamp = { size: 1234, modifiedMs: 1_700_000_000_000.5 };
  const built = vocabularyRowsOf(lines, words.length, file, stamp);
  assert.ok(existsSync(`${file}.rows`));
  const saved = vocabularyRowsOf(lines, words.length, file, stamp);
  assert.deepEqual(saved.tables(), built.tables());
  for (const word of [...words, 'moscow']) assert.equal(saved.get(word), built.get(word), word);
  assert.equal(saved.get('the'), 0, 'a word listed twice keeps its first row');
});

test('GIVEN saved tables of another vectors file (changed time) or a damaged one THEN the tables are built again', () => {
  const file = path.join(folder.path, 'other.bin');
  vocabularyRowsOf(lines, words.length, file, { size: 1, modifiedMs: 1 });
  const changed = vocabularyRowsOf(lines, words.length, file, { size: 1, modifiedMs: 2 });
  assert.equal(changed.get('café'), 3);
  writeFileSync(`${file}.rows`, 'not tables');
  assert.equal(vocabularyRowsOf(lines, words.length, file, { size: 1, modifiedMs: 2 }).get('tariffs'), 5);
});
