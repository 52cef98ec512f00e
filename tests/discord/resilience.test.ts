import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Answer } from '../../src/answering/types.js';
import type { Engine } from '../../src/engine-types.js';
import { escapeText } from '../../src/discord/discord-message.js';
import { cutAtSentence, supportingQuoteCap } from '../../src/commands/answer-reply.js';
import { assertNoPings, assertValidRequests, embedText, realEngine, startHarness, waitForAnswer } from './bot-harness.js';

const editPath = /\/messages\/@original$/;

test('GIVEN Discord answers the edit with 429 and Retry-After THEN the bot waits that long and the answer still arrives', async (t) => {
  const { fake, logs } = await startHarness(t);
  fake.failNext({ method: 'PATCH', path: editPath, status: 429, retryAfter: 1 });
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const { original } = await waitForAnswer(fake, interaction);
  const edits = await fake.waitFor(() => {
    const found = fake.requestsFor(interaction).filter((request) => request.method === 'PATCH');
    return found.length === 2 && found[1]?.status === 200 ? found : undefined;
  });
  assert.equal(edits[0]?.status, 429);
  const waited = (edits[1]?.at ?? 0) - (edits[0]?.at ?? 0);
  assert.ok(waited >= 950, `retried after ${waited} ms, Retry-After was 1 s`);
  assert.match(embedText(original), /Russian House/);
  assert.ok(
    logs.some((line) => line.includes('rate limited by Discord')),
    'the rate limit is logged',
  );
  assertValidRequests(fake);
});

test('GIVEN a global 429 on the deferral THEN the deferral is retried within the 3-second deadline', async (t) => {
  const { fake } = await startHarness(t);
  fake.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 1, global: true });
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });
  const { original } = await waitForAnswer(fake, interaction);
  const callbacks = fake.requestsFor(interaction).filter((request) => request.path.endsWith('/callback'));
  assert.deepEqual(
    callbacks.map((request) => request.status),
    [429, 204],
  );
  assert.match(embedText(original), /killing 67 people/);
});

