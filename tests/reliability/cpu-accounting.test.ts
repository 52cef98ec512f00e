/**
 * The load test's CPU accounting (cpu-accounting.ts) charges a process's work to it, main thread apart, and the
 * own-time clock's wait reader (kept open between reads) stops answering for a process that has ended.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { cpuBetween, loadAverage, snapshot } from './cpu-accounting.js';
import { runQueueWaitMs } from '../helpers/own-time-clock.js';

// Spins until its main thread has used `ms` of CPU (by its own account), says so, then waits to be killed.
const spinner = `
const target = Number(process.argv[1]);
process.send('ready');
process.once('message', () => {
  const start = process.cpuUsage();
  while (true) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= target) break;
  }
  process.send('done');
});
`;

test('GIVEN a process that spends 300 ms of CPU on its main thread THEN about 300 ms are charged to its main thread, little to its other threads', async (t) => {
  if (snapshot([]) === undefined) {
    t.skip('no /proc here: the load test reports throughput alone');
    return;
  }
  const child = spawn(process.execPath, ['-e', spinner, '300'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'message');
  assert.notEqual(runQueueWaitMs(child.pid ?? 0), undefined, 'a running process reports its waits');
  const before = snapshot([child.pid ?? 0]);
  child.send('go');
  await once(child, 'message');
  const use = cpuBetween(before, snapshot([child.pid ?? 0]));
  assert.ok(use !== undefined);
  // process.cpuUsage counts every thread; schedstat the main one: a little of the 300 ms may be elsewhere.
  assert.ok(use.botMainMs >= 200 && use.botMainMs <= 450, `main thread ${use.botMainMs.toFixed(0)} ms`);
  assert.ok(use.botOtherMs < 100, `other threads ${use.botOtherMs.toFixed(0)} ms`);
  assert.ok(use.harnessMs < use.botMainMs, `this process ${use.harnessMs.toFixed(0)} ms, waiting`);
  assert.equal(loadAverage().length, 3);

  child.kill('SIGKILL');
  await once(child, 'exit');
  assert.equal(runQueueWaitMs(child.pid ?? 0), undefined, 'an ended process no longer answers, though its file was kept open');
});
