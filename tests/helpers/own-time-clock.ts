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
import { readFileSync } from 'node:fs';

export interface Clock {
  /** Milliseconds; only differences are meaningful. */
  now(): number;
}

/** Milliseconds the main thread of `pid` has waited for a CPU, or undefined where the kernel does not say. */
export function runQueueWaitMs(pid: number): number | undefined {
  try {
    const waitedNanoseconds = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/)[1]);
    return Number.isFinite(waitedNanoseconds) ? waitedNanoseconds / 1e6 : undefined;
  } catch {
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
