/**
 * better-sqlite3 is synchronous: while a write waits for another process's lock, the whole bot waits.
 * Under a lock that lasts, every answer would stall everything else and interactions would miss Discord's
 * 3-second deadline. So only the first write in each back-off period waits; the others fail at once.
 */
import type Database from 'better-sqlite3';

export interface LockBackOffOptions {
  readonly database: Database.Database;
  /** How long a write may wait for the lock (when not backing off). */
  readonly busyTimeoutMs: number;
  /** After a write found the database locked, how long later writes fail at once. */
  readonly backOffMs: number;
  readonly now?: () => number;
  /** Called once each time a back-off starts. */
  readonly onLocked?: (backOffMs: number) => void;
}

/** Runs database work under the back-off rule; errors are rethrown unchanged. */
export function createLockBackOff(options: LockBackOffOptions): <T>(work: () => T) => T {
  const now = options.now ?? Date.now;
  let failFastUntil: number | undefined;
  return (work) => {
    if (failFastUntil !== undefined && now() >= failFastUntil) {
      failFastUntil = undefined;
      options.database.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    }
    try {
      return work();
    } catch (error) {
      if (isLockError(error) && failFastUntil === undefined) {
        failFastUntil = now() + options.backOffMs;
        options.database.pragma('busy_timeout = 0');
        options.onLocked?.(options.backOffMs);
      }
      throw error;
    }
  };
}

export function isLockError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
