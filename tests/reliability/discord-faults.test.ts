/**
 * Faults on the far side of the bot, with the real discord.js client against the fake Discord: rate-limit
 * storms, a model server that is down, slow or talking nonsense, a feedback database someone else has locked.
 * (One 429, a global 429 on a deferral, 5xx on an edit, a dropped gateway and shutdown in flight are in
 * tests/discord/resilience.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openEngine } from '../../src/engine.js';
import { reply, startFakeOpenAi } from '../fakes/fake-openai.js';
import type { FakeDiscord, SentInteraction } from '../fakes/fake-discord.js';
import { assertNoPings, assertValidRequests, customIds, embedText, startHarness, testConfig, waitForAnswer } from '../discord/bot-harness.js';
import { AnswerTracker, interactionDeadlineMs, readers } from './load-driver.js';

const editPath = /\/messages\/@original$/;
const evidence = /accused of facilitating Russian intelligence activities in Baku/;

/** Every interaction's deferral was accepted by Discord in time, after however many 429s. */
function assertDeferredInTime(fake: FakeDiscord, interactions: readonly SentInteraction[]): void {
  for (const interaction of interactions) {
    const accepted = fake.requestsFor(interaction).find((request) => request.path.endsWith('/callback') && request.status === 204);
    assert.ok(
      accepted !== undefined,
      `interaction ${interaction.id} was never acknowledged: ${fake
        .requestsFor(interaction)
        .map((request) => request.status)
        .join(', ')}`,
    );
    const delay = accepted.onClock - interaction.dispatchedOnClock;
    assert.ok(delay <= interactionDeadlineMs, `acknowledged after ${delay} ms of the bot's own time`);
  }
}

test('GIVEN a storm of 429s — per route and global, on deferrals and on edits — during a burst THEN every answer still arrives and every deferral is in time', async (t) => {
  const { fake, logs } = await startHarness(t, { rest: {} });
  fake.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.5, global: true, times: 5 });
  fake.failNext({ method: 'PATCH', path: editPath, status: 429, retryAfter: 0.3, times: 20 });
  fake.failNext({ method: 'PATCH', path: editPath, status: 429, retryAfter: 0.5, global: true, times: 10 });
  const tracker = new AnswerTracker(fake);
  const interactions = readers(20).map((user) => fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' }, user }));
  await fake.waitFor(
    () => {
      tracker.update();
      return interactions.every((interaction) => tracker.answers.has(interaction.token));
    },
    { timeoutMs: 60_000, what: '20 answers through the storm' },
  );
  const rateLimited = fake.requests.filter((request) => request.status === 429).length;
  assert.equal(rateLimited, 35, 'every injected 429 was met');
  assertDeferredInTime(fake, interactions);
  for (const interaction of interactions) assert.match(embedText(tracker.answers.get(interaction.token)?.body as Record<string, unknown>), evidence);
  assert.ok(
    logs.some((line) => line.includes('rate limited by Discord') && line.includes('"global":true')),
    'global rate limits are logged',
  );
  assertValidRequests(fake);
});

test('GIVEN the model server answers garbage, then too slowly, then not at all THEN each /ask gets the offline answer in time, marked as such', async (t) => {
  const model = await startFakeOpenAi();
  t.after(() => model.close().catch(() => undefined));
  const engine = await openEngine(testConfig({ OPENAI_BASE_URL: model.baseUrl, LLM_TIMEOUT_MS: '1500' }));
  const { fake } = await startHarness(t, { engine });
  const offline = /Answered offline: the model could not answer just now/;

  model.queueChat(reply.content('{"answer": "They were charged with'));
  const garbage = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const garbled = await waitForAnswer(fake, garbage);
  assert.match(embedText(garbled.original), evidence);
  assert.match(embedText(garbled.original), offline);

  model.queueChat(reply.structured({ answer: 'Too late.', notInText: false, quotes: [] }, { delayMs: 10_000 }));
  const slow = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const late = await waitForAnswer(fake, slow);
  const answeredAfter = (fake.requestsFor(slow).find((request) => request.method === 'PATCH')?.onClock ?? Infinity) - slow.dispatchedOnClock;
  assert.ok(answeredAfter < 3_000, `the offline answer came ${answeredAfter} ms (the bot's own time) after the question, the model budget is 1500 ms`);
  assert.match(embedText(late.original), offline);

  await model.close();
  const down = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const unreachable = await waitForAnswer(fake, down);
  assert.match(embedText(unreachable.original), evidence);
  assert.match(embedText(unreachable.original), offline);
  assertDeferredInTime(fake, [garbage, slow, down]);
  assertValidRequests(fake);
});

test('GIVEN another process holds the feedback database locked THEN questions are still answered in time, each saying its votes are off, and a vote says it was not saved', async (t) => {
  const { fake, databaseFile } = await startHarness(t);
  const before = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });
  const saved = await waitForAnswer(fake, before);
  const upId = customIds(saved.original).find((id) => id.startsWith('fn:v:up:'));
  assert.ok(upId !== undefined);
  const answerMessage = fake.messages.findLast((message) => customIds(message).includes(upId));
  assert.ok(answerMessage !== undefined);

  const holder = new Database(databaseFile, { timeout: 0 });
  t.after(() => holder.close());
  holder.exec('BEGIN EXCLUSIVE');
  const tracker = new AnswerTracker(fake);
  const burst = readers(10).map((user) => fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' }, user }));
  // A second wave while the first is answered: it must not wait behind the lock.
  await fake.waitFor(() => {
    tracker.update();
    return burst.some((interaction) => tracker.answers.has(interaction.token));
  });
  const wave = readers(5).map((user) => fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' }, user }));
  const vote = fake.clickButton({ customId: upId, message: answerMessage });
  const all = [...burst, ...wave];
  await fake.waitFor(
    () => {
      tracker.update();
      return all.every((interaction) => tracker.answers.has(interaction.token));
    },
    { timeoutMs: 60_000, what: '15 answers while the database is locked' },
  );
  assertDeferredInTime(fake, all);
  for (const interaction of all) {
    const answer = tracker.answers.get(interaction.token)?.body as Record<string, unknown>;
    assert.match(embedText(answer), evidence);
    assert.match(embedText(answer), /Votes are off for this answer: the feedback database could not save the answer/);
    assert.ok(!customIds(answer).some((id) => id.startsWith('fn:v:')), 'no vote buttons that could not work');
  }
  const voted = await fake.waitForRequest(
    (request) => request.path.endsWith(`/${vote.token}/callback`) || request.path.includes(`/${vote.token}/messages/@original`),
  );
  const voteText = JSON.stringify(voted.body);
  assert.match(voteText, /Your vote could not be saved: the feedback database could not record the vote/);

  holder.exec('ROLLBACK');
  const after = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' }, user: fake.moderator });
  const recovered = await waitForAnswer(fake, after);
  assert.ok(
    customIds(recovered.original).some((id) => id.startsWith('fn:v:up:')),
    'votes are back once the lock is gone',
  );
  assertNoPings(fake);
  assertValidRequests(fake);
});
