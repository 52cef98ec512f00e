import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import type { FakeDiscord, SentInteraction } from '../fakes/fake-discord.js';
import { embedText, startHarness, type Harness } from '../discord/bot-harness.js';
import { runFootnote } from '../helpers/run-footnote.js';
import { sharedModelDir, temporaryFolder, testConfig } from '../helpers/test-config.js';
import { twoDocumentCorpus } from '../helpers/two-documents.js';

const corpus = twoDocumentCorpus();
const data = temporaryFolder('document-option');
const savedEnvironment = { ...process.env };
let engine: Engine;

before(async () => {
  Object.assign(process.env, { FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_MODEL_DIR: sharedModelDir, LOG_LEVEL: 'silent' });
  engine = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path }));
});
after(() => {
  process.env = savedEnvironment;
  corpus.remove();
  data.remove();
});

test('GIVEN two documents WHEN summary runs without --document THEN each document gets its own group of points from its own text', async () => {
  const { code, stdout } = await runFootnote('summary', '--json');
  assert.equal(code, 0);
  const grouped = JSON.parse(stdout) as { documents: { documentId: string; title: string; points: { quote: { documentId: string } }[] }[] };
  assert.deepEqual(
    grouped.documents.map((group) => group.documentId),
    ['how-baku-is-playing-with-fire.txt', 'night-trains-return.md'],
  );
  for (const group of grouped.documents) {
    assert.ok(group.points.length > 0);
    for (const point of group.points) assert.equal(point.quote.documentId, group.documentId);
  }
  const text = await runFootnote('summary');
  assert.match(text.stdout, /== Night trains return to Europe's rails ==\n\nKey points \(short\): Night trains/u);
});

test('GIVEN --document with a unique part of a title THEN the study tools read only that document', async () => {
  const timeline = await runFootnote('timeline', '--document', 'night', '--json');
  assert.equal(timeline.code, 0, timeline.stderr);
  const events = (JSON.parse(timeline.stdout) as { events: { quote: { documentId: string } }[] }).events;
  assert.ok(events.length > 0);
  for (const event of events) assert.equal(event.quote.documentId, 'night-trains-return.md');
  const quiz = await runFootnote('quiz', '--document', 'baku', '--count', '3', '--seed', 'one', '--json');
  assert.equal(quiz.code, 0, quiz.stderr);
  for (const question of (JSON.parse(quiz.stdout) as { questions: { quote: { documentId: string } }[] }).questions)
    assert.equal(question.quote.documentId, 'how-baku-is-playing-with-fire.txt');
  // The language models' answers are kept for the next study command (cli/language-memo-file.ts): the same quiz again.
  assert.ok(existsSync(path.join(data.path, 'study', 'language-memo.json')));
  const again = await runFootnote('quiz', '--document', 'baku', '--count', '3', '--seed', 'one', '--json');
  assert.equal(again.stdout, quiz.stdout);
  const ask = await runFootnote('ask', 'Who wrote it?', '--document', 'Night trains', '--json');
  assert.equal(ask.code, 0, ask.stderr);
  assert.match((JSON.parse(ask.stdout) as { answer: string }).answer, /Clara Voss/u);
});

test('GIVEN a section two documents share, or a document name that fits both THEN the ambiguity is reported, not resolved', async () => {
  const section = await runFootnote('summary', '--section', 'outlook');
  assert.notEqual(section.code, 0);
  assert.match(section.stderr, /Several documents have a section “outlook”.*How Baku.*Night trains/u);
  const one = await runFootnote('summary', '--section', 'outlook', '--document', 'night', '--json');
  assert.equal(one.code, 0, one.stderr);
  const both = await runFootnote('timeline', '--document', 'r');
  assert.notEqual(both.code, 0);
  assert.match(both.stderr, /matches several documents/u);
});

async function callbackData(fake: FakeDiscord, interaction: SentInteraction): Promise<Record<string, unknown>> {
  const callback = await fake.waitForRequest((request) => request.path.endsWith(`/${interaction.token}/callback`));
  return (callback.body as { data: Record<string, unknown> }).data;
}

async function answerText(harness: Harness, interaction: SentInteraction): Promise<string> {
  const { fake, bot } = harness;
  await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(`/${interaction.token}/messages/@original`));
  await fake.waitFor(() => bot.pending === 0, { what: 'the bot to finish' });
  const bodies = fake
    .requestsFor(interaction)
    .filter((request) => (request.method === 'PATCH' || request.method === 'POST') && request.path.startsWith('/webhooks/'))
    .map((request) => request.body as Record<string, unknown>);
  return bodies
    .map(embedText)
    .join('\n')
    .replace(/\\([\\`*_[\]<>|#~.\-()'])/g, '$1');
}

test('GIVEN two documents in Discord THEN document autocompletes, /timeline groups per document and /ask document: answers from that one', async (t) => {
  const harness = await startHarness(t, { engine });
  const { fake } = harness;
  const choices = await callbackData(fake, fake.sendAutocomplete({ name: 'summary', focused: 'document', value: 'nig' }));
  assert.deepEqual(choices['choices'], [{ name: "Night trains return to Europe's rails", value: "Night trains return to Europe's rails" }]);

  const timeline = await answerText(harness, fake.sendSlashCommand({ name: 'timeline' }));
  assert.match(timeline, /Timeline: How Baku is playing with fire[\s\S]*Timeline: Night trains return/u);

  const ask = await answerText(harness, fake.sendSlashCommand({ name: 'ask', options: { question: 'Who wrote it?', document: 'night' } }));
  assert.match(ask, /Clara Voss/u);
  assert.doesNotMatch(ask, /Tabrizi/u);

  const quiz = fake.sendSlashCommand({ name: 'quiz', options: { section: 'Outlook' } });
  const refusal = await fake.waitFor(
    () => fake.requestsFor(quiz).find((request) => JSON.stringify(request.body ?? '').includes('Several documents have a section')),
    { what: 'the refusal of an ambiguous section' },
  );
  assert.match(JSON.stringify(refusal.body), /How Baku.*Night trains/u);

  // ¶ 2 exists in both documents: the bot asks which one instead of showing two unrelated paragraphs.
  const paragraph = fake.sendSlashCommand({ name: 'passage', options: { paragraph: 2 } });
  const which = await fake.waitFor(() => fake.requestsFor(paragraph).find((request) => JSON.stringify(request.body ?? '').includes('Which document?')), {
    what: 'the question of which document',
  });
  assert.match(JSON.stringify(which.body), /How Baku.*Night trains.*document option/u);
  const chosen = await answerText(harness, fake.sendSlashCommand({ name: 'passage', options: { paragraph: 2, document: 'night' } }));
  assert.match(chosen, /¶ 2/u);
  assert.doesNotMatch(chosen, /Which document/u);
});
