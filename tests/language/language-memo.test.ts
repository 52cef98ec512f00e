import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chronoReadings } from '../../src/language/chrono-readings.js';
import { finishLanguageMemo, recall, remember, startLanguageMemo } from '../../src/language/language-memo.js';
import { isDictionaryWord, tagWords } from '../../src/language/part-of-speech.js';

test('GIVEN no memo started THEN nothing is recalled or kept, and there is nothing to write', () => {
  remember('dictionary', 'street', true);
  assert.equal(recall('dictionary', 'street'), undefined);
  assert.equal(finishLanguageMemo(), undefined);
});

test('GIVEN answers remembered in one run THEN the next run recalls them; a run that adds nothing writes nothing', () => {
  startLanguageMemo(undefined);
  remember('dictionary', 'street', true);
  remember('dates', 'key', [{ index: 3, text: 'last week', day: '2025-07-18' }]);
  const saved = finishLanguageMemo();
  assert.ok(saved !== undefined);
  startLanguageMemo(saved);
  assert.equal(recall('dictionary', 'street'), true);
  assert.deepEqual(recall('dates', 'key'), [{ index: 3, text: 'last week', day: '2025-07-18' }]);
  assert.equal(recall('dictionary', 'baku'), undefined);
  assert.equal(finishLanguageMemo(), undefined);
});

test('GIVEN a memo of other package versions, or a damaged file THEN nothing in it is recalled', () => {
  startLanguageMemo(undefined);
  remember('dictionary', 'street', true);
  const saved = finishLanguageMemo() as string;
  for (const other of [saved.replace(/wink-nlp@[^ "]+/u, 'wink-nlp@0.0.1'), saved.slice(0, 20)]) {
    startLanguageMemo(other);
    assert.equal(recall('dictionary', 'street'), undefined);
    finishLanguageMemo();
  }
});

test('GIVEN a text tagged with a memo started THEN its saved tags read back as the same words, and the tagger consults the memo', () => {
  const text = 'Okafor closed the Lagos office of Meridian Trust last week.';
  startLanguageMemo(undefined);
  const tagged = tagWords(text);
  const readings = chronoReadings(text, '2025-07-25');
  const known = isDictionaryWord('Zqxvbn');
  const saved = JSON.parse(finishLanguageMemo() as string) as { tables: Record<string, Record<string, unknown>> };
  // The same tags under another key: what tagWords makes of a saved entry is the entry it saved.
  const tables = saved.tables as { tags: Record<string, unknown>; dictionary: Record<string, unknown> };
  tables.tags[`${text} `] = tables.tags[text];
  tables.dictionary.qwzxv = true;
  startLanguageMemo(JSON.stringify(saved));
  assert.deepEqual(tagWords(`${text} `), tagged);
  assert.equal(isDictionaryWord('qwzxv'), true, 'a word the lexicon lacks, read from the memo');
  assert.equal(known, false);
  assert.deepEqual(chronoReadings(text, '2025-07-25'), readings);
  assert.deepEqual(readings, [{ index: 49, text: 'last week', day: '2025-07-18' }]);
  finishLanguageMemo();
});
