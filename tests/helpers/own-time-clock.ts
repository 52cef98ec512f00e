/**
 * The clock the fake Discord holds the bot to: the time the bot would have had on a machine of its own.
 *
 * Discord gives an interaction 3 seconds. On a laptop or a CI runner shared with other work, a test process
 * can wait for a CPU longer than that while the bot does nothing wrong, and a wall-clock deadline then fails
 * at random. This clock runs like wall time but stops while the watched processes' main threads (the event
 * loops) wait for a CPU — Linux reports that wait in /proc/PID/schedstat. What is left is the bot's own
 * delay: the work it did before acknowledging, a blocked event loop, a sleep or a retry. It never runs ahead
 * of the wall clock; while the machine is crowded it can fall behind the bot's true delay (a wake-up that had
 * to wait is subtracted whole), so it is lenient then, never stricter. Where the kernel does not report the
 * wait (macOS, Windows) it is wall time.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface Clock {
  /** Milliseconds; only differences are meaningful. */
  now(): number;
}

const openSchedstats = new Map<number, number>();
const closeQuietly = (descriptor: number) => {
  try {
    closeSync(descriptor);
  } catch {
    // Already closed: nothing to release.
  }
};
const schedstatBuffer = Buffer.alloc(128);

/**
 * Milliseconds the main thread of `pid` has waited for a CPU, or undefined where the kernel does not say.
 * The file stays open and is read again from its start (one pread, not open-read-close): the fake Discord
 * reads it on every request, and the load test counts what the fake costs.
 */
export function runQueueWaitMs(pid: number): number | undefined {
  try {
    let descriptor = openSchedstats.get(pid);
    if (descriptor === undefined) {
      descriptor = openSync(`/proc/${pid}/schedstat`, 'r');
      openSchedstats.set(pid, descriptor);
      // A long test run watches many short-lived processes: keep the last few open.
      for (const [oldPid, oldDescriptor] of openSchedstats) {
        if (openSchedstats.size <= 16) break;
        openSchedstats.delete(oldPid);
        closeQuietly(oldDescriptor);
      }
    }
    const length = readSync(descriptor, schedstatBuffer, 0, schedstatBuffer.length, 0);
    const waitedNanoseconds = Number(schedstatBuffer.toString('latin1', 0, length).split(' ')[1]);
    return Number.isFinite(waitedNanoseconds) ? waitedNanoseconds / 1e6 : undefined;
  } catch {
    // The process ended (its file reads fail from then on) or there is no /proc.
    const descriptor = openSchedstats.get(pid);
    openSchedstats.delete(pid);
    if (descriptor !== undefined) closeQuietly(descriptor);
    return undefined;
  }
}

export interface OwnTimeSources {
  readonly wallMs: () => number;
  readonly waitMs: (pid: number) => number | undefined;
}

export class OwnTimeClock implements Clock {
  private readonly lastWait = new Map<number, number>();
  private readonly sources: OwnTimeSources;
  private lastWall: number;
  private own: number;

  constructor(pids: readonly number[] = [process.pid], sources: OwnTimeSources = { wallMs: () => performance.now(), waitMs: runQueueWaitMs }) {
    this.sources = sources;
    this.lastWall = sources.wallMs();
    this.own = this.lastWall;
    for (const pid of pids) this.watch(pid);
  }

  /** Also stop the clock while `pid` (a bot in a process of its own) waits for a CPU. */
  watch(pid: number): void {
    const waited = this.sources.waitMs(pid);
    if (waited !== undefined) this.lastWait.set(pid, waited);
  }

  now(): number {
    const wall = this.sources.wallMs();
    // Processes waiting at the same time are one wait, not two: take the longest, so the clock never runs backwards.
    let waited = 0;
    for (const [pid, before] of this.lastWait) {
      const current = this.sources.waitMs(pid) ?? before;
      waited = Math.max(waited, current - before);
      this.lastWait.set(pid, current);
    }
    this.own += Math.max(0, wall - this.lastWall - waited);
    this.lastWall = wall;
    return this.own;
  }
}

/** A clock that moves only when told: for tests of the deadline itself. */
export class ManualClock implements Clock {
  private current = 0;

  now(): number {
    return this.current;
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
