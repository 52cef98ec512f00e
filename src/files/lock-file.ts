/**
 * A lock file for work that two processes must not do at once (two writers of one index: `ingest --force`
 * beside a bot's /reindex). The file is created exclusively and holds the owner's pid; a lock whose owner is
 * no longer running (a killed ingest) is taken over, so a crash never leaves the folder locked for good.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  readonly waitMs?: number;
  /** Time between tries while waiting. */
  readonly pollMs?: number;
  /** What the lock protects, for the message when it cannot be had ("the index in data/index"). */
  readonly what: string;
}

export class LockBusyError extends Error {
  constructor(
    readonly file: string,
    readonly holder: number,
    what: string,
  ) {
    super(`another footnote process (pid ${holder}) is writing ${what}; wait for it to finish, or delete ${file} if no footnote process is running`);
    this.name = 'LockBusyError';
  }
}

/** Holders within this process, so two writers here wait for each other too (they share the pid). */
const heldHere = new Set<string>();

/** Runs `work` holding the lock file `file`; the lock is released however `work` ends. */
export async function withLockFile<T>(file: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  await acquire(file, options);
  try {
    return await work();
  } finally {
    heldHere.delete(file);
    await rm(file, { force: true });
  }
}

/** True when `file` is held by a running process (this one included). */
export async function isLockHeld(file: string): Promise<boolean> {
  if (heldHere.has(file)) return true;
  const holder = await holderOf(file);
  return holder !== undefined && isRunning(holder);
}

async function acquire(file: string, options: LockOptions): Promise<void> {
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  for (;;) {
    if (!heldHere.has(file)) {
      try {
        const handle = await open(file, 'wx');
        try {
          await handle.writeFile(`${process.pid}\n`);
        } finally {
          await handle.close();
        }
        heldHere.add(file);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await holderOf(file);
      // The holder died, or the file is empty (a crash mid-write), or it names this process, which does not
      // hold it (a restart that got the same pid, as in a container): take it over.
      if (holder === undefined || holder === process.pid || !isRunning(holder)) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() >= deadline) throw new LockBusyError(file, holder, options.what);
    } else if (Date.now() >= deadline) {
      throw new LockBusyError(file, process.pid, options.what);
    }
    await sleep(options.pollMs ?? 100);
  }
}

async function holderOf(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
