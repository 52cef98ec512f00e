/**
 * Faults that take a whole process: SIGTERM while an answer is in flight, a feedback database that is not a
 * database at all, and `footnote ingest` killed half-way (SIGKILL: no handler runs, as in a power cut or the
 * OOM killer). Each runs the real command line in a child process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { openEngine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import { readIndexFiles } from '../../src/vector-index/index-files.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { reply, startFakeOpenAi } from '../fakes/fake-openai.js';
import { assertNoPings, embedText, repositoryRoot } from '../discord/bot-harness.js';
import { articleFile, sharedModelDir, temporaryFolder, testConfig } from '../helpers/test-config.js';
import { writeBigDocument } from './big-document.js';
import { footnoteCommand } from '../helpers/footnote-command.js';

interface Cli {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function runCli(t: TestContext, args: readonly string[], environment: Record<string, string>): Cli {
  const child = spawn(process.execPath, [...footnoteCommand(), ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env['PATH'] ?? '', FOOTNOTE_MODEL_DIR: sharedModelDir, ...environment },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal === null ? code : null)));
  t.after(() => child.kill('SIGKILL'));
  return { child, output: () => output, exited };
}

async function startBotCli(t: TestContext, fake: FakeDiscord, environment: Record<string, string>): Promise<Cli> {
  const cli = runCli(t, ['start'], {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    FOOTNOTE_DATA_DIR: path.join(repositoryRoot, 'data'),
    FOOTNOTE_CORPUS_DIR: path.join(repositoryRoot, 'corpus'),
    COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'info',
    ...environment,
  });
  if (cli.child.pid !== undefined) fake.watchProcess(cli.child.pid);
  await fake.waitFor(() => cli.output().includes('connected to Discord'), { timeoutMs: 60_000, what: `the bot to connect; output so far:\n${cli.output()}` });
  return cli;
}

test('GIVEN SIGTERM while a model answer is in flight THEN the answer is still delivered, a question sent meanwhile is told to retry, and the process exits 0', async (t) => {
  const fake = await FakeDiscord.start();
  const model = await startFakeOpenAi();
  const folder = temporaryFolder('sigterm');
  t.after(async () => {
    await fake.stop();
    await model.close();
    folder.remove();
  });
  const sentence = 'According to Baku media, this cultural center was accused of facilitating Russian intelligence activities in Baku';
  model.onChat(() =>
    reply.structured(
      { answer: 'It was accused of helping Russian intelligence.', notInText: false, quotes: [{ text: sentence, passageId: 'P1' }] },
      { delayMs: 1_500 },
    ),
  );
  const cli = await startBotCli(t, fake, { FOOTNOTE_DB: path.join(folder.path, 'footnote.sqlite'), OPENAI_BASE_URL: model.baseUrl, LLM_TIMEOUT_MS: '30000' });

  const inFlight = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  await fake.waitForRequest((request) => request.path.endsWith(`/${inFlight.token}/callback`) && request.status === 204);
  await fake.waitFor(() => model.requests.length > 0, { what: 'the model to be asked' });
  cli.child.kill('SIGTERM');
  await fake.waitFor(() => cli.output().includes('shutting down'), { what: 'shutdown to begin' });
  const late = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });

  assert.equal(await cli.exited, 0, cli.output());
  const edit = fake.requestsFor(inFlight).find((request) => request.method === 'PATCH' && request.status === 200);
  assert.ok(edit !== undefined, 'the answer in flight was delivered before the bot disconnected');
  assert.match(embedText(edit.body as Record<string, unknown>), /accused of facilitating Russian intelligence activities/);
  assert.match(embedText(edit.body as Record<string, unknown>), /Answered by the model/);
  const declined = fake.requestsFor(late).find((request) => request.path.endsWith('/callback'));
  assert.match(JSON.stringify(declined?.body ?? {}), /restarting/);
  assert.match(cli.output(), /"message":"shutting down"[^\n]*"pending":1/);
  assertNoPings(fake);
});

test('GIVEN the feedback database file is corrupt THEN the bot starts, answers, says votes are off, and leaves the file as it was', async (t) => {
  const fake = await FakeDiscord.start();
  const folder = temporaryFolder('corrupt-db');
  t.after(async () => {
    await fake.stop();
    folder.remove();
  });
  const databaseFile = path.join(folder.path, 'footnote.sqlite');
  const garbage = Buffer.from('this was a database until a disk went bad\n'.repeat(200));
  writeFileSync(databaseFile, garbage);
  const cli = await startBotCli(t, fake, { FOOTNOTE_DB: databaseFile });
  assert.match(cli.output(), /feedback database unavailable; answering without it/);

  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const edit = await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(interaction.token) && request.status === 200);
  const text = embedText(edit.body as Record<string, unknown>);
  assert.match(text, /accused of facilitating Russian intelligence activities in Baku/);
  assert.match(text, /Votes are off for this answer: the feedback database is unavailable \(file is not a database\)/);
  cli.child.kill('SIGTERM');
  assert.equal(await cli.exited, 0, cli.output());
  assert.deepEqual(readFileSync(databaseFile), garbage, 'the damaged file is kept for whoever repairs it');
});

test('GIVEN `footnote ingest` of a bigger corpus is killed mid-build and again mid-save THEN the previous index is intact and still served; a full run then commits the new one', async (t) => {
  const data = temporaryFolder('ingest-crash');
  const small = temporaryFolder('ingest-small');
  const big = temporaryFolder('ingest-big');
  t.after(() => [data, small, big].forEach((folder) => folder.remove()));
  copyFileSync(articleFile, path.join(small.path, 'article.txt'));
  copyFileSync(articleFile, path.join(big.path, 'article.txt'));
  // Big enough (about 2,100 passages) for `ingest` to print its progress (from 2,000), on which it is killed.
  await writeBigDocument(path.join(big.path, 'reading-list.txt'), { bytes: 1_200_000 });
  const indexFolder = path.join(data.path, 'index');
  const manifestFile = path.join(indexFolder, 'manifest.json');

  await openEngine(testConfig({ FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_CORPUS_DIR: small.path }));
  const previous = readFileSync(manifestFile);
  const ingestBig = () => runCli(t, ['ingest'], { FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_CORPUS_DIR: big.path, LOG_LEVEL: 'debug' });

  // 1. Killed while embedding: as soon as it reports the first passages embedded.
  const midBuild = ingestBig();
  midBuild.child.stderr.on('data', () => {
    if (/embedding passages \d+\//u.test(midBuild.output())) midBuild.child.kill('SIGKILL');
  });
  assert.equal(await midBuild.exited, null, `killed, not finished; output:\n${midBuild.output()}`);
  assert.match(midBuild.output(), /building the index/u);
  assert.deepEqual(readFileSync(manifestFile), previous, 'the manifest is untouched');
  assert.ok((await readIndexFiles(indexFolder)).ok, 'and every file it names checks out');

  const lines: string[] = [];
  const served = await openEngine(testConfig({ FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_CORPUS_DIR: small.path }), {
    logger: createLogger({ level: 'info', write: (line) => lines.push(line) }),
  });
  assert.ok(!lines.some((line) => line.includes('building the index')), `the previous index is served as it is:\n${lines.join('')}`);
  const answer = await served.ask('How many people died when the Azal plane crashed?');
  assert.ok(answer.ok && answer.answer.quotes.some((quote) => quote.text.includes('killing 67 people')));

  // 2. Killed as soon as the new files start to appear: the manifest is either the old one or a complete new one.
  mkdirSync(indexFolder, { recursive: true });
  const midSave = ingestBig();
  const watcher = watch(indexFolder, (_event, name) => {
    if (name?.endsWith('.tmp') === true) midSave.child.kill('SIGKILL');
  });
  t.after(() => watcher.close());
  await midSave.exited;
  watcher.close();
  const afterSave = await readIndexFiles(indexFolder);
  assert.ok(afterSave.ok, `after a kill mid-save the index on disk is consistent: ${afterSave.ok ? '' : afterSave.detail}`);
  const committed = !readFileSync(manifestFile).equals(previous);
  t.diagnostic(
    committed ? 'the kill landed after the manifest was written: the new index is complete' : 'the kill landed before the manifest: the previous index stands',
  );

  // 3. A run that finishes commits the big corpus and leaves one generation, no temporary files.
  const full = ingestBig();
  assert.equal(await full.exited, 0, full.output());
  const final = await readIndexFiles(indexFolder);
  assert.ok(final.ok && final.manifest.counts.documents === 2);
  const files = readdirSync(indexFolder).sort();
  assert.deepEqual(
    files.map((name) => name.replace(/-[^.]+\./u, '-*.')),
    ['documents-*.json.gz', 'lexical-*.bin', 'manifest.json', 'parsed-*.bin', 'vectors-*.hnsw'],
  );
});
