/**
 * SM-2 (SuperMemo 2, Woźniak 1990): after each review a card's interval grows by its easiness factor when
 * recalled (grade 3–5) and starts again at one day when not (grade 0–2); the easiness factor moves with
 * how hard the recall was and never drops below 1.3.
 */

export interface ReviewState {
  /** 1.3 and up; 2.5 for a new card. */
  readonly easiness: number;
  /** Successful reviews in a row. */
  readonly repetitions: number;
  readonly intervalDays: number;
}

/** 0 = no recall at all … 5 = perfect recall. */
export type ReviewGrade = 0 | 1 | 2 | 3 | 4 | 5;

export const NEW_CARD: ReviewState = { easiness: 2.5, repetitions: 0, intervalDays: 0 };
export const MINIMUM_EASINESS = 1.3;
const DAY_MS = 86_400_000;

export function isReviewGrade(value: number): value is ReviewGrade {
  return Number.isInteger(value) && value >= 0 && value <= 5;
}

/** A right answer to a multiple-choice review is a recall with some hesitation (4); a wrong one a failed recall (1). */
export function gradeForAnswer(correct: boolean): ReviewGrade {
  return correct ? 4 : 1;
}

/** A missed quiz question is first asked again a day later: right after the quiz its answer is still in mind. */
export const FIRST_REVIEW_DAYS = 1;

/** How a member rates a recall they got right, as SM-2 grades: hard 3, good 4 (what a right click counts as), easy 5. */
export const SELF_GRADES = { hard: 3, good: 4, easy: 5 } as const;
export type SelfGrade = (typeof SELF_GRADES)[keyof typeof SELF_GRADES];

export function isSelfGrade(value: number): value is SelfGrade {
  return value === 3 || value === 4 || value === 5;
}

/** SM-2's new easiness factor after a review of the given grade. */
export function easinessAfter(easiness: number, grade: ReviewGrade): number {
  return Math.max(MINIMUM_EASINESS, easiness + 0.1 - (5 - grade) * (0.08 + (5 - grade) * 0.02));
}

export function nextReview(state: ReviewState, grade: ReviewGrade): ReviewState {
  const easiness = easinessAfter(state.easiness, grade);
  if (grade < 3) return { easiness, repetitions: 0, intervalDays: 1 };
  const intervalDays = state.repetitions === 0 ? 1 : state.repetitions === 1 ? 6 : Math.round(state.intervalDays * state.easiness);
  return { easiness, repetitions: state.repetitions + 1, intervalDays };
}

export function dueAfter(from: Date, intervalDays: number): Date {
  return new Date(from.getTime() + intervalDays * DAY_MS);
}
