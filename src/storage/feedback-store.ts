/**
 * The SQLite file behind the 👍/👎 buttons. Each answer the bot gives is saved once, so a vote (possibly days
 * later, after restarts) is recorded with the question, answer and quotes it was about. WAL journal, full sync:
 * a vote that was acknowledged to the user is on disk.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLockBackOff } from './lock-back-off.js';
import type { Quote } from '../corpus/citation.js';
import { asAsync, type Async } from '../database/as-async.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';

export type Vote = 'up' | 'down';

export interface AnswerRecord {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly quotes: readonly Quote[];
  readonly mode: string;
  readonly userId: string;
  readonly guildId: string | undefined;
  readonly channelId: string | undefined;
  readonly createdAt: Date;
}

export interface FeedbackRow {
  readonly answerId: string;
  readonly vote: Vote;
  readonly question: string;
  readonly answer: string;
  readonly quotes: readonly Quote[];
  readonly userId: string;
  readonly guildId: string | undefined;
  readonly createdAt: string;
}

/** Expected failures are values: the caller tells the user what could not be saved and keeps answering. */
export type StoreResult<T = undefined> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'unknown-answer' | 'unavailable'; readonly message: string };

export interface FeedbackStore {
  saveAnswer(record: AnswerRecord): StoreResult;
  /** One vote per user and answer: voting again replaces the earlier vote. */
  recordVote(vote: { answerId: string; vote: Vote; userId: string; guildId: string | undefined; at: Date }): StoreResult<FeedbackRow>;
  listFeedback(): StoreResult<FeedbackRow[]>;
  close(): void;
}

/** What the bot uses: SQLite (wrapped by `asyncFeedbackStore`) or PostgreSQL (postgres-feedback-store.ts). */
export type AsyncFeedbackStore = Async<FeedbackStore>;

export function asyncFeedbackStore(store: FeedbackStore): AsyncFeedbackStore {
  return asAsync(store, ['saveAnswer', 'recordVote', 'listFeedback', 'close']);
}

export interface OpenFeedbackStoreOptions {
  readonly file: string;
  readonly logger?: Logger;
  /** How long a write waits for another writer's lock. better-sqlite3 is synchronous: keep it short. */
  readonly busyTimeoutMs?: number;
  /**
   * After a write found the database locked, how long later writes fail at once instead of waiting. The wait
   * blocks the whole process, so under a lock that lasts, every answer would stall everything else for
   * `busyTimeoutMs` and interactions would miss Discord's 3-second deadline.
   */
  readonly lockedBackOffMs?: number;
  readonly now?: () => number;
}

const schema = `
CREATE TABLE IF NOT EXISTS answers (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  quotes TEXT NOT NULL,
  mode TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  channel_id TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
  answer_id TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  quotes TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
`;

interface AnswerColumns {
  question: string;
  answer: string;
  quotes: string;
}

/** A row of the feedback table as both stores read it (PostgreSQL's timestamp converted to ISO 8601 first). */
export interface FeedbackColumns extends AnswerColumns {
  answer_id: string;
  vote: Vote;
  user_id: string;
  guild_id: string | null;
  created_at: string;
}

export function feedbackRowOf(row: FeedbackColumns): FeedbackRow {
  return {
    answerId: row.answer_id,
    vote: row.vote,
    question: row.question,
    answer: row.answer,
    quotes: JSON.parse(row.quotes) as Quote[],
    userId: row.user_id,
    guildId: row.guild_id ?? undefined,
    createdAt: row.created_at,
  };
}

/** Opens (creating if needed) the database. Throws when the file cannot be opened at all: see `unavailableFeedbackStore`. */
export function openFeedbackStore(options: OpenFeedbackStoreOptions): FeedbackStore {
  const logger = options.logger ?? silentLogger;
  mkdirSync(path.dirname(options.file), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? 500;
  const lockedBackOffMs = options.lockedBackOffMs ?? 10_000;
  const now = options.now ?? Date.now;
  const database = new Database(options.file, { timeout: busyTimeoutMs });
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec(schema);
  } catch (error) {
    database.close();
    throw error;
  }

  const insertAnswer = database.prepare(
    `INSERT OR REPLACE INTO answers (id, question, answer, quotes, mode, user_id, guild_id, channel_id, created_at)
     VALUES (@id, @question, @answer, @quotes, @mode, @userId, @guildId, @channelId, @createdAt)`,
  );
  const selectAnswer = database.prepare<[string], AnswerColumns>('SELECT question, answer, quotes FROM answers WHERE id = ?');
  const upsertVote = database.prepare(
    `INSERT INTO feedback (answer_id, vote, question, answer, quotes, user_id, guild_id, created_at)
     VALUES (@answerId, @vote, @question, @answer, @quotes, @userId, @guildId, @createdAt)
     ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`,
  );
  const selectFeedback = database.prepare<[], FeedbackColumns>('SELECT * FROM feedback ORDER BY created_at, rowid');

  const unavailable = (action: string, error: unknown) => {
    logger.error('feedback store failed', { action, error });
    return { ok: false, reason: 'unavailable', message: `the feedback database could not ${action}` } as const;
  };

  const underBackOff = createLockBackOff({
    database,
    busyTimeoutMs,
    backOffMs: lockedBackOffMs,
    now,
    onLocked: (backOffMs) => logger.warn('feedback database is locked by another process; not waiting for it for a while', { backOffMs }),
  });
  const guarded = <T>(action: string, work: () => StoreResult<T>): StoreResult<T> => {
    try {
      return underBackOff(work);
    } catch (error) {
      return unavailable(action, error);
    }
  };

  return {
    saveAnswer(record) {
      return guarded('save the answer', () => {
        insertAnswer.run({
          id: record.id,
          question: record.question,
          answer: record.answer,
          quotes: JSON.stringify(record.quotes),
          mode: record.mode,
          userId: record.userId,
          guildId: record.guildId ?? null,
          channelId: record.channelId ?? null,
          createdAt: record.createdAt.toISOString(),
        });
        return { ok: true, value: undefined };
      });
    },
    recordVote({ answerId, vote, userId, guildId, at }) {
      return guarded('record the vote', () => {
        const answer = selectAnswer.get(answerId);
        if (answer === undefined) {
          return { ok: false, reason: 'unknown-answer', message: 'this answer is no longer on record' };
        }
        const row = { answerId, vote, ...answer, userId, guildId: guildId ?? null, createdAt: at.toISOString() };
        upsertVote.run(row);
        return { ok: true, value: { ...row, quotes: JSON.parse(answer.quotes) as Quote[], guildId } };
      });
    },
    listFeedback() {
      return guarded('read the feedback', () => {
        return { ok: true, value: selectFeedback.all().map(feedbackRowOf) };
      });
    },
    close() {
      if (database.open) database.close();
    },
  };
}

/** Stands in when the database cannot be opened: the bot keeps answering and says votes are not saved. */
export function unavailableFeedbackStore(reason: string): FeedbackStore {
  const failure = { ok: false, reason: 'unavailable', message: `the feedback database is unavailable (${reason})` } as const;
  return {
    saveAnswer: () => failure,
    recordVote: () => failure,
    listFeedback: () => failure,
    close: () => undefined,
  };
}
