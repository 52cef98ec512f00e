/**
 * How long each test file took last time, so `npm test` can start the longest files first: with files run a
 * few at a time, a long file started last keeps the run going while the other slots sit idle.
 * The record is a cache (node_modules/.cache), never committed. A fresh clone has none: it orders and batches the
 * files by tests/expected-durations.json instead (each file's time in a full `npm test`, copied from the record
 * when it was written; only the proportions matter), so process-faults and the other long files do not start
 * last and keep the run going on their own. A file in neither goes first (it may be long), and weighs as the
 * average file when batches are cut.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const durationsFile = path.resolve('node_modules', '.cache', 'footnote', 'test-durations.json');

export type Durations = Record<string, number>;

/** The committed order for a fresh clone: paths relative to the project, CPU milliseconds. */
export const expectedDurationsFile = path.resolve('tests', 'expected-durations.json');

/** The last run's durations, over the committed expected ones for files it has not timed. */
export function readDurations(file = durationsFile, expected = expectedDurationsFile): Durations {
  const fallback = Object.fromEntries(Object.entries(readRecord(expected)).map(([name, ms]) => [path.resolve(name), ms]));
  return { ...fallback, ...readRecord(file) };
}

function readRecord(file: string): Durations {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  } catch {
    return {};
  }
}

/** Longest first; a file with no record goes first of all (it may be long), then name order. */
export function longestFirst(files: readonly string[], durations: Durations): string[] {
  const weight = (file: string) => durations[path.resolve(file)] ?? Infinity;
  return [...files].sort((left, right) => weight(right) - weight(left) || left.localeCompare(right));
}

/** Consecutive runs of `files` (in path order) of about equal total duration; a long file may end up alone. */
export function cutIntoBatches(files: readonly string[], durations: Durations, count: number): string[][] {
  const known = files.map((file) => durations[path.resolve(file)]).filter((ms): ms is number => ms !== undefined && Number.isFinite(ms));
  const average = known.length === 0 ? 1 : known.reduce((sum, ms) => sum + ms, 0) / known.length;
  const weight = (file: string) => durations[path.resolve(file)] ?? average;
  const target = files.reduce((sum, file) => sum + weight(file), 0) / count;
  const batches: string[][] = [];
  let current: string[] = [];
  let total = 0;
  for (const file of [...files].sort()) {
    if (current.length > 0 && total + weight(file) / 2 > target) {
      batches.push(current);
      current = [];
      total = 0;
    }
    current.push(file);
    total += weight(file);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Folds a run's log (one `{file, ms}` line per test process) into the record; other files keep their figures. */
export function recordDurations(log: string, file = durationsFile): void {
  let lines: string[];
  try {
    lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } catch {
    return;
  }
  const measured: Durations = {};
  for (const line of lines) {
    const { file: testFile, ms } = JSON.parse(line) as { file: string; ms: number };
    measured[testFile] = Math.max(measured[testFile] ?? 0, ms);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ ...readRecord(file), ...measured }, null, 1)}\n`);
  renameSync(temporary, file);
  rmSync(log, { force: true });
}
