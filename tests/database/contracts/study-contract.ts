/** What every study store does, whichever database is behind it (run by tests/database/store-contracts.test.ts). */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { AsyncStudyStore } from '../../../src/study/async-study-store.js';
import { makeQuiz, type QuizQuestion } from '../../../src/study/make-quiz.js';
import { loadArticle } from '../../study/study-fixtures.js';

const DAY = 86_400_000;

export interface StudyClock {
  now: () => Date;
  advance: (milliseconds: number) => void;
}

export function studyContract(open: (clock: StudyClock) => Promise<AsyncStudyStore>): void {
  let questions: readonly QuizQuestion[] = [];
  before(async () => {
    const outcome = makeQuiz(await loadArticle(), { count: 3, seed: 'contract' });
    assert.ok(outcome.ok);
    questions = outcome.quiz.questions;
  });
  const question = (index: number): QuizQuestion => {
    const found = questions[index];
    assert.ok(found);
    return found;
  };
  const wrong = (item: QuizQuestion) => (item.answerIndex + 1) % item.choices.length;
  const clock = (): StudyClock => {
    let time = new Date('2026-03-01T09:00:00Z').getTime();
    return { now: () => new Date(time), advance: (milliseconds) => (time += milliseconds) };
  };

  test('GIVEN answers from several members THEN each counts once, and the leaderboard ranks by right answers then fewer answers', async () => {
    const store = await open(clock());
    const [first, second] = [question(0), question(1)];
    const answer = (memberId: string, item: QuizQuestion, choiceIndex: number, guildId = 'g1') =>
      store.recordAnswer({ guildId, memberId, quizId: 'quiz-1', question: item, choiceIndex });
    assert.equal((await answer('ana', first, first.answerIndex)).status, 'recorded');
    assert.equal((await answer('ana', second, second.answerIndex)).status, 'recorded');
    assert.equal((await answer('ben', first, first.answerIndex)).status, 'recorded');
    assert.equal((await answer('cy', first, wrong(first))).status, 'recorded');
    await answer('dee', first, wrong(first));
    await answer('ben', first, first.answerIndex, 'g2');
    // A second click, even with another choice, leaves the first answer standing.
    const again = await answer('cy', first, first.answerIndex);
    assert.equal(again.status, 'already-answered');
    assert.ok(again.status === 'already-answered');
    assert.equal(again.choiceIndex, wrong(first));
    assert.equal(again.correct, false);
    assert.deepEqual(again.score, { memberId: 'cy', correct: 0, answered: 1 });
    assert.deepEqual(await store.leaderboard('g1'), [
      { rank: 1, memberId: 'ana', correct: 2, answered: 2 },
      { rank: 2, memberId: 'ben', correct: 1, answered: 1 },
      { rank: 3, memberId: 'cy', correct: 0, answered: 1 },
      { rank: 3, memberId: 'dee', correct: 0, answered: 1 },
    ]);
    assert.deepEqual(await store.memberScore('g2', 'ben'), { memberId: 'ben', correct: 1, answered: 1 });
    const invalid = await answer('ed', first, 99);
    assert.equal(invalid.status, 'invalid-choice');
  });

  test('GIVEN ten clicks of one member at once THEN one answer is recorded and one review card made', async () => {
    const store = await open(clock());
    const item = question(2);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => store.recordAnswer({ guildId: 'g1', memberId: 'ana', quizId: 'quiz-2', question: item, choiceIndex: wrong(item) })),
    );
    assert.equal(outcomes.filter((outcome) => outcome.status === 'recorded').length, 1);
    assert.equal(outcomes.filter((outcome) => outcome.status === 'already-answered').length, 9);
    assert.deepEqual(await store.memberScore('g1', 'ana'), { memberId: 'ana', correct: 0, answered: 1 });
    const summary = await store.reviewSummary('ana');
    assert.equal(summary.total, 1);
    assert.equal((await store.card('ana', item.id))?.lapses, 1);
  });

  test('GIVEN a missed question THEN its card is due the next day, a right review sends it a day out, and the same version graded twice is stale', async () => {
    const time = clock();
    const store = await open(time);
    const item = question(0);
    await store.recordAnswer({ guildId: 'g1', memberId: 'ana', quizId: 'quiz-3', question: item, choiceIndex: wrong(item) });
    assert.deepEqual(await store.dueReviews('ana'), [], 'not straight after the quiz');
    assert.deepEqual(
      (await store.upcomingReviews('ana')).map((card) => [card.questionId, card.dueAt.getTime()]),
      [[item.id, time.now().getTime() + DAY]],
    );
    time.advance(DAY);
    const [due] = await store.dueReviews('ana');
    assert.ok(due);
    assert.equal(due.questionId, item.id);
    assert.deepEqual(due.question, item);
    assert.equal(due.dueAt.getTime(), time.now().getTime());
    const graded = await store.answerReview({ memberId: 'ana', questionId: item.id, version: due.version, choiceIndex: item.answerIndex });
    assert.equal(graded.status, 'graded');
    assert.ok(graded.status === 'graded');
    assert.equal(graded.correct, true);
    assert.equal(graded.previousEasiness, 2.5);
    assert.equal(graded.card.dueAt.getTime(), time.now().getTime() + DAY);
    assert.equal(graded.card.version, due.version + 1);
    const twice = await store.answerReview({ memberId: 'ana', questionId: item.id, version: due.version, choiceIndex: item.answerIndex });
    assert.equal(twice.status, 'stale');
    assert.deepEqual(await store.dueReviews('ana'), []);
    const summary = await store.reviewSummary('ana');
    assert.deepEqual(summary, { total: 1, due: 0, nextDueAt: new Date(time.now().getTime() + DAY) });
    // "Easy" re-grades that review as 5: only the easiness moves (SM-2, from 2.5), once.
    const easy = await store.selfGradeReview({ memberId: 'ana', questionId: item.id, version: graded.card.version, grade: 5, previousEasiness: 2.5 });
    assert.ok(easy.status === 'graded');
    assert.equal(Math.round(easy.card.easiness * 100) / 100, 2.6);
    assert.equal(easy.card.dueAt.getTime(), graded.card.dueAt.getTime());
    const easyAgain = await store.selfGradeReview({ memberId: 'ana', questionId: item.id, version: graded.card.version, grade: 5, previousEasiness: 2.5 });
    assert.equal(easyAgain.status, 'stale');
    time.advance(DAY);
    assert.equal((await store.dueReviews('ana')).length, 1);
    assert.equal((await store.gradeReview({ memberId: 'ana', questionId: item.id, version: easy.card.version, grade: 7 })).status, 'invalid-grade');
    assert.equal((await store.gradeReview({ memberId: 'ana', questionId: 'none', version: 1, grade: 4 })).status, 'not-found');
  });

  test('GIVEN cards from a document THEN forgetting the document removes them and only them', async () => {
    const store = await open(clock());
    const item = question(1);
    await store.recordAnswer({ guildId: 'g1', memberId: 'ana', quizId: 'quiz-4', question: item, choiceIndex: wrong(item) });
    await store.recordAnswer({ guildId: 'g1', memberId: 'ben', quizId: 'quiz-4', question: item, choiceIndex: wrong(item) });
    assert.equal(await store.forgetDocument('some-other-document.txt'), 0);
    assert.equal(await store.forgetDocument(item.quote.documentId), 2);
    assert.equal((await store.reviewSummary('ana')).total, 0);
  });
}
