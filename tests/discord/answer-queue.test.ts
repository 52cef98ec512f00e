/**
 * The answer queue keeps acknowledgements ahead of answers: first the queue alone, then the real bot (discord.js
 * against the fake Discord) with answers made slow through the engine's interface.
 */
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { busyMessage, createAnswerQueue } from '../../src/discord/answer-queue.js';
import type { AnswerQueue, QueueTurn } from '../../src/discord/answer-queue.js';
import type { Engine } from '../../src/engine-types.js';
import type { FakeDiscord, SentInteraction } from '../fakes/fake-discord.js';
import { readers } from '../reliability/load-driver.js';
import { loadQuestions } from '../reliability/load-questions.js';
import { embedText, realEngine, startHarness, waitForAnswer } from './bot-harness.js';

const ephemeral = 64;

function takePlace(queue: AnswerQueue): QueueTurn {
  const turn = queue.enter();
  if (turn === undefined) throw new Error('the queue is full');
  return turn;
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
}

test('GIVEN an acknowledgement on its way THEN no queued answer starts until it has settled, even when it fails', async () => {
  const queue = createAnswerQueue();
  const events: string[] = [];
  const first = deferred();
  const second = deferred();
  void queue.acknowledge(first.promise);
  queue.acknowledge(second.promise).catch(() => undefined);
  const answered = queue.enter()?.run(async () => {
    events.push('answer');
    return 42;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  events.push('first acknowledged');
  first.resolve();
  await new Promise((resolve) => setTimeout(resolve, 20));
  events.push('second failed');
  second.reject(new Error('Discord said no'));
  assert.equal(await answered, 42);
  assert.deepEqual(events, ['first acknowledged', 'second failed', 'answer']);
});

test('GIVEN a queue of 2 places THEN a third member is refused, and a place given back or run is free again', async () => {
  const queue = createAnswerQueue({ maxWaiting: 2, concurrency: 1 });
  const gate = deferred();
  const running = queue.enter()?.run(() => gate.promise);
  assert.ok(running !== undefined);
  await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  assert.equal(queue.running, 1, 'the first answer started');
  const second = queue.enter();
  const third = queue.enter();
  assert.ok(second !== undefined && third !== undefined, 'two places while one answer runs');
  assert.equal(queue.enter(), undefined, 'full');
  third.cancel();
  const fourth = queue.enter();
  assert.ok(fourth !== undefined, 'a cancelled place is free again');
  const order: string[] = [];
  const both = Promise.all([second.run(async () => order.push('second')), fourth.run(async () => order.push('fourth'))]);
  assert.equal(queue.enter(), undefined, 'places taken by answers waiting to run still count');
  gate.resolve();
  await Promise.all([running, both]);
  assert.deepEqual(order, ['second', 'fourth'], 'first come, first served');
  assert.equal(queue.waiting, 0);
});

test('GIVEN data arriving over a socket while an answer computes THEN it is handled before the next answer starts', async (t) => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const received: string[] = [];
  const accepted = new Promise<void>((resolve) =>
    server.on('connection', (socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
      resolve();
    }),
  );
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  t.after(() => {
    client.destroy();
    server.close();
  });
  await accepted;
  const queue = createAnswerQueue({ concurrency: 1 });
  const seen: number[] = [];
  const answers = [1, 2, 3].map((count) =>
    takePlace(queue).run(async () => {
      seen.push(received.length);
      // What a gateway event does while an answer holds the thread: it waits in the socket.
      client.write(`event ${count};`);
    }),
  );
  await Promise.all(answers);
  assert.deepEqual(seen, [0, 1, 2], 'each answer started after the event written during the one before it had been read');
});

/** The real engine, with `before` run at the start of every ask (synchronously, as CPU-bound answering is). */
function engineWith(base: Engine, before: (question: string) => Promise<void> | void): Engine {
  return Object.assign(Object.create(base) as Engine, {
    ask: async (question: string, options?: Parameters<Engine['ask']>[1]) => {
      await before(question);
      return base.ask(question, options);
    },
  });
}

test('GIVEN 20 /ask at once and one more arriving while the first answer is computed THEN no answer starts before every interaction sent before it is acknowledged', async (t) => {
  const base = await realEngine();
  const bot: { fake?: FakeDiscord } = {};
  const sent: SentInteraction[] = [];
  const unacknowledgedAtStart: string[][] = [];
  const acknowledged = (interaction: SentInteraction) => bot.fake?.requestsFor(interaction).some((request) => request.path.endsWith('/callback')) === true;
  const engine = engineWith(base, () => {
    unacknowledgedAtStart.push(sent.filter((interaction) => !acknowledged(interaction)).map((interaction) => interaction.id));
    // Written to the gateway socket now; the bot can read it only when this answer lets go of the thread.
    if (unacknowledgedAtStart.length === 1 && bot.fake !== undefined)
      sent.push(bot.fake.sendSlashCommand({ name: 'ask', options: { question: 'Who apologised for it?' } }));
  });
  const { fake } = await startHarness(t, { engine });
  bot.fake = fake;
  for (const [index, user] of readers(20).entries()) {
    sent.push(fake.sendSlashCommand({ name: 'ask', options: { question: loadQuestions[index % loadQuestions.length] ?? '' }, user }));
  }
  // The one sent during the first answer joins the list while this loop waits.
  for (const interaction of sent) await waitForAnswer(fake, interaction);

  assert.equal(sent.length, 21);
  assert.equal(unacknowledgedAtStart.length, 21, 'every question was answered once');
  assert.deepEqual(
    unacknowledgedAtStart.filter((waiting) => waiting.length > 0),
    [],
    'interactions still waiting for their acknowledgement when an answer started',
  );
  for (const interaction of sent) {
    const delay = fake.acknowledgementDelayMs(interaction);
    assert.ok(delay !== undefined, `${interaction.id} was acknowledged`);
  }
});

test('GIVEN one answer being computed slowly and ANSWER_QUEUE_MAX_WAITING=1 THEN the next /ask is acknowledged meanwhile and waits, a third is told privately that the bot is busy, and both answers arrive', async (t) => {
  const base = await realEngine();
  const release = deferred();
  const started: string[] = [];
  const firstStarted = deferred();
  const engine = engineWith(base, async (question) => {
    started.push(question);
    if (started.length === 1) {
      firstStarted.resolve();
      await release.promise;
    }
  });
  const { fake } = await startHarness(t, { engine, environment: { ANSWER_QUEUE_MAX_WAITING: '1', ANSWER_CONCURRENCY: '1' } });
  const slow = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  await firstStarted.promise;

  const waiting = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });
  const waitingAck = await fake.waitForRequest((request) => request.path.endsWith(`/${waiting.token}/callback`));
  assert.equal((waitingAck.body as { type: number }).type, 5, 'deferred while the slow answer is still being computed');
  const busy = fake.sendSlashCommand({ name: 'ask', options: { question: 'Who apologised for it?' } });
  const busyAck = await fake.waitForRequest((request) => request.path.endsWith(`/${busy.token}/callback`));
  const busyBody = busyAck.body as { type: number; data: { content: string; flags: number } };
  assert.equal(busyBody.type, 4, 'answered at once');
  assert.equal(busyBody.data.flags & ephemeral, ephemeral, 'privately');
  assert.equal(busyBody.data.content, busyMessage);
  assert.deepEqual(started, ['Why did Baku close the Russian House?'], 'the waiting answer has not started, nor the refused one');
  assert.equal(
    fake.requests.some((request) => request.method === 'PATCH' && request.path.includes(slow.token)),
    false,
    'the slow answer is still being computed',
  );

  release.resolve();
  assert.match(embedText((await waitForAnswer(fake, slow)).original), /Russian House/);
  assert.match(embedText((await waitForAnswer(fake, waiting)).original), /Azal/);
  assert.equal(started.length, 2, 'the refused question was never computed');
});
