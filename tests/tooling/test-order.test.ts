import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { cutIntoBatches, longestFirst, readDurations } from '../../scripts/test-durations.js';
import { temporaryFolder } from '../helpers/test-config.js';

const folder = temporaryFolder('test-order');
after(() => folder.remove());

test('GIVEN no record of a last run THEN the files start in the committed expected order, longest first, unknown files before all', () => {
  const expected = path.join(folder.path, 'expected.json');
  writeFileSync(expected, JSON.stringify({ 'tests/a.test.ts': 1000, 'tests/b.test.ts': 30_000 }));
  const durations = readDurations(path.join(folder.path, 'no-such-cache.json'), expected);
  assert.deepEqual(longestFirst(['tests/a.test.ts', 'tests/b.test.ts', 'tests/new.test.ts'], durations), [
    'tests/new.test.ts',
    'tests/b.test.ts',
    'tests/a.test.ts',
  ]);
});

test('GIVEN a record of the last run THEN its figures win over the expected ones', () => {
  const expected = path.join(folder.path, 'expected-2.json');
  const cache = path.join(folder.path, 'cache.json');
  writeFileSync(expected, JSON.stringify({ 'tests/a.test.ts': 1000, 'tests/b.test.ts': 30_000 }));
  writeFileSync(cache, JSON.stringify({ [path.resolve('tests/a.test.ts')]: 90_000 }));
  assert.deepEqual(longestFirst(['tests/a.test.ts', 'tests/b.test.ts'], readDurations(cache, expected)), ['tests/a.test.ts', 'tests/b.test.ts']);
});

test('GIVEN files of a few durations THEN batches keep path order, weigh about the same, and a long file is not packed with others', () => {
  const durations = Object.fromEntries(
    Object.entries({
      'tests/a/1.test.ts': 4_000,
      'tests/a/2.test.ts': 4_000,
      'tests/b/1.test.ts': 20_000,
      'tests/c/1.test.ts': 3_000,
      'tests/c/2.test.ts': 5_000,
    }).map(([file, ms]) => [path.resolve(file), ms]),
  );
  assert.deepEqual(cutIntoBatches(['tests/c/2.test.ts', 'tests/b/1.test.ts', 'tests/a/2.test.ts', 'tests/c/1.test.ts', 'tests/a/1.test.ts'], durations, 3), [
    ['tests/a/1.test.ts', 'tests/a/2.test.ts'],
    ['tests/b/1.test.ts'],
    ['tests/c/1.test.ts', 'tests/c/2.test.ts'],
  ]);
});

test('GIVEN files without a recorded duration THEN each weighs as the average file when batches are cut, not as nothing', () => {
  const durations = Object.fromEntries(
    Object.entries({ 'tests/a/1.test.ts': 6_000, 'tests/a/2.test.ts': 6_000 }).map(([file, ms]) => [path.resolve(file), ms]),
  );
  const files = ['tests/a/1.test.ts', 'tests/a/2.test.ts', 'tests/b/1.test.ts', 'tests/b/2.test.ts'];
  assert.deepEqual(cutIntoBatches(files, durations, 2), [
    ['tests/a/1.test.ts', 'tests/a/2.test.ts'],
    ['tests/b/1.test.ts', 'tests/b/2.test.ts'],
  ]);
});
