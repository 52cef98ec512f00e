/**
 * `npm test`: runs every tests/**\/*.test.ts file with node's own test runner (Node 20 has no glob for .ts files),
 * except the load tier. `npm run test:load` (`-- --load`) runs tests/load/ instead: load, soak and size, one
 * file at a time with a generous time budget; they report their figures as diagnostics.
 * Extra arguments are passed through, e.g. `npm test -- --test-name-pattern=offsets`.
 * A file path argument (tests/...) narrows the run to those files, each in a process of its own; so does
 * `--isolate` for the whole suite.
 *
 * Most files run in batches, several files one after the other in one process (scripts/test-batch.ts): a
 * process start costs 2–3 s of CPU under tsx (discord.js, the English model, the engine), more than many files
 * take to run. The files of ownProcess keep a process each. Batches are cut from the files in path order (the
 * files of a folder load the same modules) to about equal durations; the batches and the other files start
 * longest first, by their durations in the last run (scripts/test-durations.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildForTests } from './test-build.js';
import { cutIntoBatches, longestFirst, readDurations, recordDurations } from './test-durations.js';

const loadFolder = path.join('tests', 'load');

/**
 * Files (or folders) that keep a process of their own: they start the bot or the command line as processes and
 * kill them, measure this process's CPU time or run it as a child of itself.
 */
const ownProcess = ['tests/reliability/', 'tests/fakes/deadline.test.ts'];

/** About this many batches share the batched files: enough to keep every slot busy to the end of the run. */
const batchCount = 12;

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
const isolate = passThrough.includes('--isolate');
const named = passThrough.filter((argument) => argument.endsWith('.test.ts'));
const flags = passThrough.filter((argument) => !argument.endsWith('.test.ts') && argument !== '--load' && argument !== '--isolate');
const found = named.length > 0 ? named : load ? findTests(loadFolder, []) : findTests('tests', [loadFolder]);
const durations = readDurations();

const batchFolder = mkdtempSync(path.join(tmpdir(), 'footnote-test-batches-'));
const alone = isolate || load || named.length > 0 ? found : found.filter((file) => ownProcess.some((own) => file.startsWith(own)));
const batched = found.filter((file) => !alone.includes(file));
// A batch is a file of the temporary folder that imports its test files one by one; it weighs what they weigh.
const units = new Map<string, number>(alone.map((file) => [file, durations[path.resolve(file)] ?? Infinity]));
cutIntoBatches(batched, durations, batchCount).forEach((files, index) => {
  const name = `${String(index + 1).padStart(2, '0')}-${path.basename(files[0] ?? 'empty', '.test.ts')}.test.mjs`;
  const entry = path.join(batchFolder, name);
  const runner = pathToFileURL(path.resolve('scripts', 'test-batch.ts')).href;
  writeFileSync(entry, `import { runBatch } from '${runner}';\nawait runBatch(${JSON.stringify(files.map((file) => path.resolve(file)))});\n`);
  units.set(
    entry,
    files.reduce((sum, file) => sum + (durations[path.resolve(file)] ?? Infinity), 0),
  );
});
const ordered = longestFirst([...units.keys()], Object.fromEntries([...units].map(([file, ms]) => [path.resolve(file), ms])));

// The load tier runs alone: two load tests at once would measure each other. Other files run two per CPU: about
// half of a file's time is spent waiting (on child processes, PostgreSQL, the fake Discord), so one per CPU leaves
// the CPUs idle half the time. The timeouts only stop a hung file; on a crowded machine a file that starts
// processes can take minutes without anything being wrong.
// At most 8 at once: each file is a Node process of 200-400 MB, some with a PostgreSQL server of their own.
// `npm test -- --test-concurrency=N` overrides it (the last value given wins).
const concurrency = Math.min(8, Math.max(2, availableParallelism() * 2));
const tier = load ? ['--test-concurrency=1', '--test-timeout=1800000'] : [`--test-concurrency=${concurrency}`, '--test-timeout=900000'];

// Each test process logs its files' durations (scripts/record-test-duration.ts, scripts/test-batch.ts) for the
// next run's order.
const durationsLog = path.join(tmpdir(), `footnote-test-durations-${process.pid}.jsonl`);
const recorder = path.resolve('scripts', 'record-test-duration.ts');

// What the tests start as processes or worker threads (footnote, the ingest worker, fixture scripts) runs
// transpiled once (scripts/test-build.ts); see scriptCommand in tests/helpers/footnote-command.ts.
const transpiled = await buildForTests(process.cwd(), path.join(batchFolder, 'footnote'));

const child = spawn(process.execPath, ['--import', 'tsx', '--import', recorder, '--test', ...tier, ...flags, ...ordered], {
  stdio: 'inherit',
  env: { ...process.env, FOOTNOTE_TEST: '1', FOOTNOTE_TEST_DURATIONS_LOG: durationsLog, FOOTNOTE_TEST_BUILD: transpiled },
});
child.on('exit', (code, signal) => {
  recordDurations(durationsLog);
  rmSync(batchFolder, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
