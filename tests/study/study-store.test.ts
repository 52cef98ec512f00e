import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { makeQuiz, type QuizQuestion } from '../../src/study/make-quiz.js';
import { StudyStore } from '../../src/study/study-store.js';
import { loadArticle } from './study-fixtures.js';
import { scriptCommand } from '../helpers/footnote-command.js';

const DAY = 86_400_000;
let folder: string;
let questions: readonly QuizQuestion[];

before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'footnote-study-store-'));
  const outcome = makeQuiz(await loadArticle(), { count: 5, seed: 'store' });
  assert.ok(outcome.ok);
  questions = outcome.quiz.questions;
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

function question(index: number): QuizQuestion {
  const found = questions[index];
  assert.ok(found);
  return found;
}
const wrongChoice = (item: QuizQuestion): number => (item.answerIndex + 1) % item.choices.length;

/** A clock the test moves by hand. */
function manualClock(start: string): { now: () => Date; advance: (milliseconds: number) => void } {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advance: (milliseconds) => (time += milliseconds) };
}

describe('StudyStore scores', () => {
  test('GIVEN answers THEN scores count per member per server and the leaderboard ranks them, also after reopening the file', () => {
    const file = path.join(folder, 'scores.sqlite');
    const store = new StudyStore(file);
    const first = question(0);
    const second = question(1);
    assert.equal(store.recordAnswer({ guildId: 'g1', memberId: 'ana', quizId: 'q1', question: first, choiceIndex: first.answerIndex }).status, 'recorded');
    assert.equal(store.recordAnswer({ guildId: 'g1', memberId: 'ana', quizId: 'q1', question: second, choiceIndex: second.answerIndex }).status, 'recorded');
    assert.equal(store.recordAnswer({ guildId: 'g1', memberId: 'ben', quizId: 'q1', question: first, choiceIndex: first.answerIndex }).status, 'recorded');
    assert.equal(store.recordAnswer({ guildId: 'g1', memberId: 'cy', quizId: 'q1', question: first, choiceIndex: wrongChoice(first) }).status, 'recorded');
    // Another server keeps its own scores.
    store.recordAnswer({ guildId: 'g2', memberId: 'ben', quizId: 'q9', question: first, choiceIndex: first.answerIndex });
    store.close();

    const reopened = new StudyStore(file);
    assert.deepEqual(reopened.leaderboard('g1'), [
      { rank: 1, memberId: 'ana', correct: 2, answered: 2 },
      { rank: 2, memberId: 'ben', correct: 1, answered: 1 },
      { rank: 3, memberId: 'cy', correct: 0, answered: 1 },
    ]);
    assert.deepEqual(reopened.memberScore('g2', 'ben'), { memberId: 'ben', correct: 1, answered: 1 });
    reopened.close();
  });

  test('GIVEN a second click by the same member THEN the first answer stands and counts once', () => {
    const store = new StudyStore(path.join(folder, 'twice.sqlite'));
    const item = question(0);
    const first = store.recordAnswer({ guildId: 'g', memberId: 'm', quizId: 'quiz', question: item, choiceIndex: wrongChoice(item) });
    const second = store.recordAnswer({ guildId: 'g', memberId: 'm', quizId: 'quiz', question: item, choiceIndex: item.answerIndex });
    assert.equal(first.status, 'recorded');
    assert.ok(second.status === 'already-answered');
    assert.equal(second.correct, false);
    assert.equal(second.choiceIndex, wrongChoice(item));
    assert.deepEqual(second.score, { memberId: 'm', correct: 0, answered: 1 });
    // The same question in a new quiz is a new chance.
    assert.equal(store.recordAnswer({ guildId: 'g', memberId: 'm', quizId: 'quiz-2', question: item, choiceIndex: item.answerIndex }).status, 'recorded');
    assert.deepEqual(store.memberScore('g', 'm'), { memberId: 'm', correct: 1, answered: 2 });
    store.close();
  });

  test('GIVEN a choice that is not offered THEN it is refused and nothing is recorded', () => {
    const store = new StudyStore(path.join(folder, 'invalid.sqlite'));
    const outcome = store.recordAnswer({ guildId: 'g', memberId: 'm', quizId: 'quiz', question: question(0), choiceIndex: 7 });
    assert.equal(outcome.status, 'invalid-choice');
    assert.deepEqual(store.memberScore('g', 'm'), { memberId: 'm', correct: 0, answered: 0 });
    store.close();
  });

  test('GIVEN three members clicking at once from six processes, each twice THEN every member is counted exactly once', async () => {
    const file = path.join(folder, 'concurrent.sqlite');
    new StudyStore(file).close();
    const item = question(2);
    const worker = fileURLToPath(new URL('./fixtures/answer-worker.ts', import.meta.url));
    const startAt = Date.now() + 2500;
    const members = ['ana', 'ben', 'cy'];
    const runs = members.flatMap((memberId) =>
      [0, 1].map(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const payload = JSON.stringify({ question: item, answers: [{ guildId: 'g', memberId, quizId: 'live', choiceIndex: item.answerIndex }] });
            const child = spawn(process.execPath, [...scriptCommand(worker), file, String(startAt), payload], { stdio: ['ignore', 'pipe', 'pipe'] });
            let output = '';
            let errors = '';
            child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
            child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
            child.on('error', reject);
            child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as string[]) : reject(new Error(`worker exited with ${code}: ${errors}`))));
          }),
      ),
    );
    const statuses = (await Promise.all(runs)).flat();
    assert.equal(statuses.filter((status) => status === 'recorded').length, 3);
    assert.equal(statuses.filter((status) => status === 'already-answered').length, 3);
    const store = new StudyStore(file);
    assert.deepEqual(
      store.leaderboard('g').map((entry) => [entry.memberId, entry.correct, entry.answered]),
      members.map((memberId) => [memberId, 1, 1]),
    );
    store.close();
  });
});

