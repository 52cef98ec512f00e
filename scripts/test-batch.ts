/**
 * Runs several test files in one process, as `npm test` does with the files that need no process of their own:
 * each file otherwise pays its own start (tsx, discord.js, the English model, the engine: 2–3 s of CPU for a file
 * that runs for one).
 *
 * Each file runs as if it were alone, inside a suite of its own named by its path: its module is imported in the
 * suite's body, so everything the file declares at its top level (tests, suites, `before`/`after`/`beforeEach`/
 * `afterEach` hooks) belongs to that suite. Hence its root-level hooks run for its own tests only, and its `after`
 * hooks once, after its last test: at the root of a process, node's runner calls `after` hooks whenever the
 * root's queue empties, which in a batch can be between the suites of a file with top-level awaits (seen: a
 * file's PostgreSQL server stopped before its later suites ran). The next file is imported only when the suite of
 * the one before has finished, so its module code never runs beside another file's tests. The environment a
 * file changed is put back; a file that fails to load fails its suite and the batch goes on.
 * What the files share is what a process shares: loaded modules and their caches (the real engine in
 * tests/discord/bot-harness.ts, the converted word vectors), and what a file hands to `atBatchEnd`, e.g. the test
 * PostgreSQL server (tests/helpers/test-postgres.ts), which is then stopped after the last file.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { pathToFileURL } from 'node:url';

const batchEndKey = Symbol.for('footnote.test-batch.at-end');
type AtBatchEnd = (cleanup: () => unknown) => void;

/**
 * In a batch, a way to run `cleanup` once after the batch's last file (a resource the files of the batch may
 * share); `undefined` in a process that runs one file.
 */
export function batchEnd(): AtBatchEnd | undefined {
  return (globalThis as Record<symbol, AtBatchEnd | undefined>)[batchEndKey];
}

/** Runs `files` (paths) in order in this process; each file's time is logged for the next run's order. */
export async function runBatch(files: readonly string[], durationsLog = process.env['FOOTNOTE_TEST_DURATIONS_LOG']): Promise<void> {
  const cleanups: (() => unknown)[] = [];
  (globalThis as Record<symbol, AtBatchEnd>)[batchEndKey] = (cleanup) => cleanups.push(cleanup);

  for (const file of files) {
    const absolute = path.resolve(file);
    const environment = { ...process.env };
    const started = performance.now();
    await describe(path.relative(process.cwd(), absolute), async () => {
      await import(pathToFileURL(absolute).href);
    });
    restoreEnvironment(environment);
    if (durationsLog !== undefined) {
      try {
        appendFileSync(durationsLog, `${JSON.stringify({ file: absolute, ms: Math.round(performance.now() - started) })}\n`);
      } catch {
        // A lost figure only costs the next run its order.
      }
    }
  }
  if (cleanups.length > 0) {
    await describe('the batch ends', async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });
  }
}

function restoreEnvironment(saved: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in saved)) Reflect.deleteProperty(process.env, key);
  for (const [key, value] of Object.entries(saved)) if (value !== undefined && process.env[key] !== value) process.env[key] = value;
}
