import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openFeedbackStore } from '../../src/storage/feedback-store.js';
import type { AnswerRecord } from '../../src/storage/feedback-store.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { OwnTimeClock } from '../helpers/own-time-clock.js';

const record = (id: string): AnswerRecord => ({
  id,
  question: 'Q',
  answer: 'A',
  quotes: [],
  mode: 'extractive',
  userId: 'u',
  guildId: 'g',
  channelId: 'c',
  createdAt: new Date(),
});

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

test('GIVEN a lock that lasts THEN only the first write of each back-off period waits for it, the others fail at once, and the first write after the lock succeeds', (t) => {
  const folder = temporaryFolder('feedback-lock');
  t.after(() => folder.remove());
  let clock = 1_000_000;
  const file = `${folder.path}/footnote.sqlite`;
  const store = openFeedbackStore({ file, busyTimeoutMs: 300, lockedBackOffMs: 10_000, now: () => clock });
  t.after(() => store.close());
  const holder = new Database(file, { timeout: 0 });
  t.after(() => holder.close());
  holder.exec('BEGIN EXCLUSIVE');

  const first = timed(() => store.saveAnswer(record('a1')));
  assert.equal(first.result.ok, false);
  assert.ok(first.ms >= 250, `the first write waits for the lock (${first.ms.toFixed(0)} ms)`);
  const second = timed(() => store.saveAnswer(record('a2')));
  assert.equal(second.result.ok, false);
  assert.ok(second.ms < 100, `later writes fail at once (${second.ms.toFixed(0)} ms), so the bot is not stalled`);
  const vote = timed(() => store.recordVote({ answerId: 'a0', vote: 'up', userId: 'u', guildId: 'g', at: new Date() }));
  assert.ok(vote.ms < 100);

  clock += 10_001;
  const afterBackOff = timed(() => store.saveAnswer(record('a3')));
  assert.equal(afterBackOff.result.ok, false);
  assert.ok(afterBackOff.ms >= 250, 'after the back-off a write waits again: a short lock is worth waiting for');

  holder.exec('ROLLBACK');
  assert.ok(store.saveAnswer(record('a4')).ok, 'saved as soon as the lock is gone, back-off or not');
  const rows = new Database(file, { readonly: true });
  t.after(() => rows.close());
  assert.deepEqual(rows.prepare('SELECT id FROM answers').all(), [{ id: 'a4' }]);
});

test('GIVEN the quiz scores database locked by another process THEN answers back off the same way, and are recorded once it is free', async (t) => {
  const { makeQuiz } = await import('../../src/study/make-quiz.js');
  const { StudyStore } = await import('../../src/study/study-store.js');
  const { loadArticle } = await import('../study/study-fixtures.js');
  const folder = temporaryFolder('study-lock');
  t.after(() => folder.remove());
  const quiz = makeQuiz(await loadArticle(), { count: 1, seed: 'lock' });
  assert.ok(quiz.ok);
  const question = quiz.quiz.questions[0];
  assert.ok(question);
  let clock = 1_000_000;
  const file = `${folder.path}/footnote.sqlite`;
  const store = new StudyStore(file, { busyTimeoutMs: 300, now: () => new Date(clock) });
  t.after(() => store.close());
  const holder = new Database(file, { timeout: 0 });
  t.after(() => holder.close());
  holder.exec('BEGIN EXCLUSIVE');
  const answer = (memberId: string) => () => store.recordAnswer({ guildId: 'g', memberId, quizId: 'm1', question, choiceIndex: question.answerIndex });

  const first = (() => {
    const started = performance.now();
    assert.throws(answer('a'), /locked|busy/iu);
    return performance.now() - started;
  })();
  assert.ok(first >= 250, `the first write waits for the lock (${first.toFixed(0)} ms)`);
  const ownTime = new OwnTimeClock();
  const started = ownTime.now();
  assert.throws(answer('b'), /locked|busy/iu);
  assert.ok(ownTime.now() - started < 100, 'later writes fail at once, so the bot is not stalled');

  holder.exec('ROLLBACK');
  clock += 1000;
  assert.equal(answer('c')().status, 'recorded');
});
