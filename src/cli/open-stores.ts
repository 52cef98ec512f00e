/**
 * The bot's state, in one place for the front ends: the SQLite file by default, or the shared PostgreSQL
 * database when DATABASE_URL is set (several processes, one state). A store that cannot be opened is
 * replaced by one that says so, and the bot keeps answering.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { openPostgres, type PostgresDatabase } from '../database/postgres.js';
import { asyncLibraryStore, SqliteLibraryStore, type AsyncLibraryStore } from '../library/library-store.js';
import { postgresLibraryStore } from '../library/postgres-library-store.js';
import type { Logger } from '../logger.js';
import { asyncFeedbackStore, openFeedbackStore, unavailableFeedbackStore, type AsyncFeedbackStore } from '../storage/feedback-store.js';
import { postgresFeedbackStore } from '../storage/postgres-feedback-store.js';
import { asyncStudyStore, type AsyncStudyStore } from '../study/async-study-store.js';
import { postgresStudyStore } from '../study/postgres-study-store.js';
import { StudyStore } from '../study/study-store.js';

export interface Stores {
  readonly feedback: AsyncFeedbackStore;
  /** Undefined when the database could not be opened: quizzes still run, unscored. */
  readonly study: AsyncStudyStore | undefined;
  /** Undefined when the database could not be opened: every server reads the shared corpus. */
  readonly libraries: AsyncLibraryStore | undefined;
  /** The shared database when DATABASE_URL is set (for LISTEN/NOTIFY). */
  readonly postgres: PostgresDatabase | undefined;
  /** This process, in the library change notifications it sends (so it skips its own). */
  readonly origin: string;
  close(): Promise<void>;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function openStores(config: Config, logger: Logger): Promise<Stores> {
  if (config.databaseUrl !== undefined) return openPostgresStores(config.databaseUrl, logger);
  return openSqliteStores(config, logger);
}

async function openPostgresStores(url: string, logger: Logger): Promise<Stores> {
  // A schema newer than this code, or a database that cannot be reached at start, stops the process here with the
  // reason: running on without the shared state would split it between processes.
  const database = await openPostgres({ url, logger });
  const origin = randomUUID();
  return {
    feedback: postgresFeedbackStore(database, { logger }),
    study: postgresStudyStore(database),
    libraries: postgresLibraryStore(database, { origin }),
    postgres: database,
    origin,
    close: () => database.close(),
  };
}

function openSqliteStores(config: Config, logger: Logger): Stores {
  const file = config.databaseFile;
  let feedback: AsyncFeedbackStore;
  try {
    feedback = asyncFeedbackStore(openFeedbackStore({ file, logger }));
  } catch (error) {
    // Answers matter more than votes: keep answering and say in each answer that votes are off.
    logger.error('feedback database unavailable; answering without it', { file, error });
    feedback = asyncFeedbackStore(unavailableFeedbackStore(reasonOf(error)));
  }
  let study: AsyncStudyStore | undefined;
  try {
    // better-sqlite3 blocks while it waits for a lock: keep the wait well inside Discord's 3-second deadline.
    study = asyncStudyStore(new StudyStore(file, { busyTimeoutMs: 1000 }));
  } catch (error) {
    logger.error('study database unavailable; quizzes run without scores', { file, error });
  }
  let libraries: AsyncLibraryStore | undefined;
  try {
    libraries = asyncLibraryStore(new SqliteLibraryStore(file));
  } catch (error) {
    logger.error('library database unavailable; every server answers from the shared corpus', { file, error });
  }
  return {
    feedback,
    study,
    libraries,
    postgres: undefined,
    origin: randomUUID(),
    async close() {
      await Promise.all([feedback.close(), study?.close(), libraries?.close()]);
    },
  };
}
