/**
 * scripts/test-batch.ts: several test files in one process must run as they would alone. Four small files run in
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
  'broken.test.mjs': `throw new Error('this file does not load');`,
  'last.test.mjs': `
    import { test } from 'node:test';
    test('last test', () => {});`,
};

test('GIVEN four files in one batch THEN each runs after the one before, with its own hooks and environment, and a file that does not load fails the run without stopping it', () => {
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

  assert.deepEqual(readFileSync(logFile, 'utf8').split('\n').filter(Boolean), [
    'first beforeEach',
    'first test done',
    'second loaded, BATCH_PROBE=undefined',
    'second test',
  ]);
  assert.match(run.stdout, /^ok \d+ - first test$/mu);
  assert.match(run.stdout, /^ok \d+ - second test$/mu);
  assert.match(run.stdout, /^not ok \d+ - .*broken\.test\.mjs loads$/mu);
  assert.match(run.stdout, /this file does not load/u);
  assert.match(run.stdout, /^ok \d+ - last test$/mu);
  assert.notEqual(run.status, 0, 'a file that does not load fails the run');
});
