/**
 * `npm test`: runs every tests/**\/*.test.ts file with node's own test runner (Node 20 has no glob for .ts files),
 * except the load tier. `npm run test:load` (`-- --load`) runs tests/load/ instead: load, soak and size, one
 * file at a time with a generous time budget; they report their figures as diagnostics.
 * Extra arguments are passed through, e.g. `npm test -- --test-name-pattern=offsets`.
 * A file path argument (tests/...) narrows the run to those files. Files start longest first, by their durations
 * in the last run (scripts/test-durations.ts).
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { longestFirst, readDurations, recordDurations } from './test-durations.js';

const loadFolder = path.join('tests', 'load');

function findTests(folder: string, skip: readonly string[]): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) return name === 'fixtures' || skip.includes(full) ? [] : findTests(full, skip);
      return name.endsWith('.test.ts') ? [full] : [];
    });
}

const passThrough = process.argv.slice(2);
const load = passThrough.includes('--load');
const named = passThrough.filter((argument) => argument.endsWith('.test.ts'));
const flags = passThrough.filter((argument) => !argument.endsWith('.test.ts') && argument !== '--load');
const found = named.length > 0 ? named : load ? findTests(loadFolder, []) : findTests('tests', [loadFolder]);
const files = longestFirst(found, readDurations());
// The load tier runs alone: two load tests at once would measure each other. Other files run two per CPU: about
// half of a file's time is spent waiting (on child processes, PostgreSQL, the fake Discord), so one per CPU leaves
// the CPUs idle half the time. The timeouts only stop a hung file; on a crowded machine a file that starts
// processes can take minutes without anything being wrong.
// At most 8 at once: each file is a Node process of 200-400 MB, some with a PostgreSQL server of their own.
// `npm test -- --test-concurrency=N` overrides it (the last value given wins).
const concurrency = Math.min(8, Math.max(2, availableParallelism() * 2));
const tier = load ? ['--test-concurrency=1', '--test-timeout=1800000'] : [`--test-concurrency=${concurrency}`, '--test-timeout=900000'];

// Each test process logs its duration (scripts/record-test-duration.ts) for the next run's order.
const durationsLog = path.join(tmpdir(), `footnote-test-durations-${process.pid}.jsonl`);
const recorder = path.resolve('scripts', 'record-test-duration.ts');

const child = spawn(process.execPath, ['--import', 'tsx', '--import', recorder, '--test', ...tier, ...flags, ...files], {
  stdio: 'inherit',
  env: { ...process.env, FOOTNOTE_TEST: '1', FOOTNOTE_TEST_DURATIONS_LOG: durationsLog },
});
child.on('exit', (code, signal) => {
  recordDurations(durationsLog);
  process.exit(code ?? (signal ? 1 : 0));
});
