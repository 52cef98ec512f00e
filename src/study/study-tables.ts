/** The study tables (scores and review cards) and the shapes read from them; the store that writes them is study-store.ts. */
import type { QuizQuestion } from './make-quiz.js';
import { dueAfter, gradeForAnswer, isReviewGrade, nextReview, type ReviewGrade } from './spaced-repetition.js';

export interface RecordAnswerInput {
  /** The server; pass a fixed id such as "direct" for direct messages. */
  readonly guildId: string;
  readonly memberId: string;
  /** One posted quiz (e.g. the Discord message id): the same question in a later quiz can be answered again. */
  readonly quizId: string;
  /** The question as it was shown: kept with a missed answer so the review can show it again after a restart. */
  readonly question: QuizQuestion;
  readonly choiceIndex: number;
}

export interface MemberScore {
  readonly memberId: string;
  readonly correct: number;
  readonly answered: number;
}

export type RecordAnswerOutcome =
  | { readonly status: 'recorded'; readonly correct: boolean; readonly score: MemberScore }
  /** This member already answered this question of this quiz; their first answer stands. */
  | { readonly status: 'already-answered'; readonly correct: boolean; readonly choiceIndex: number; readonly score: MemberScore }
  | { readonly status: 'invalid-choice'; readonly message: string };

export interface LeaderboardEntry extends MemberScore {
  /** 1-based; members with the same correct and answered counts share a rank. */
  readonly rank: number;
}

export interface ReviewCard {
  readonly questionId: string;
  readonly question: QuizQuestion;
  readonly dueAt: Date;
  readonly intervalDays: number;
  readonly repetitions: number;
  readonly easiness: number;
  /** Times the member missed it (in quizzes or reviews). */
  readonly lapses: number;
  /** Pass back when grading, so a second click on the same card is not graded twice. */
  readonly version: number;
}

export type GradeOutcome =
  /** `previousEasiness`: the card's easiness before this review, so a right answer can be re-graded hard or easy. */
  | { readonly status: 'graded'; readonly card: ReviewCard; readonly correct: boolean | undefined; readonly previousEasiness: number }
  | { readonly status: 'not-found'; readonly message: string }
  /** The card was graded (or missed again) since it was shown: nothing changed. */
  | { readonly status: 'stale'; readonly card: ReviewCard }
  | { readonly status: 'invalid-grade'; readonly message: string };

export const schema = `
CREATE TABLE IF NOT EXISTS study_answers (
  guild_id TEXT NOT NULL,
  quiz_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  choice_index INTEGER NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (guild_id, quiz_id, question_id, member_id)
);
CREATE INDEX IF NOT EXISTS study_answers_by_member ON study_answers (guild_id, member_id);
CREATE TABLE IF NOT EXISTS study_reviews (
  member_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  question TEXT NOT NULL,
  easiness REAL NOT NULL,
  repetitions INTEGER NOT NULL,
  interval_days REAL NOT NULL,
  due_at INTEGER NOT NULL,
  lapses INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  reviewed_at INTEGER,
  PRIMARY KEY (member_id, question_id)
);
CREATE INDEX IF NOT EXISTS study_reviews_due ON study_reviews (member_id, due_at);
`;

export interface ReviewRow {
  question_id: string;
  question: string;
  easiness: number;
  repetitions: number;
  interval_days: number;
  due_at: number;
  lapses: number;
  version: number;
}

export function cardOf(row: ReviewRow): ReviewCard {
  return {
    questionId: row.question_id,
    question: JSON.parse(row.question) as QuizQuestion,
    dueAt: new Date(row.due_at),
    intervalDays: row.interval_days,
    repetitions: row.repetitions,
    easiness: row.easiness,
    lapses: row.lapses,
    version: row.version,
  };
}

/**
 * What grading a card writes, in the order both stores' UPDATE takes it: easiness, repetitions, interval,
 * due time, a lapse (0 or 1) and the review time. The grade is the member's own, or what their answer counts as.
 */
export function gradedReview(current: ReviewCard, given: number | undefined, correct: boolean | undefined, at: Date): readonly number[] {
  const grade: ReviewGrade = given !== undefined && isReviewGrade(given) ? given : gradeForAnswer(correct === true);
  const next = nextReview(current, grade);
  return [next.easiness, next.repetitions, next.intervalDays, dueAfter(at, next.intervalDays).getTime(), grade < 3 ? 1 : 0, at.getTime()];
}
