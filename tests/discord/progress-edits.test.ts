/**
 * The progress line of a slow command (progress-edits.ts): the first step is shown at once, a later one no sooner
 * than the gap allows, and nothing after the answer; `finish` waits for an edit in flight, so the answer is
 * always the last edit of the reply. A clock is passed in; no test waits for time to pass.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressEdits } from '../../src/discord/progress-edits.js';

test('GIVEN steps faster than the gap THEN the first is shown, the others wait, and none is shown after finish', async () => {
  const shown: string[] = [];
  const edits = progressEdits(async (content) => void shown.push(content), { gapMs: 60_000, now: () => 1_000 });
  edits.show('Reading “book.pdf”…');
  edits.show('Indexing: 10%…');
  edits.show('Indexing: 20%…');
  assert.equal(await edits.finish(), true, 'progress was shown, so the answer clears it');
  edits.show('Indexing: 30%…');
  assert.deepEqual(shown, ['Reading “book.pdf”…']);
});

test('GIVEN an edit still in flight THEN finish waits for it; a gap that has passed lets the latest step through', async () => {
  let clock = 0;
  const shown: string[] = [];
  let release: () => void = () => undefined;
  const edits = progressEdits(
    (content) => {
      shown.push(content);
      return new Promise<void>((resolve) => (release = resolve));
    },
    { gapMs: 1_000, now: () => clock },
  );
  edits.show('Reading…');
  clock = 5_000;
  edits.show('Indexing…');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(shown, ['Reading…'], 'the second edit waits for the first');
  let finished = false;
  const finishing = edits.finish().then(() => (finished = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(finished, false, 'finish waits while an edit is in flight');
  release();
  await new Promise((resolve) => setImmediate(resolve));
  release();
  await finishing;
  assert.deepEqual(shown, ['Reading…', 'Indexing…']);
});

test('GIVEN no step at all THEN finish says nothing was shown, and a failing edit is reported, not thrown', async () => {
  assert.equal(await progressEdits(async () => undefined).finish(), false);
  const errors: unknown[] = [];
  const failing = progressEdits(() => Promise.reject(new Error('Discord said no')), { onError: (error) => errors.push(error) });
  failing.show('Reading…');
  assert.equal(await failing.finish(), true);
  assert.equal((errors[0] as Error).message, 'Discord said no');
});
