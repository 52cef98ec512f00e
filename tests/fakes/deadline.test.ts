/**
 * The fake Discord's 3-second deadline, measured on a clock a test controls, and the clock it uses by default:
 * the bot's own time, which stops while the machine makes the process wait for a CPU.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FakeDiscord } from './fake-discord.js';
import { ManualClock, OwnTimeClock, runQueueWaitMs } from '../helpers/own-time-clock.js';

async function acknowledge(fake: FakeDiscord, interaction: { id: string; token: string }): Promise<{ status: number; code: unknown }> {
  const response = await fetch(`${fake.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 5 }),
  });
  const body = response.status === 204 ? {} : ((await response.json()) as { code?: unknown });
  return { status: response.status, code: body.code };
}

test('GIVEN the fake clock at exactly 3 s after the dispatch THEN the acknowledgement is accepted; 1 ms later Discord says Unknown interaction', async (t) => {
  const clock = new ManualClock();
  const fake = await FakeDiscord.start({ clock });
  t.after(() => fake.stop());

  const inTime = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why?' } });
  clock.advance(3_000);
  assert.deepEqual(await acknowledge(fake, inTime), { status: 204, code: undefined });
  assert.equal(fake.acknowledgementDelayMs(inTime), 3_000);

  const late = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why?' } });
  clock.advance(3_001);
  assert.deepEqual(await acknowledge(fake, late), { status: 404, code: 10062 });
  assert.equal(fake.acknowledgementDelayMs(late), undefined, 'a refused acknowledgement is not an acknowledgement');
});

test('GIVEN 600 ms pass of which the bot waited 500 ms for a CPU THEN its own time moves 100 ms; two processes waiting together are one wait', () => {
  let wall = 1_000;
  const waits = new Map([
    [1, 0],
    [2, 0],
  ]);
  const clock = new OwnTimeClock([1, 2], { wallMs: () => wall, waitMs: (pid) => waits.get(pid) });
  const start = clock.now();
  wall += 600;
  waits.set(1, 500);
  waits.set(2, 300);
  assert.equal(clock.now() - start, 100);
  wall += 1_000;
  assert.equal(clock.now() - start, 1_100, 'a sleep or plain work counts in full');
  wall += 100;
  waits.set(1, 900);
  assert.equal(clock.now() - start, 1_100, 'never backwards');
});

test('GIVEN the event loop kept busy for 300 ms of CPU on a machine shared with other work THEN its own time is those 300 ms, however long the wall clock took', (t) => {
  const onCpuMs = () => Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  if (runQueueWaitMs(process.pid) === undefined) {
    t.skip('the kernel does not report CPU waits here: the clock is wall time');
    return;
  }
  const clock = new OwnTimeClock();
  const ownStart = clock.now();
  const wallStart = performance.now();
  const cpuStart = onCpuMs();
  while (onCpuMs() - cpuStart < 300) Math.sqrt(Math.random());
  const own = clock.now() - ownStart;
  const wall = performance.now() - wallStart;
  const onCpu = onCpuMs() - cpuStart;
  // Work counts in full: a bot that computes before acknowledging is charged every millisecond of it.
  assert.ok(own >= onCpu - 10, `own ${own.toFixed(0)} ms, on a CPU ${onCpu.toFixed(0)} ms`);
  assert.ok(own <= wall + 1, `own ${own.toFixed(0)} ms, wall ${wall.toFixed(0)} ms`);
  // Waiting for a CPU does not (the kernel's accounting is not exact: at least most of the wait is taken off).
  if (wall > 2 * onCpu) assert.ok(own < onCpu + (wall - onCpu) / 2, `own ${own.toFixed(0)} ms, on a CPU ${onCpu.toFixed(0)} ms, wall ${wall.toFixed(0)} ms`);
});
