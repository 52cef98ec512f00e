/**
 * The study store's one async contract: the SQLite class (study-store.ts) wrapped, or PostgreSQL
 * (postgres-study-store.ts) for processes sharing one database.
 */
import { asAsync, type Async } from '../database/as-async.js';
import type { StudyStore } from './study-store.js';

/** The methods both implementations offer. */
export type StudyStoreContract = Pick<
  StudyStore,
  | 'recordAnswer'
  | 'memberScore'
  | 'leaderboard'
  | 'dueReviews'
  | 'upcomingReviews'
  | 'reviewSummary'
  | 'card'
  | 'gradeReview'
  | 'answerReview'
  | 'selfGradeReview'
  | 'forgetDocument'
  | 'close'
>;

/** What the bot uses: SQLite (wrapped by `asyncStudyStore`) or PostgreSQL (postgres-study-store.ts). */
export type AsyncStudyStore = Async<StudyStoreContract>;

export function asyncStudyStore(store: StudyStore): AsyncStudyStore {
  return asAsync<StudyStoreContract>(store, [
    'recordAnswer',
    'memberScore',
    'leaderboard',
    'dueReviews',
    'upcomingReviews',
    'reviewSummary',
    'card',
    'gradeReview',
    'answerReview',
    'selfGradeReview',
    'forgetDocument',
    'close',
  ]);
}
