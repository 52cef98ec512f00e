/**
 * Load and soak, in `npm run test:load` (not `npm test`): they take minutes and measure a busy machine as much
 * as the bot. What a member would notice is asserted — nothing lost, every answer to its own question, every
 * acknowledgement inside Discord's 3 s of the bot's own time, no memory growth; the timings are reported.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { loadDiscordOpenApi } from '../fakes/discord-openapi.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { assertNoPings, assertValidRequests, repositoryRoot } from '../discord/bot-harness.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { interactionDeadlineMs, percentile, sendBurst } from '../reliability/load-driver.js';
import type { SoakReport } from '../reliability/soak-process.js';
import { startBotProcess } from '../reliability/start-bot-process.js';

test('GIVEN 200 members send /ask in the same instant to the bot running as in production (its own process, REST settings and rate limits) THEN 200 answers, each to its own question, every deferral inside 3 s', async (t) => {
  const fake = await FakeDiscord.start({ validator: loadDiscordOpenApi() });
  const folder = temporaryFolder('burst');
  t.after(async () => {
    await fake.stop();
    folder.remove();
  });
  // The limits are the defaults except the member pause, set to its documented default (tests otherwise turn it off).
  const bot = await startBotProcess(fake, folder.path, { COOLDOWN_SECONDS: '3' });
  t.after(() => bot.stop());
  const { timings, seconds } = await sendBurst(fake, { count: 200, timeoutMs: 120_000 });
  const figures = (values: (number | undefined)[]) => {
    const known = values.filter((value): value is number => value !== undefined);
    return `p50 ${percentile(known, 0.5)} ms · p99 ${percentile(known, 0.99)} ms · max ${Math.max(...known)} ms`;
  };
  t.diagnostic(`burst of 200: last answer after ${seconds.toFixed(1)} s (wall)`);
  t.diagnostic(`deferral, the bot's own time: ${figures(timings.map((timing) => timing.deferralOwnMs))}`);
  t.diagnostic(`deferral, wall time: ${figures(timings.map((timing) => timing.deferralMs))}`);
  t.diagnostic(`answer, wall time: ${figures(timings.map((timing) => timing.answerMs))}`);

  const lost = timings.filter((timing) => timing.answerMs === undefined);
  assert.equal(lost.length, 0, `${lost.length} of 200 never answered; the bot's log:\n${bot.log()}`);
  const late = timings.filter((timing) => timing.deferralStatus !== 204 || (timing.deferralOwnMs ?? Infinity) > interactionDeadlineMs);
  assert.equal(
    late.length,
    0,
    `deferred late or refused: ${late.map((timing) => `${timing.deferralStatus} after ${timing.deferralOwnMs} ms of its own time`).join(', ')}`,
  );
  const mixedUp = timings.filter((timing) => !timing.answersItsQuestion);
  assert.equal(mixedUp.length, 0, `${mixedUp.length} answers went to another question`);
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN 5,000 asks in a row through the /ask command (engine, conversation memory, SQLite, Discord rendering) THEN every one is answered and saved, and the heap does not grow', async (t) => {
  const folder = existsSync('/dev/shm') ? ['--folder', '/dev/shm'] : [];
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'tests/reliability/soak-process.ts', '--asks', '5000', '--warm-up', '500', ...folder],
    { cwd: repositoryRoot },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout) as SoakReport;
  assert.equal(report.answered, 5000);
  assert.equal(report.savedAnswers, 5500, 'every answer of the run and the warm-up has its row');
  const growth = report.heapAfterBytes - report.heapBeforeBytes;
  t.diagnostic(`soak of 5,000 asks: heap ${(growth / 1048576).toFixed(2)} MiB after GC over the run; ${JSON.stringify(report)}`);
  // A leak of a few hundred bytes per answer would show as megabytes here; what is measured is well under one.
  assert.ok(growth < 4 * 1024 * 1024, `heap grew ${(growth / 1048576).toFixed(2)} MiB over 5,000 asks`);
});
