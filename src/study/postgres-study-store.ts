/**
 * Quiz scores and review cards in the shared PostgreSQL database, with the SQLite store's guarantees
 * (study-store.ts): an answer counts once per member, question and quiz whichever process receives the
 * click (the primary key decides), and a review grade names the card version it was shown.
 */
import type { PoolClient } from 'pg';
import type { PostgresDatabase } from '../database/postgres.js';
import type { AsyncStudyStore } from './async-study-store.js';
import type { QuizQuestion } from './make-quiz.js';
import { dueAfter, easinessAfter, FIRST_REVIEW_DAYS, isReviewGrade, isSelfGrade, MINIMUM_EASINESS, NEW_CARD } from './spaced-repetition.js';
import { gradedReview } from './study-tables.js';
import { cardOf, type GradeOutcome, type MemberScore, type ReviewCard, type ReviewRow } from './study-store.js';

export function postgresStudyStore(database: PostgresDatabase, options: { now?: () => Date } = {}): AsyncStudyStore {
  const now = options.now ?? (() => new Date());
  const { pool } = database;

  const memberScore = async (guildId: string, memberId: string, client: Pick<PoolClient, 'query'> = pool): Promise<MemberScore> => {
    const result = await client.query<{ correct: number | null; answered: number }>(
      'SELECT SUM(correct) AS correct, COUNT(*) AS answered FROM study_answers WHERE guild_id = $1 AND member_id = $2',
      [guildId, memberId],
    );
    const row = result.rows[0];
    return { memberId, correct: row?.correct ?? 0, answered: row?.answered ?? 0 };
  };

  const card = async (memberId: string, questionId: string, client: Pick<PoolClient, 'query'> = pool, lock = false): Promise<ReviewCard | undefined> => {
    const result = await client.query<ReviewRow>(`SELECT * FROM study_reviews WHERE member_id = $1 AND question_id = $2${lock ? ' FOR UPDATE' : ''}`, [
      memberId,
      questionId,
    ]);
    const row = result.rows[0];
    return row === undefined ? undefined : cardOf(row);
  };

  const grade = async (
    input: { memberId: string; questionId: string; version: number; grade: number | undefined },
    isCorrect: (question: QuizQuestion) => boolean | undefined,
  ): Promise<GradeOutcome> => {
    if (input.grade !== undefined && !isReviewGrade(input.grade))
      return { status: 'invalid-grade', message: `a grade is a whole number from 0 to 5, not ${input.grade}` };
    const at = now();
    return database.transaction(async (client): Promise<GradeOutcome> => {
      // FOR UPDATE: a second click, in this process or another, waits and then sees the new version.
      const current = await card(input.memberId, input.questionId, client, true);
      if (current === undefined) return { status: 'not-found', message: 'this question is not in your review list any more' };
      if (current.version !== input.version) return { status: 'stale', card: current };
      const correct = isCorrect(current.question);
      await client.query(
        `UPDATE study_reviews SET easiness = $1, repetitions = $2, interval_days = $3, due_at = $4, lapses = lapses + $5, version = version + 1,
           reviewed_at = $6 WHERE member_id = $7 AND question_id = $8`,
        [...gradedReview(current, input.grade, correct, at), input.memberId, input.questionId],
      );
      return { status: 'graded', card: (await card(input.memberId, input.questionId, client)) as ReviewCard, correct, previousEasiness: current.easiness };
    });
  };

  return {
    async recordAnswer(input) {
      const { question } = input;
      if (!Number.isInteger(input.choiceIndex) || input.choiceIndex < 0 || input.choiceIndex >= question.choices.length) {
        return { status: 'invalid-choice', message: `choice ${input.choiceIndex} is not one of the ${question.choices.length} choices` };
      }
      const correct = input.choiceIndex === question.answerIndex;
      const at = now().getTime();
      return database.transaction(async (client) => {
        const inserted = await client.query(
          `INSERT INTO study_answers (guild_id, quiz_id, question_id, member_id, choice_index, correct, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [input.guildId, input.quizId, question.id, input.memberId, input.choiceIndex, correct ? 1 : 0, at],
        );
        if (inserted.rowCount === 1) {
          if (!correct) {
            // A missed question is due a day later; a card missed again starts over (easiness lowered), keeping its lapses.
            await client.query(
              `INSERT INTO study_reviews (member_id, question_id, question, document_id, easiness, repetitions, interval_days, due_at, lapses, version, created_at)
               VALUES ($1, $2, $3, $4, $5, 0, 0, $8, 1, 1, $6)
               ON CONFLICT (member_id, question_id) DO UPDATE SET
                 question = excluded.question, document_id = excluded.document_id, repetitions = 0, interval_days = 0,
                 due_at = LEAST(study_reviews.due_at, excluded.due_at), easiness = GREATEST($7, study_reviews.easiness - 0.2),
                 lapses = study_reviews.lapses + 1, version = study_reviews.version + 1`,
              [
                input.memberId,
                question.id,
                JSON.stringify(question),
                question.quote.documentId,
                NEW_CARD.easiness,
                at,
                MINIMUM_EASINESS,
                dueAfter(new Date(at), FIRST_REVIEW_DAYS).getTime(),
              ],
            );
          }
          return { status: 'recorded', correct, score: await memberScore(input.guildId, input.memberId, client) } as const;
        }
        const first = await client.query<{ choice_index: number; correct: number }>(
          'SELECT choice_index, correct FROM study_answers WHERE guild_id = $1 AND quiz_id = $2 AND question_id = $3 AND member_id = $4',
          [input.guildId, input.quizId, question.id, input.memberId],
        );
        return {
          status: 'already-answered',
          correct: first.rows[0]?.correct === 1,
          choiceIndex: first.rows[0]?.choice_index ?? -1,
          score: await memberScore(input.guildId, input.memberId, client),
        } as const;
      });
    },
    memberScore: (guildId, memberId) => memberScore(guildId, memberId),
    async leaderboard(guildId, options = {}) {
      const result = await pool.query<{ member_id: string; correct: number; answered: number }>(
        `SELECT member_id, SUM(correct) AS correct, COUNT(*) AS answered FROM study_answers WHERE guild_id = $1
         GROUP BY member_id ORDER BY correct DESC, answered ASC, member_id ASC LIMIT $2`,
        [guildId, options.limit ?? 10],
      );
      const rows = result.rows;
      let rank = 0;
      return rows.map((row, index) => {
        const previous = rows[index - 1];
        if (previous === undefined || previous.correct !== row.correct || previous.answered !== row.answered) rank = index + 1;
        return { rank, memberId: row.member_id, correct: row.correct, answered: row.answered };
      });
    },
    async dueReviews(memberId, options = {}) {
      const result = await pool.query<ReviewRow>(
        'SELECT * FROM study_reviews WHERE member_id = $1 AND due_at <= $2 ORDER BY due_at ASC, created_at ASC LIMIT $3',
        [memberId, now().getTime(), options.limit ?? 10],
      );
      return result.rows.map(cardOf);
    },
    async upcomingReviews(memberId, options = {}) {
      const result = await pool.query<ReviewRow>(
        'SELECT * FROM study_reviews WHERE member_id = $1 AND due_at > $2 ORDER BY due_at ASC, created_at ASC LIMIT $3',
        [memberId, now().getTime(), options.limit ?? 5],
      );
      return result.rows.map(cardOf);
    },
    async reviewSummary(memberId) {
      const at = now().getTime();
      const result = await pool.query<{ total: number; due: number | null; next_due: number | null }>(
        `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE due_at <= $1) AS due, MIN(due_at) FILTER (WHERE due_at > $1) AS next_due
         FROM study_reviews WHERE member_id = $2`,
        [at, memberId],
      );
      const row = result.rows[0];
      return {
        total: row?.total ?? 0,
        due: row?.due ?? 0,
        nextDueAt: row?.next_due === null || row?.next_due === undefined ? undefined : new Date(row.next_due),
      };
    },
    card: (memberId, questionId) => card(memberId, questionId),
    gradeReview: (input) => grade(input, () => undefined),
    answerReview: (input) => grade({ ...input, grade: undefined }, (question) => input.choiceIndex === question.answerIndex),
    async selfGradeReview(input) {
      const { grade: chosen } = input;
      if (!isSelfGrade(chosen)) return { status: 'invalid-grade', message: `a self-grade is 3 (hard), 4 (good) or 5 (easy), not ${chosen}` };
      return database.transaction(async (client): Promise<GradeOutcome> => {
        const current = await card(input.memberId, input.questionId, client, true);
        if (current === undefined) return { status: 'not-found', message: 'this question is not in your review list any more' };
        if (current.version !== input.version || current.repetitions === 0) return { status: 'stale', card: current };
        await client.query('UPDATE study_reviews SET easiness = $1, version = version + 1 WHERE member_id = $2 AND question_id = $3', [
          easinessAfter(input.previousEasiness, chosen),
          input.memberId,
          input.questionId,
        ]);
        return {
          status: 'graded',
          card: (await card(input.memberId, input.questionId, client)) as ReviewCard,
          correct: true,
          previousEasiness: input.previousEasiness,
        };
      });
    },
    async forgetDocument(documentId) {
      return (await pool.query('DELETE FROM study_reviews WHERE document_id = $1', [documentId])).rowCount ?? 0;
    },
    // The pool belongs to whoever opened the database.
    async close() {},
  };
}
