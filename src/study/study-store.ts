/**
 * Quiz scores per member per server, and each member's review cards for the questions they missed, in one
 * SQLite file (it can be the bot's main database: every table here starts with `study_`).
 *
 * Concurrency: an answer is one INSERT that a UNIQUE key (server, quiz, question, member) lets through once,
 * so two clicks from one member — even from two processes sharing the file — count once, while any number
 * of members answering together are all counted. A review grade names the card version it was shown, so a
 * double click grades once. WAL journal, full sync: an answer that was acknowledged is on disk.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLockBackOff } from '../storage/lock-back-off.js';
import type { QuizQuestion } from './make-quiz.js';
import {
  cardOf,
  gradedReview,
  schema,
  type GradeOutcome,
  type LeaderboardEntry,
  type MemberScore,
  type RecordAnswerInput,
  type RecordAnswerOutcome,
  type ReviewCard,
  type ReviewRow,
} from './study-tables.js';
import { dueAfter, easinessAfter, FIRST_REVIEW_DAYS, isReviewGrade, isSelfGrade, NEW_CARD, MINIMUM_EASINESS } from './spaced-repetition.js';

export interface StudyStoreOptions {
  /** The clock; tests pass a fixed or advancing one. */
  readonly now?: () => Date;
  /** How long a write waits for another process holding the file (default 5 s). */
  readonly busyTimeoutMs?: number;
}

export { cardOf } from './study-tables.js';
export type { GradeOutcome, LeaderboardEntry, MemberScore, RecordAnswerInput, RecordAnswerOutcome, ReviewCard, ReviewRow } from './study-tables.js';

export class StudyStore {
  private readonly database: Database.Database;
  private readonly now: () => Date;
  /** Writes wait for another process's lock only once per back-off period (see storage/lock-back-off.ts). */
  private readonly underBackOff: <T>(work: () => T) => T;

  constructor(file: string, options: StudyStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    mkdirSync(path.dirname(file), { recursive: true });
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.database = new Database(file, { timeout: busyTimeoutMs });
    try {
      this.database.pragma('journal_mode = WAL');
      this.database.pragma('synchronous = FULL');
      this.database.exec(schema);
    } catch (error) {
      this.database.close();
      throw error;
    }
    this.underBackOff = createLockBackOff({ database: this.database, busyTimeoutMs, backOffMs: 10_000, now: () => this.now().getTime() });
  }

