import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openFeedbackStore, unavailableFeedbackStore } from '../../src/storage/feedback-store.js';
import { OwnTimeClock } from '../helpers/own-time-clock.js';

function temporaryFile(t: { after: (callback: () => void) => void }): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-store-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return path.join(folder, 'nested', 'footnote.sqlite');
}

const quote = { documentId: 'a.txt', documentTitle: 'A', section: 'Intro', paragraph: 2, start: 10, end: 20, text: 'the quote' };

test('GIVEN a saved answer and votes THEN one row per user, the latest vote wins, and rows survive reopening', (t) => {
  const file = temporaryFile(t);
  const store = openFeedbackStore({ file });
  assert.ok(
    store.saveAnswer({
      id: 'a1',
      question: 'Why?',
      answer: 'Because.',
      quotes: [quote],
      mode: 'extractive',
      userId: 'u1',
      guildId: 'g1',
      channelId: 'c1',
      createdAt: new Date('2025-01-01T00:00:00Z'),
    }).ok,
  );
  assert.ok(store.recordVote({ answerId: 'a1', vote: 'up', userId: 'u2', guildId: 'g1', at: new Date('2025-01-01T00:01:00Z') }).ok);
  assert.ok(store.recordVote({ answerId: 'a1', vote: 'down', userId: 'u2', guildId: 'g1', at: new Date('2025-01-01T00:02:00Z') }).ok);
  assert.ok(store.recordVote({ answerId: 'a1', vote: 'up', userId: 'u3', guildId: undefined, at: new Date('2025-01-01T00:03:00Z') }).ok);
  const unknown = store.recordVote({ answerId: 'nope', vote: 'up', userId: 'u2', guildId: 'g1', at: new Date() });
  assert.deepEqual(unknown.ok ? undefined : unknown.reason, 'unknown-answer');
  store.close();

  const reopened = openFeedbackStore({ file });
  t.after(() => reopened.close());
  const rows = reopened.listFeedback();
  assert.ok(rows.ok);
  assert.deepEqual(
    rows.value.map((row) => [row.userId, row.vote, row.question, row.answer, row.quotes[0]?.text, row.guildId, row.createdAt]),
    [
      ['u2', 'down', 'Why?', 'Because.', 'the quote', 'g1', '2025-01-01T00:02:00.000Z'],
      ['u3', 'up', 'Why?', 'Because.', 'the quote', undefined, '2025-01-01T00:03:00.000Z'],
    ],
  );
  const database = new Database(file, { readonly: true });
  t.after(() => database.close());
  assert.equal(database.pragma('journal_mode', { simple: true }), 'wal');
});

test('GIVEN the database is locked by another writer THEN the store answers with a value, not an exception', (t) => {
  const file = temporaryFile(t);
  const store = openFeedbackStore({ file });
  t.after(() => store.close());
  assert.ok(
    store.saveAnswer({
      id: 'a1',
      question: 'Q',
      answer: 'A',
      quotes: [],
      mode: 'extractive',
      userId: 'u',
      guildId: undefined,
      channelId: undefined,
      createdAt: new Date(),
    }).ok,
  );
  const other = new Database(file, { timeout: 0 });
  t.after(() => other.close());
  other.exec('BEGIN EXCLUSIVE');
  const clock = new OwnTimeClock();
  const started = clock.now();
  const vote = store.recordVote({ answerId: 'a1', vote: 'up', userId: 'u', guildId: undefined, at: new Date() });
  assert.equal(vote.ok, false);
  assert.match(vote.ok ? '' : vote.message, /could not record the vote/);
  assert.ok(clock.now() - started < 5_000);
  other.exec('ROLLBACK');
  assert.ok(store.recordVote({ answerId: 'a1', vote: 'up', userId: 'u', guildId: undefined, at: new Date() }).ok, 'works again once the lock is gone');
});

test('GIVEN no database at all THEN the stand-in store says why on every call', () => {
  const store = unavailableFeedbackStore('disk full');
  const result = store.recordVote({ answerId: 'a', vote: 'up', userId: 'u', guildId: undefined, at: new Date() });
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.message, /disk full/);
});
