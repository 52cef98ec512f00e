/**
 * /summary with a model configured, end to end: the real discord.js client against the fake Discord, the real
 * @langchain/openai client against the fake OpenAI server, and the console through the same handler.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test, type TestContext } from 'node:test';
import { consoleFeedbackStore } from '../../src/console/console-feedback-store.js';
import { runConsole } from '../../src/console/console-session.js';
import type { Engine } from '../../src/engine-types.js';
import { silentLogger } from '../../src/logger.js';
import { sectionNames } from '../../src/study/study-scope.js';
import { promptText, reply, startFakeOpenAi, type ChatRequestBody, type FakeOpenAi } from '../fakes/fake-openai.js';
import { openEngine } from '../../src/engine.js';
import { assertValidRequests, embedText, realEngine, startHarness, testConfig } from './bot-harness.js';
import { assertWithinDiscordLimits } from './discord-limits-check.js';

/** Discord Markdown back to the text it shows. */
function shown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>|#~.\-()])/g, '$1');
}

function offeredIn(request: ChatRequestBody): { id: string; text: string }[] {
  return [...promptText(request).matchAll(/<sentence id="(S\d+)" section="[^"]*">([\s\S]*?)<\/sentence>/g)].map((match) => ({
    id: match[1] ?? '',
    text: match[2] ?? '',
  }));
}

/** A model that writes "Point n about …" for the first sentences it is offered. */
function writesPoints(fake: FakeOpenAi, count: number): void {
  fake.onChat((request) =>
    reply.structured({
      points: offeredIn(request)
        .slice(0, count)
        .map((sentence, index) => ({ text: `Point ${index + 1} about ${sentence.text.split(' ').slice(0, 6).join(' ')}`, sentenceId: sentence.id })),
    }),
  );
}

/** A real engine on the real corpus with a model configured: the engine writes summaries with the model it was opened with. */
async function engineWithModel(t: TestContext): Promise<{ engine: Engine; fake: FakeOpenAi }> {
  const fake = await startFakeOpenAi();
  t.after(() => fake.close());
  const engine = await openEngine(testConfig({ OPENAI_BASE_URL: fake.baseUrl, LLM_TIMEOUT_MS: '30000' }));
  return { engine, fake };
}

test('GIVEN a model and /summary length:long THEN its points, each over a verbatim cited sentence, every section covered, and a footer naming the model', async (t) => {
  const { engine, fake: openai } = await engineWithModel(t);
  writesPoints(openai, 3);
  const harness = await startHarness(t, { engine });
  const { fake, bot } = harness;
  const interaction = fake.sendSlashCommand({ name: 'summary', options: { length: 'long' } });
  await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(`/${interaction.token}/messages/@original`), {
    what: 'the summary',
  });
  await fake.waitFor(() => bot.pending === 0, { what: 'the bot to finish' });
  const text = shown(
    fake
      .requestsFor(interaction)
      .filter((request) => (request.method === 'PATCH' || request.method === 'POST') && request.path.startsWith('/webhooks/'))
      .map((request) => embedText(request.body as Record<string, unknown>))
      .join('\n'),
  );

  assert.equal(openai.chatRequests().length, 1);
  assert.match(text, /^Key points: How Baku is playing with fire/);
  for (const number of [1, 2, 3]) assert.match(text, new RegExp(`^Point ${number} about .+\\n\\n> .+\\n— .+, ¶ \\d+$`, 'm'));
  const body = engine.corpus.documents[0]?.text ?? '';
  const quotes = [...text.matchAll(/^> (.+)\n— (.+), ¶ \d+$/gm)].map((match) => ({ text: match[1] ?? '', section: match[2] ?? '' }));
  for (const quote of quotes) assert.ok(body.includes(quote.text), `verbatim: ${quote.text}`);
  // “Diplomatic mischief” holds only a lead-in ending in a colon, which is no point.
  const withClaims = sectionNames(engine.corpus).filter((name) => !name.startsWith('Diplomatic mischief'));
  for (const section of withClaims)
    assert.ok(
      quotes.some((quote) => quote.section === section),
      `a point from “${section}”`,
    );
  assert.match(text, /Points written by the model \(gpt-4o-mini\), in reading order; each quote is a sentence of the text, checked verbatim\.$/);
  assertWithinDiscordLimits(fake);
  assertValidRequests(fake);
});

test('GIVEN a model that fails THEN the console shows the offline summary and says the model could not summarise', async (t) => {
  const { engine, fake } = await engineWithModel(t);
  fake.queueChat(reply.status(502), reply.status(502));
  writesPoints(fake, 2);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  input.end(['/summary length:short', '/summary section:Arrests of Russian', '/summary section:Media provocations', ''].join('\n'));
  let ids = 0;
  await runConsole({
    services: { engine, feedback: consoleFeedbackStore, study: undefined, logger: silentLogger, now: () => new Date(), newId: () => `id${(ids += 1)}` },
    input,
    output,
    interactive: false,
    sessionId: 'summary',
  });

  const [first, second, third] = text.split(/^Key points: /m).slice(1);
  assert.match(
    first ?? '',
    /\(Summarised offline: the model could not summarise just now\. The \d+ most central sentences, across the sections, verbatim and in reading order\./,
  );
  assert.doesNotMatch(first ?? '', /^Point \d/m);
  assert.match(second ?? '', /^Arrests of Russian citizens/);
  assert.match(second ?? '', /\(Summarised offline/);
  assert.match(third ?? '', /^Point 1 about /m);
  assert.match(third ?? '', /\(Points written by the model \(gpt-4o-mini\)/);
});

test('GIVEN a model and /studyguide THEN the guide’s summary is the model’s points, each followed by the verbatim sentence it cites', async (t) => {
  const { engine, fake: openai } = await engineWithModel(t);
  writesPoints(openai, 3);
  const { fake, bot } = await startHarness(t, { engine });
  const interaction = fake.sendSlashCommand({ name: 'studyguide' });
  const upload = await fake.waitForRequest((request) => request.path.includes(`/${interaction.token}/messages/@original`) && request.files.length > 0, {
    what: 'the study guide',
  });
  await fake.waitFor(() => bot.pending === 0, { what: 'the bot to finish' });
  const markdown = upload.files[0]?.data.toString('utf8') ?? '';
  const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## Timeline'));
  assert.equal(openai.chatRequests().length, 1, 'one model call for the summary');
  assert.match(summary, /Points written by the model \(gpt-4o-mini\)/);
  const points = [...summary.matchAll(/^\d+\. (Point \d+ about .+?) — “(.+)” \((.+)\)$/gm)];
  assert.ok(points.length >= 3, summary);
  const body = engine.corpus.documents[0]?.text ?? '';
  for (const [, , quote] of points) assert.ok(body.includes(shown(quote ?? '')), `verbatim: ${quote}`);
  assert.match(markdown, /## Quiz/, 'the rest of the guide is there');
  assertValidRequests(fake);
});

test('GIVEN no model THEN /studyguide’s summary is the offline one and no model is asked', async () => {
  const engine = await realEngine();
  assert.equal(engine.config.llm, undefined);
  const { configuredStudyGuide } = await import('../../src/study/study-guide-by-document.js');
  const markdown = await configuredStudyGuide([engine.corpus], { seed: 'offline', summarize: (corpus) => engine.summarize({ corpus, length: 'long' }) });
  assert.doesNotMatch(markdown, /Points written by the model/);
  assert.match(markdown, /^1\. .+ \(.+, ¶ \d+\)$/m);
});