  /** Records a member's answer to one question of one quiz; a missed question becomes (or lapses) a review card due now. */
  recordAnswer(input: RecordAnswerInput): RecordAnswerOutcome {
    const { question } = input;
    if (!Number.isInteger(input.choiceIndex) || input.choiceIndex < 0 || input.choiceIndex >= question.choices.length) {
      return { status: 'invalid-choice', message: `choice ${input.choiceIndex} is not one of the ${question.choices.length} choices` };
    }
    const correct = input.choiceIndex === question.answerIndex;
    const now = this.now().getTime();
    // IMMEDIATE takes the write lock first, so the insert and the card update are one step for every process.
    const record = this.database.transaction((): boolean => {
      const inserted = this.database
        .prepare(
          'INSERT INTO study_answers (guild_id, quiz_id, question_id, member_id, choice_index, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        )
        .run(input.guildId, input.quizId, question.id, input.memberId, input.choiceIndex, correct ? 1 : 0, now);
      if (inserted.changes === 0) return false;
      if (!correct) this.addOrLapseCard(input.memberId, question, now);
      return true;
    });
    if (this.underBackOff(() => record.immediate())) return { status: 'recorded', correct, score: this.memberScore(input.guildId, input.memberId) };
    const first = this.database
      .prepare<[string, string, string, string], { choice_index: number; correct: number }>(
        'SELECT choice_index, correct FROM study_answers WHERE guild_id = ? AND quiz_id = ? AND question_id = ? AND member_id = ?',
      )
      .get(input.guildId, input.quizId, question.id, input.memberId);
    return {
      status: 'already-answered',
      correct: first?.correct === 1,
      choiceIndex: first?.choice_index ?? -1,
      score: this.memberScore(input.guildId, input.memberId),
    };
  }

  memberScore(guildId: string, memberId: string): MemberScore {
    const row = this.database
      .prepare<[string, string], { correct: number | null; answered: number }>(
        'SELECT SUM(correct) AS correct, COUNT(*) AS answered FROM study_answers WHERE guild_id = ? AND member_id = ?',
      )
      .get(guildId, memberId);
    return { memberId, correct: row?.correct ?? 0, answered: row?.answered ?? 0 };
  }

  /** The server's members by correct answers, then fewer answers for the same score (accuracy), then id. */
  leaderboard(guildId: string, options: { limit?: number } = {}): LeaderboardEntry[] {
    const rows = this.database
      .prepare<[string, number], { member_id: string; correct: number; answered: number }>(
        'SELECT member_id, SUM(correct) AS correct, COUNT(*) AS answered FROM study_answers WHERE guild_id = ? GROUP BY member_id ORDER BY correct DESC, answered ASC, member_id ASC LIMIT ?',
      )
      .all(guildId, options.limit ?? 10);
    let rank = 0;
    return rows.map((row, index) => {
      const previous = rows[index - 1];
      if (previous === undefined || previous.correct !== row.correct || previous.answered !== row.answered) rank = index + 1;
      return { rank, memberId: row.member_id, correct: row.correct, answered: row.answered };
    });
  }

  /** The member's cards due now, most overdue first. */
  dueReviews(memberId: string, options: { limit?: number } = {}): ReviewCard[] {
    return this.reviewsByDueTime(memberId, 'due', options.limit ?? 10);
  }

  /** A member's cards due by now, or not yet due, in the order they come due. */
  private reviewsByDueTime(memberId: string, which: 'due' | 'upcoming', limit: number): ReviewCard[] {
    const dueAt = which === 'due' ? 'due_at <= ?' : 'due_at > ?';
    return this.database
      .prepare<[string, number, number], ReviewRow>(`SELECT * FROM study_reviews WHERE member_id = ? AND ${dueAt} ORDER BY due_at ASC, created_at ASC LIMIT ?`)
      .all(memberId, this.now().getTime(), limit)
      .map(cardOf);
  }

  /** How many cards the member has, how many are due now, and when the next one not yet due comes up. */
  reviewSummary(memberId: string): { readonly total: number; readonly due: number; readonly nextDueAt: Date | undefined } {
    const now = this.now().getTime();
    const row = this.database
      .prepare<[number, number, string], { total: number; due: number | null; next_due: number | null }>(
        'SELECT COUNT(*) AS total, SUM(due_at <= ?) AS due, MIN(CASE WHEN due_at > ? THEN due_at END) AS next_due FROM study_reviews WHERE member_id = ?',
      )
      .get(now, now, memberId);
    return {
      total: row?.total ?? 0,
      due: row?.due ?? 0,
      nextDueAt: row?.next_due === null || row?.next_due === undefined ? undefined : new Date(row.next_due),
    };
  }

  card(memberId: string, questionId: string): ReviewCard | undefined {
    const row = this.database
      .prepare<[string, string], ReviewRow>('SELECT * FROM study_reviews WHERE member_id = ? AND question_id = ?')
      .get(memberId, questionId);
    return row === undefined ? undefined : cardOf(row);
  }

  /** Grades a review with an SM-2 grade (0–5). `version` is the one the card had when it was shown. */
  gradeReview(input: { memberId: string; questionId: string; version: number; grade: number }): GradeOutcome {
    return this.grade(input, () => undefined);
  }

  /** Grades a review from the member's choice: right is grade 4, wrong is grade 1. */
  answerReview(input: { memberId: string; questionId: string; version: number; choiceIndex: number }): GradeOutcome {
    return this.grade({ ...input, grade: undefined }, (question) => input.choiceIndex === question.answerIndex);
  }

  /**
   * Re-grades a review just answered right as hard, good or easy (SM-2 grades 3–5). The three share the
   * interval, so only the easiness changes, from the one the card had before that review.
   */
  selfGradeReview(input: { memberId: string; questionId: string; version: number; grade: number; previousEasiness: number }): GradeOutcome {
    const { grade } = input;
    if (!isSelfGrade(grade)) return { status: 'invalid-grade', message: `a self-grade is 3 (hard), 4 (good) or 5 (easy), not ${grade}` };
    return this.underBackOff(() =>
      this.database
        .transaction((): GradeOutcome => {
          const current = this.card(input.memberId, input.questionId);
          if (current === undefined) return { status: 'not-found', message: 'this question is not in your review list any more' };
          if (current.version !== input.version || current.repetitions === 0) return { status: 'stale', card: current };
          this.database
            .prepare('UPDATE study_reviews SET easiness = ?, version = version + 1 WHERE member_id = ? AND question_id = ? AND version = ?')
            .run(easinessAfter(input.previousEasiness, grade), input.memberId, input.questionId, input.version);
          return { status: 'graded', card: this.card(input.memberId, input.questionId) as ReviewCard, correct: true, previousEasiness: input.previousEasiness };
        })
        .immediate(),
    );
  }

  /** The member's cards not yet due, soonest first: what /review shows when nothing is due. */
  upcomingReviews(memberId: string, options: { limit?: number } = {}): ReviewCard[] {
    return this.reviewsByDueTime(memberId, 'upcoming', options.limit ?? 5);
  }

  close(): void {
    if (this.database.open) this.database.close();
  }

  private grade(
    input: { memberId: string; questionId: string; version: number; grade: number | undefined },
    isCorrect: (question: QuizQuestion) => boolean | undefined,
  ): GradeOutcome {
    if (input.grade !== undefined && !isReviewGrade(input.grade))
      return { status: 'invalid-grade', message: `a grade is a whole number from 0 to 5, not ${input.grade}` };
    const now = this.now();
    return this.underBackOff(() =>
      this.database
        .transaction((): GradeOutcome => {
          const current = this.card(input.memberId, input.questionId);
          if (current === undefined) return { status: 'not-found', message: 'this question is not in your review list any more' };
          if (current.version !== input.version) return { status: 'stale', card: current };
          const correct = isCorrect(current.question);
          const changed = this.database
            .prepare(
              'UPDATE study_reviews SET easiness = ?, repetitions = ?, interval_days = ?, due_at = ?, lapses = lapses + ?, version = version + 1, reviewed_at = ? WHERE member_id = ? AND question_id = ? AND version = ?',
            )
            .run(...gradedReview(current, input.grade, correct, now), input.memberId, input.questionId, input.version);
          const card = this.card(input.memberId, input.questionId) as ReviewCard;
          return changed.changes === 1 ? { status: 'graded', card, correct, previousEasiness: current.easiness } : { status: 'stale', card };
        })
        .immediate(),
    );
  }

  /** A document removed from a library takes its review cards with it (the card's question quotes it). */
  forgetDocument(documentId: string): number {
    return this.database.prepare("DELETE FROM study_reviews WHERE json_extract(question, '$.quote.documentId') = ?").run(documentId).changes;
  }

  private addOrLapseCard(memberId: string, question: QuizQuestion, now: number): void {
    // A missed question is due a day later; a card missed again starts over (easiness lowered), keeping its lapses.
    this.database
      .prepare(
        `INSERT INTO study_reviews (member_id, question_id, question, easiness, repetitions, interval_days, due_at, lapses, version, created_at)
         VALUES (@memberId, @questionId, @question, @easiness, 0, 0, @due, 1, 1, @now)
         ON CONFLICT (member_id, question_id) DO UPDATE SET
           question = excluded.question, repetitions = 0, interval_days = 0, due_at = MIN(due_at, excluded.due_at),
           easiness = MAX(@minimum, easiness - 0.2), lapses = lapses + 1, version = version + 1`,
      )
      .run({
        memberId,
        questionId: question.id,
        question: JSON.stringify(question),
        easiness: NEW_CARD.easiness,
        now,
        due: dueAfter(new Date(now), FIRST_REVIEW_DAYS).getTime(),
        minimum: MINIMUM_EASINESS,
      });
  }
}
