/**
 * scripts/test-batch.ts: several test files in one process must run as they would alone. Five small files run in
 * a batch under node's test runner, as `npm test` runs them; each writes what it sees to a log.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { projectRoot, temporaryFolder } from '../helpers/test-config.js';

const folder = temporaryFolder('test-batch');
after(() => folder.remove());

const files: Record<string, string> = {
  'first.test.mjs': `
    import { appendFileSync } from 'node:fs';
    import { before, beforeEach, test } from 'node:test';
    const log = (line) => appendFileSync(process.env.BATCH_LOG, line + '\\n');
    before(() => { process.env.BATCH_PROBE = 'set by the first file'; });
    beforeEach(() => log('first beforeEach'));
    test('first test', async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      log('first test done');
    });`,
  'second.test.mjs': `
    import { appendFileSync } from 'node:fs';
    import { test } from 'node:test';
    const log = (line) => appendFileSync(process.env.BATCH_LOG, line + '\\n');
    log('second loaded, BATCH_PROBE=' + process.env.BATCH_PROBE);
    test('second test', () => log('second test'));`,
  // Its root-level after stops a resource its later suite still needs. Its top-level await (as a file's wait for a
  // server) lasts until the first suite has finished if the suite runs meanwhile (at most a second), so the root's
  // queue empties between the two suites, where node's runner calls root-level after hooks.
  'stops-at-end.test.mjs': `
    import { appendFileSync } from 'node:fs';
    import { after, describe, test } from 'node:test';
    const log = (line) => appendFileSync(process.env.BATCH_LOG, line + '\\n');
    let resource = 'open';
    after(() => { resource = 'stopped'; log('resource stopped'); });
    let firstFinished = false;
    describe('first suite', () => {
      after(() => { firstFinished = true; });
      test('uses the resource', () => log('first suite: ' + resource));
    });
    for (let waited = 0; !firstFinished && waited < 1000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    describe('later suite', () => {
      test('uses the resource too', () => {
        log('later suite: ' + resource);
        if (resource !== 'open') throw new Error('the resource was stopped before the later suite');
      });
    });`,
  'broken.test.mjs': `throw new Error('this file does not load');`,
  'last.test.mjs': `
    import { appendFileSync } from 'node:fs';
    import { test } from 'node:test';
    const log = (line) => appendFileSync(process.env.BATCH_LOG, line + '\\n');
    globalThis[Symbol.for('footnote.test-batch.at-end')](() => log('shared resource stopped at the end of the batch'));
    test('last test', () => log('last test'));`,
};

test('GIVEN five files in one batch THEN each runs after the one before, with its own hooks and environment, the root-level after of a file runs after its last suite, what the files share is stopped after the last one, and a file that does not load fails the run without stopping it', () => {
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(folder.path, name), source);
  const entry = path.join(folder.path, 'batch.test.mjs');
  const runner = pathToFileURL(path.join(projectRoot, 'scripts/test-batch.ts')).href;
  const members = Object.keys(files).map((name) => path.join(folder.path, name));
  writeFileSync(entry, `import { runBatch } from '${runner}';\nawait runBatch(${JSON.stringify(members)});\n`);
  const logFile = path.join(folder.path, 'log.txt');
  writeFileSync(logFile, '');
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['FOOTNOTE_TEST_DURATIONS_LOG', 'NODE_TEST_CONTEXT', 'BATCH_PROBE'].includes(key)),
  );

  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', entry], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...environment, BATCH_LOG: logFile },
  });

  assert.deepEqual(
    readFileSync(logFile, 'utf8').split('\n').filter(Boolean),
    [
      'first beforeEach',
      'first test done',
      'second loaded, BATCH_PROBE=undefined',
      'second test',
      'first suite: open',
      'later suite: open',
      'resource stopped',
      'last test',
      'shared resource stopped at the end of the batch',
    ],
    `the batch's output:\n${run.stdout}${run.stderr}`,
  );
  assert.match(run.stdout, /^ *ok \d+ - first test$/mu);
  assert.match(run.stdout, /^ *ok \d+ - second test$/mu);
  assert.match(run.stdout, /^ *ok \d+ - uses the resource too$/mu);
  assert.match(run.stdout, /^not ok \d+ - .*broken\.test\.mjs$/mu);
  assert.match(run.stdout, /this file does not load/u);
  assert.match(run.stdout, /^ *ok \d+ - last test$/mu);
  assert.notEqual(run.status, 0, 'a file that does not load fails the run');
});