describe('StudyStore review (SM-2)', () => {
  test('GIVEN a missed question THEN it is due the next day, not at once, and the schedule survives reopening the file', () => {
    const file = path.join(folder, 'review.sqlite');
    const clock = manualClock('2025-08-01T09:00:00Z');
    const item = question(3);
    let store = new StudyStore(file, { now: clock.now });
    store.recordAnswer({ guildId: 'g', memberId: 'ana', quizId: 'quiz', question: item, choiceIndex: wrongChoice(item) });
    store.recordAnswer({ guildId: 'g', memberId: 'ana', quizId: 'quiz', question: question(4), choiceIndex: question(4).answerIndex });
    assert.equal(store.dueReviews('ana').length, 0, 'right after the quiz, nothing is due');
    assert.deepEqual(
      store.upcomingReviews('ana').map((upcoming) => [upcoming.question.id, upcoming.dueAt.toISOString()]),
      [[item.id, '2025-08-02T09:00:00.000Z']],
      'it is kept for tomorrow',
    );
    clock.advance(DAY);
    const [card] = store.dueReviews('ana');
    assert.ok(card);
    assert.equal(store.dueReviews('ana').length, 1, 'only the missed question is reviewed');
    assert.deepEqual(card.question, item);
    assert.equal(store.dueReviews('ben').length, 0, 'review cards are per member');

    // Recalled: due again in 1 day, then 6 days (SM-2's first two intervals).
    const graded = store.answerReview({ memberId: 'ana', questionId: card.questionId, version: card.version, choiceIndex: item.answerIndex });
    assert.ok(graded.status === 'graded');
    assert.equal(graded.correct, true);
    assert.equal(graded.card.intervalDays, 1);
    assert.equal(store.dueReviews('ana').length, 0);
    assert.equal(store.reviewSummary('ana').nextDueAt?.toISOString(), '2025-08-03T09:00:00.000Z');
    store.close();

    clock.advance(DAY);
    store = new StudyStore(file, { now: clock.now });
    const [again] = store.dueReviews('ana');
    assert.ok(again, 'the card is due a day later, after a restart');
    const second = store.answerReview({ memberId: 'ana', questionId: again.questionId, version: again.version, choiceIndex: item.answerIndex });
    assert.ok(second.status === 'graded');
    assert.equal(second.card.intervalDays, 6);
    assert.equal(second.card.repetitions, 2);
    store.close();

    clock.advance(6 * DAY);
    store = new StudyStore(file, { now: clock.now });
    const [third] = store.dueReviews('ana');
    assert.ok(third);
    // Forgotten: back to one day, easiness lowered, one more lapse.
    const missed = store.answerReview({ memberId: 'ana', questionId: third.questionId, version: third.version, choiceIndex: wrongChoice(item) });
    assert.ok(missed.status === 'graded');
    assert.equal(missed.correct, false);
    assert.equal(missed.card.intervalDays, 1);
    assert.equal(missed.card.repetitions, 0);
    assert.equal(missed.card.lapses, 2);
    assert.ok(missed.card.easiness < third.easiness);
    store.close();
  });

  test('GIVEN a double click on a review THEN it is graded once', () => {
    const clock = manualClock('2025-08-01T09:00:00Z');
    const store = new StudyStore(path.join(folder, 'double.sqlite'), { now: clock.now });
    const item = question(0);
    store.recordAnswer({ guildId: 'g', memberId: 'ana', quizId: 'quiz', question: item, choiceIndex: wrongChoice(item) });
    clock.advance(DAY);
    const [card] = store.dueReviews('ana');
    assert.ok(card);
    const first = store.gradeReview({ memberId: 'ana', questionId: card.questionId, version: card.version, grade: 5 });
    const second = store.gradeReview({ memberId: 'ana', questionId: card.questionId, version: card.version, grade: 5 });
    assert.equal(first.status, 'graded');
    assert.equal(second.status, 'stale');
    assert.equal(store.card('ana', card.questionId)?.repetitions, 1);
    assert.equal(store.gradeReview({ memberId: 'ana', questionId: card.questionId, version: card.version + 1, grade: 7 }).status, 'invalid-grade');
    assert.equal(store.gradeReview({ memberId: 'ana', questionId: 'no-such-question', version: 1, grade: 3 }).status, 'not-found');
    store.close();
  });

  test('GIVEN a reviewed card missed again in a later quiz THEN it starts over, due the next day', () => {
    const clock = manualClock('2025-08-01T09:00:00Z');
    const store = new StudyStore(path.join(folder, 'lapse.sqlite'), { now: clock.now });
    const item = question(1);
    store.recordAnswer({ guildId: 'g', memberId: 'ana', quizId: 'first', question: item, choiceIndex: wrongChoice(item) });
    clock.advance(DAY);
    const [card] = store.dueReviews('ana');
    assert.ok(card);
    store.gradeReview({ memberId: 'ana', questionId: card.questionId, version: card.version, grade: 4 });
    store.gradeReview({ memberId: 'ana', questionId: card.questionId, version: card.version + 1, grade: 4 });
    assert.equal(store.dueReviews('ana').length, 0);
    store.recordAnswer({ guildId: 'g', memberId: 'ana', quizId: 'second', question: item, choiceIndex: wrongChoice(item) });
    assert.equal(store.dueReviews('ana').length, 0);
    clock.advance(DAY);
    const [lapsed] = store.dueReviews('ana');
    assert.ok(lapsed);
    assert.equal(lapsed.lapses, 2);
    assert.equal(lapsed.repetitions, 0);
    store.close();
  });

  test('GIVEN a right review marked hard or easy THEN only the easiness moves, by SM-2, from the card’s easiness before that review; once', () => {
    const clock = manualClock('2025-08-01T09:00:00Z');
    const store = new StudyStore(path.join(folder, 'self-grade.sqlite'), { now: clock.now });
    const easiness: Record<string, number> = {};
    for (const [index, grade] of [
      [0, 3],
      [1, 4],
      [2, 5],
    ] as const) {
      const item = question(index);
      store.recordAnswer({ guildId: 'g', memberId: 'ana', quizId: 'quiz', question: item, choiceIndex: wrongChoice(item) });
      clock.advance(DAY);
      const card = store.dueReviews('ana').find((due) => due.question.id === item.id);
      assert.ok(card);
      const right = store.answerReview({ memberId: 'ana', questionId: card.questionId, version: card.version, choiceIndex: item.answerIndex });
      assert.ok(right.status === 'graded');
      assert.equal(right.previousEasiness, 2.5);
      const self = store.selfGradeReview({
        memberId: 'ana',
        questionId: card.questionId,
        version: right.card.version,
        grade,
        previousEasiness: right.previousEasiness,
      });
      assert.ok(self.status === 'graded');
      assert.equal(self.card.dueAt.getTime(), right.card.dueAt.getTime(), 'the next review stays when it was');
      assert.equal(self.card.intervalDays, right.card.intervalDays);
      easiness[grade] = Math.round(self.card.easiness * 1000) / 1000;
      const twice = store.selfGradeReview({ memberId: 'ana', questionId: card.questionId, version: right.card.version, grade, previousEasiness: 2.5 });
      assert.equal(twice.status, 'stale', 'a second click changes nothing');
    }
    // SM-2: EF' = EF + 0.1 − (5 − q)(0.08 + (5 − q)·0.02) from 2.5.
    assert.deepEqual(easiness, { 3: 2.36, 4: 2.5, 5: 2.6 });
    assert.equal(store.selfGradeReview({ memberId: 'ana', questionId: 'x', version: 1, grade: 2, previousEasiness: 2.5 }).status, 'invalid-grade');
    store.close();
  });
});
