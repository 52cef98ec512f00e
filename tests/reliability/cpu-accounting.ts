/**
 * Where the CPU goes during a load run, read from Linux's /proc (issue #16): each bot process (its main thread,
 * the event loop that answers, apart from its other threads: V8's garbage collector and compilers, libuv's
 * pool), this process (the fake Discord and the load generator), the PostgreSQL server (the postmaster and
 * its backends), and the rest of the machine (other people's work on a shared machine). Also how long each
 * bot's main thread waited for a CPU (/proc/PID/schedstat) and the load average, to say how crowded it was.
 *
 * `snapshot()` before and after the measured part, `cpuBetween()` for the difference. Off Linux (no /proc)
 * every figure is undefined and the load test reports throughput alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface ThreadTimes {
  /** utime + stime, in milliseconds. */
  readonly cpuMs: number;
  readonly name: string;
}

interface ProcessTimes {
  readonly pid: number;
  readonly parent: number;
  readonly name: string;
  /** utime + stime of every thread, in milliseconds. */
  readonly cpuMs: number;
  /** cutime + cstime: children that ended and were waited for, in milliseconds. */
  readonly endedChildrenMs: number;
}

export interface CpuSnapshot {
  readonly wallMs: number;
  readonly harnessMs: number;
  readonly bots: readonly { readonly pid: number; readonly totalMs: number; readonly mainMs: number; readonly mainWaitMs: number }[];
  readonly postgresMs: number;
  /** Busy time of every CPU of the machine (all but idle and I/O wait), in milliseconds. */
  readonly machineBusyMs: number;
  readonly cores: number;
}

/** CPU-milliseconds spent between two snapshots, by component. */
export interface CpuUse {
  readonly wallSeconds: number;
  readonly botMainMs: number;
  /** Bot threads other than the main one: V8's GC and compiler threads, libuv's pool. */
  readonly botOtherMs: number;
  readonly harnessMs: number;
  readonly postgresMs: number;
  /** Busy time of the machine not spent by any of the above: other work on a shared machine. */
  readonly otherMs: number;
  /** Time the bots' main threads were ready to run but waited for a CPU. */
  readonly botMainWaitMs: number;
  /** How many CPUs the machine had, busy on average: machine busy time / wall time. */
  readonly machineBusyCores: number;
  readonly cores: number;
}

const available = existsSync('/proc/self/stat');
let ticksPerSecond: number | undefined;

function msPerTick(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return 1000 / ticksPerSecond;
}

/** The fields of a /proc stat line after the command name (which may hold spaces and parentheses). */
function statFields(text: string): { name: string; fields: string[] } {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  return {
    name: text.slice(open + 1, close),
    fields: text
      .slice(close + 2)
      .trim()
      .split(/\s+/),
  };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function processTimes(pid: number): ProcessTimes | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  const { name, fields } = statFields(text);
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  const tick = msPerTick();
  return {
    pid,
    parent: Number(fields[1]),
    name,
    cpuMs: (Number(fields[11]) + Number(fields[12])) * tick,
    endedChildrenMs: (Number(fields[13]) + Number(fields[14])) * tick,
  };
}

function threadTimes(pid: number, tid: number): ThreadTimes | undefined {
  const text = read(`/proc/${pid}/task/${tid}/stat`);
  if (text === undefined) return undefined;
  const { name, fields } = statFields(text);
  return { name, cpuMs: (Number(fields[11]) + Number(fields[12])) * msPerTick() };
}

/** Nanoseconds run and waited for a CPU by the thread, from schedstat (finer than the tick counts). */
function scheduleTimes(path: string): { runMs: number; waitMs: number } | undefined {
  const fields = read(path)?.trim().split(/\s+/);
  if (fields === undefined) return undefined;
  return { runMs: Number(fields[0]) / 1e6, waitMs: Number(fields[1]) / 1e6 };
}

function allProcesses(): ProcessTimes[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => processTimes(Number(entry)) ?? []);
}