test('GIVEN 5xx on the edit THEN bounded retries deliver it; when Discord keeps failing the bot logs it and keeps answering', async (t) => {
  const { fake, logs } = await startHarness(t);
  fake.failNext({ method: 'PATCH', path: editPath, status: 502, times: 2 });
  const flaky = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  await fake.waitFor(() => fake.requestsFor(flaky).some((request) => request.method === 'PATCH' && request.status === 200), {
    what: 'the edit after two 502s',
  });

  fake.failNext({ method: 'PATCH', path: editPath, status: 500, times: 100 });
  const broken = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  await fake.waitFor(() => logs.find((line) => line.includes('interaction failed')), { what: 'the failure to be logged' });
  const attempts = fake.requestsFor(broken).filter((request) => request.method === 'PATCH').length;
  assert.ok(attempts >= 2 && attempts <= 5, `${attempts} attempts: bounded`);
  const apology = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${fake.applicationId}/${broken.token}`);
  assert.match((apology.body as { content: string }).content, /something went wrong/);

  fake.clearFaults();
  const after = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });
  await fake.waitFor(() => fake.requestsFor(after).some((request) => request.method === 'PATCH' && request.status === 200), { what: 'the next answer' });
  assertValidRequests(fake);
});

test('GIVEN the gateway closes with 4000 mid-answer THEN the bot resumes (no new IDENTIFY), the answer arrives, and the next command is answered', async (t) => {
  const { fake } = await startHarness(t);
  const during = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  await fake.waitForRequest((request) => request.path.endsWith(`/${during.token}/callback`));
  fake.closeGateway(4000);
  await waitForAnswer(fake, during);
  await fake.waitFor(() => fake.resumeCount === 1 && fake.connected, { what: 'a RESUME' });
  assert.equal(fake.identifyCount, 1);

  const next = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });
  const { original } = await waitForAnswer(fake, next);
  assert.match(embedText(original), /67 people/);
});

test('GIVEN a short heartbeat interval THEN every heartbeat is acknowledged and the session stays up', async (t) => {
  const { fake } = await startHarness(t, { heartbeatIntervalMs: 150 });
  // A heartbeat left unacknowledged makes discord.js drop the connection as a zombie and reconnect.
  await fake.waitFor(() => fake.heartbeatCount >= 4, { what: 'four heartbeats' });
  assert.equal(fake.identifyCount, 1);
  assert.equal(fake.resumeCount, 0);
  assert.ok(fake.connected);
});

test('GIVEN a command sent while the gateway is down THEN it is replayed on resume and answered in time', async (t) => {
  const { fake } = await startHarness(t);
  fake.closeGateway(4000);
  const missed = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const { original } = await waitForAnswer(fake, missed);
  assert.match(embedText(original), /Russian House/);
  assert.equal(fake.resumeCount, 1);
});

/** The real engine, answering every question with three long paragraphs as quotes and an answer line longer than a message. */
async function verboseEngine(): Promise<{ engine: Engine; quotes: string[]; answer: string }> {
  const base = await realEngine();
  const longest = [...base.paragraphs()].sort((left, right) => right.text.length - left.text.length).slice(0, 3);
  const document = base.corpus.documents[0];
  assert.ok(document);
  const quotes = longest.map((paragraph) => ({
    documentId: paragraph.documentId,
    documentTitle: document.title,
    section: paragraph.section,
    paragraph: paragraph.number,
    start: paragraph.start,
    end: paragraph.end,
    text: paragraph.text,
  }));
  const ask = async (question: string): Promise<{ ok: true; answer: Answer }> => ({
    ok: true,
    answer: {
      question,
      standaloneQuestion: question,
      answer: `${'A very thorough answer. '.repeat(400)}`.trim(),
      abstained: false,
      mode: 'llm',
      quotes,
      passages: [],
      droppedQuotes: [],
      repairedQuotes: [],
      fallbackReason: undefined,
    },
  });
  return { engine: Object.assign(Object.create(base) as Engine, { ask }), quotes: quotes.map((quote) => quote.text), answer: (await ask('')).answer.answer };
}

test('GIVEN an answer longer than one message THEN it is split at sentence ends, never cut, and long quotes are shortened to whole sentences, every limit respected', async (t) => {
  const { engine, quotes, answer } = await verboseEngine();
  const { fake } = await startHarness(t, { engine });
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: `Tell me everything ${'really '.repeat(60)}` } });
  const { original, followUps } = await waitForAnswer(fake, interaction, { followUps: 2 });
  const messages = [original, ...followUps];
  const embeds = messages.flatMap((message) => message['embeds'] as { title?: string; description?: string; footer?: { text: string } }[]);

  for (const message of messages) {
    const own = message['embeds'] as { title?: string; description?: string; footer?: { text: string } }[];
    const total = own.reduce((sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0), 0);
    assert.ok(total <= 6000, `${total} characters in one message`);
    assert.ok(own.length <= 10);
    for (const embed of own) {
      assert.ok((embed.description?.length ?? 0) <= 4096);
      assert.ok((embed.title?.length ?? 0) <= 256);
    }
  }
  assert.equal(messages.length, 3, 'a 9,600-character answer line and three quotes take three messages');
  assert.ok(
    embeds
      .map((embed) => embed.description ?? '')
      .join(' ')
      .includes(answer),
    'the answer line is all there, split only between sentences',
  );
  for (const quote of quotes) {
    // A supporting quote over 400 characters is shown as its first whole sentences, pointing to /passage for the rest.
    const shown = cutAtSentence(quote, supportingQuoteCap);
    assert.ok(shown.length <= supportingQuoteCap && quote.startsWith(shown.replace(/…$/u, '')), shown);
    const holding = embeds.filter((embed) => embed.description?.includes(`> ${escapeText(shown)}\n`));
    assert.equal(holding.length, 1, `quote "${quote.slice(0, 40)}…" in exactly one embed`);
  }
  const footer = embeds.at(-1)?.footer?.text ?? '';
  assert.ok(footer.startsWith('Q: Tell me everything') && footer.length < 500, 'an over-long question is cut in the footer');
  assert.ok(customIdsOfLast(messages).length > 0, 'buttons under the last message');
  assertNoPings(fake);
  assertValidRequests(fake);
});

function customIdsOfLast(messages: Record<string, unknown>[]): string[] {
  const last = messages[messages.length - 1] ?? {};
  return ((last['components'] as { components: { custom_id: string }[] }[] | undefined) ?? []).flatMap((row) =>
    row.components.map((component) => component.custom_id),
  );
}

test('GIVEN shutdown begins while an answer is in flight THEN new commands are declined politely and the pending answer is still delivered', async (t) => {
  const base = await realEngine();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const engine: Engine = Object.assign(Object.create(base) as Engine, {
    ask: async (question: string, options?: Parameters<Engine['ask']>[1]) => {
      await gate;
      return base.ask(question, options);
    },
  });
  const { fake, bot } = await startHarness(t, { engine });
  const inFlight = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  await fake.waitForRequest((request) => request.path.endsWith(`/${inFlight.token}/callback`));

  const stopping = bot.stop({ timeoutMs: 5_000 });
  const late = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });
  const declined = await fake.waitForRequest((request) => request.path.endsWith(`/${late.token}/callback`));
  assert.match((declined.body as { data: { content: string } }).data.content, /restarting/);

  release();
  await stopping;
  const edit = fake.requestsFor(inFlight).find((request) => request.method === 'PATCH');
  assert.ok(edit !== undefined && edit.status === 200, 'the in-flight answer was delivered before the bot disconnected');
  assert.match(embedText(edit.body as Record<string, unknown>), /Russian House/);
  await fake.waitFor(() => !fake.connected, { what: 'the gateway connection to close' });
});

test('GIVEN Discord closes the gateway for good after start-up (4004) THEN the bot reports it lost the connection, so the process can exit and be restarted', async (t) => {
  const { fake, bot } = await startHarness(t);
  fake.closeGateway(4004, 'Authentication failed.');
  const code = await Promise.race([bot.lost, new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 5000))]);
  assert.equal(code, 4004);
});