/** Every process below `root` (not `root` itself). */
function descendants(processes: readonly ProcessTimes[], root: number): ProcessTimes[] {
  const found: ProcessTimes[] = [];
  let parents = new Set([root]);
  while (parents.size > 0) {
    const children = processes.filter((candidate) => parents.has(candidate.parent));
    found.push(...children);
    parents = new Set(children.map((child) => child.pid));
  }
  return found;
}

function machineBusyMs(): { busyMs: number; cores: number } {
  const lines = (read('/proc/stat') ?? '').split('\n');
  const total = lines[0]?.split(/\s+/).slice(1).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal
  const busy = total.reduce((sum, value, index) => (index === 3 || index === 4 || index > 7 ? sum : sum + value), 0);
  return { busyMs: busy * msPerTick(), cores: lines.filter((line) => /^cpu\d+ /.test(line)).length };
}

/** The 1-, 5- and 15-minute load averages. */
export function loadAverage(): readonly number[] {
  return (read('/proc/loadavg') ?? '').split(/\s+/).slice(0, 3).map(Number);
}

/** `bots`: the bot processes' ids. PostgreSQL is found as this process's descendants named "postgres". */
export function snapshot(bots: readonly number[]): CpuSnapshot | undefined {
  if (!available) return undefined;
  const wallMs = performance.now();
  const processes = allProcesses();
  const own = process.cpuUsage();
  const postmasters = processes.filter((candidate) => candidate.parent === process.pid && candidate.name === 'postgres');
  const postgresMs = postmasters.reduce(
    (sum, postmaster) =>
      sum + postmaster.cpuMs + postmaster.endedChildrenMs + descendants(processes, postmaster.pid).reduce((total, child) => total + child.cpuMs, 0),
    0,
  );
  const machine = machineBusyMs();
  return {
    wallMs,
    harnessMs: (own.user + own.system) / 1000,
    bots: bots.map((pid) => {
      const main = scheduleTimes(`/proc/${pid}/task/${pid}/schedstat`);
      const threads = (() => {
        try {
          return readdirSync(`/proc/${pid}/task`).flatMap((tid) => threadTimes(pid, Number(tid)) ?? []);
        } catch {
          return [];
        }
      })();
      const ticked = threads.reduce((sum, thread) => sum + thread.cpuMs, 0);
      return { pid, totalMs: ticked, mainMs: main?.runMs ?? 0, mainWaitMs: main?.waitMs ?? 0 };
    }),
    postgresMs,
    machineBusyMs: machine.busyMs,
    cores: machine.cores,
  };
}

export function cpuBetween(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined): CpuUse | undefined {
  if (before === undefined || after === undefined) return undefined;
  const botBefore = new Map(before.bots.map((bot) => [bot.pid, bot]));
  let botMainMs = 0;
  let botTotalMs = 0;
  let botMainWaitMs = 0;
  for (const bot of after.bots) {
    const earlier = botBefore.get(bot.pid);
    if (earlier === undefined) continue;
    botMainMs += bot.mainMs - earlier.mainMs;
    botTotalMs += bot.totalMs - earlier.totalMs;
    botMainWaitMs += bot.mainWaitMs - earlier.mainWaitMs;
  }
  const wallMs = after.wallMs - before.wallMs;
  const harnessMs = after.harnessMs - before.harnessMs;
  const postgresMs = after.postgresMs - before.postgresMs;
  const machineMs = after.machineBusyMs - before.machineBusyMs;
  // The main thread is read from schedstat (nanoseconds), the process from ticks: never let the rest go negative.
  const botOtherMs = Math.max(0, botTotalMs - botMainMs);
  return {
    wallSeconds: wallMs / 1000,
    botMainMs,
    botOtherMs,
    harnessMs,
    postgresMs,
    otherMs: Math.max(0, machineMs - botMainMs - botOtherMs - harnessMs - postgresMs),
    botMainWaitMs,
    machineBusyCores: machineMs / wallMs,
    cores: after.cores,
  };
}
