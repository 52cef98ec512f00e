/**
 * Secrets stay secret, questions stay out of the logs unless asked for, admin commands and rate limits are
 * enforced by the bot itself, and .env never reaches git.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { ConfigError, readConfig } from '../../src/config.js';
import { createCooldowns } from '../../src/discord/cooldowns.js';
import { FakeDiscord, permissionBits } from '../fakes/fake-discord.js';
import { reply, startFakeOpenAi } from '../fakes/fake-openai.js';
import { assertValidRequests, embedText, engineCountingRebuilds, repositoryRoot, startHarness, waitForAnswer } from '../discord/bot-harness.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { AnswerTracker, readers } from './load-driver.js';
import { footnoteCommand } from '../helpers/footnote-command.js';

const ephemeral = 64;

function runStart(t: TestContext, environment: Record<string, string>) {
  const child = spawn(process.execPath, [...footnoteCommand(), 'start'], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      FOOTNOTE_DATA_DIR: path.join(repositoryRoot, 'data'),
      FOOTNOTE_CORPUS_DIR: path.join(repositoryRoot, 'corpus'),
      COOLDOWN_SECONDS: '0',
      ...environment,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  t.after(() => child.kill('SIGKILL'));
  return { child, output: () => output, exited };
}

test('GIVEN a model server that echoes the API key in its errors, Discord failing an edit, and the most verbose logging THEN neither the key nor the bot token appears in any log line or anything sent to Discord', async (t) => {
  const fake = await FakeDiscord.start();
  const model = await startFakeOpenAi();
  const folder = temporaryFolder('secrets');
  t.after(async () => {
    await fake.stop();
    await model.close();
    folder.remove();
  });
  const apiKey = 'sk-footnote-test-7f3a9c1e5b2d4f6a8c0e';
  model.onChat(() =>
    reply.status(401, { message: `Incorrect API key provided: ${apiKey}. You can find your API key at https://platform.openai.com/account/api-keys.` }),
  );
  const bot = runStart(t, {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    OPENAI_API_KEY: apiKey,
    OPENAI_BASE_URL: model.baseUrl,
    FOOTNOTE_DB: path.join(folder.path, 'footnote.sqlite'),
    LOG_LEVEL: 'debug',
    LOG_CONTENT: 'true',
  });
  if (bot.child.pid !== undefined) fake.watchProcess(bot.child.pid);
  await fake.waitFor(() => bot.output().includes('connected to Discord'), { timeoutMs: 60_000, what: 'the bot to connect' });

  const answered = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  await waitForAnswer(fake, answered);
  fake.failNext({ method: 'PATCH', path: /\/messages\/@original$/, status: 500, times: 100 });
  const failing = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?' } });
  await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${fake.applicationId}/${failing.token}`, {
    timeoutMs: 60_000,
    what: 'the apology',
  });
  bot.child.kill('SIGTERM');
  assert.equal(await bot.exited, 0, bot.output());

  assert.equal(model.requests[0]?.headers.authorization, `Bearer ${apiKey}`, 'the key was in use');
  const output = bot.output();
  assert.match(output, /Incorrect API key provided: \[redacted\]/, 'the echoed key reached the log, masked');
  assert.match(output, /interaction failed/);
  const sentToDiscord = fake.requests.map((request) => JSON.stringify(request.body ?? '')).join('\n');
  for (const secret of [apiKey, fake.token]) {
    assert.ok(!output.includes(secret), 'a secret in the log');
    assert.ok(!sentToDiscord.includes(secret), 'a secret in a reply');
  }
});

test('GIVEN a bot token Discord rejects THEN start fails with what to do, and the token is not printed', async (t) => {
  const fake = await FakeDiscord.start();
  t.after(() => fake.stop());
  const wrongToken = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.wrong.token-that-discord-refuses';
  const bot = runStart(t, {
    DISCORD_TOKEN: wrongToken,
    DISCORD_API_URL: fake.apiUrl,
    FOOTNOTE_DB: path.join(temporaryFolder('wrong-token').path, 'footnote.sqlite'),
  });
  assert.equal(await bot.exited, 1, bot.output());
  assert.match(bot.output(), /Discord rejected DISCORD_TOKEN: copy the bot token again/);
  assert.ok(!bot.output().includes(wrongToken));
});

test('GIVEN the default log level THEN no question text reaches the log, from /ask or a mention; with LOG_CONTENT=true the /ask question is logged', async (t) => {
  const marker = 'quokkas of Zanzibar';
  const levels = (lines: readonly string[]) => lines.filter((line) => (JSON.parse(line) as { level: string }).level !== 'debug');

  const quiet = await startHarness(t);
  const asked = quiet.fake.sendSlashCommand({ name: 'ask', options: { question: `What about the ${marker}?` } });
  await waitForAnswer(quiet.fake, asked);
  quiet.fake.sendUserMessage({ content: `<@${quiet.fake.botUser.id}> Did Baku mention the ${marker}?` });
  await quiet.fake.waitFor(() => quiet.logs.some((line) => line.includes('mention answered')));
  assert.ok(
    quiet.logs.some((line) => line.includes('interaction answered')),
    'answers are logged',
  );
  assert.deepEqual(
    levels(quiet.logs).filter((line) => line.includes(marker)),
    [],
  );

  const verbose = await startHarness(t, { environment: { LOG_CONTENT: 'true' } });
  const logged = verbose.fake.sendSlashCommand({ name: 'ask', options: { question: `What about the ${marker}?` } });
  await waitForAnswer(verbose.fake, logged);
  await verbose.fake.waitFor(() => verbose.logs.some((line) => line.includes('interaction answered')));
  assert.ok(
    levels(verbose.logs).some((line) => line.includes(marker)),
    'LOG_CONTENT=true logs the question',
  );
});

test('GIVEN /reindex from a direct message or from a server Administrator THEN the bot itself refuses the first and runs the second', async (t) => {
  const { engine, rebuilds } = await engineCountingRebuilds();
  const { fake } = await startHarness(t, { engine });
  // Discord hides /reindex in DMs and from members without Manage Server; a modified client can still send it.
  const fromDm = fake.sendSlashCommand({ name: 'reindex', dm: true });
  const refusal = await fake.waitForRequest(
    (request) => request.path.includes(`/${fromDm.token}`) && (request.method === 'PATCH' || request.method === 'POST') && request.status === 200,
  );
  assert.match(JSON.stringify(refusal.body), /\/reindex works only in a server/);
  assert.equal(rebuilds(), 0);

  const administrator = fake.sendSlashCommand({
    name: 'reindex',
    user: fake.moderator,
    permissions: permissionBits.sendMessages | permissionBits.administrator,
  });
  const { original } = await waitForAnswer(fake, administrator);
  assert.match(embedText(original), /Index rebuilt/);
  assert.equal(rebuilds(), 1);
  assertValidRequests(fake);
});

test('GIVEN a server over its SERVER_QUESTIONS_PER_MINUTE budget THEN further questions, slash or mention, get a private "try again in N s" and direct messages are not counted', async (t) => {
  const { fake } = await startHarness(t, { environment: { COOLDOWN_SECONDS: '0', SERVER_QUESTIONS_PER_MINUTE: '5' } });
  const tracker = new AnswerTracker(fake);
  const asks = readers(8).map((user) => fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' }, user }));
  const replies = await fake.waitFor(() => {
    tracker.update();
    return asks.every((interaction) => tracker.deferrals.has(interaction.token))
      ? asks.map((interaction) => tracker.deferrals.get(interaction.token)?.body as { type: number; data?: { content?: string; flags?: number } })
      : undefined;
  });
  assert.equal(replies.filter((body) => body.type === 5).length, 5, 'five deferred to be answered');
  const refused = replies.filter((body) => body.type === 4);
  assert.equal(refused.length, 3);
  for (const body of refused) {
    assert.match(body.data?.content ?? '', /This server has asked a lot of questions in the last minute — you can ask again in \d+ s\./);
    assert.equal(body.data?.flags, ephemeral);
  }
  const mention = fake.sendUserMessage({ content: `<@${fake.botUser.id}> why did Baku close the Russian House?`, user: fake.moderator });
  const mentionReply = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${fake.channelId}/messages`);
  assert.equal((mentionReply.body as { message_reference: { message_id: string } }).message_reference.message_id, mention.id);
  assert.match((mentionReply.body as { content: string }).content, /This server has asked a lot of questions/);

  const direct = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' }, dm: true });
  assert.match(embedText((await waitForAnswer(fake, direct)).original), /Russian House/);
  assertValidRequests(fake);
});

test('GIVEN the per-member pause and the per-server budget THEN a refusal by either takes nothing from the other, and the budget refills over the minute', () => {
  let clock = 0;
  const limits = createCooldowns({ seconds: 3, serverPerMinute: 2, now: () => clock });
  const ask = (userId: string, guildId = 'g1') => limits.admit({ userId, guildId });
  assert.ok(ask('u1').ok);
  const again = ask('u1');
  assert.ok(!again.ok && /you can ask again in 3 s/.test(again.message), 'the member waits; the server budget is untouched');
  assert.ok(ask('u2').ok);
  const full = ask('u3');
  assert.ok(!full.ok && full.retryAfterMs === 30_000 && /This server has asked a lot of questions/.test(full.message));
  assert.ok(ask('u3', 'g2').ok, 'another server has its own budget');
  assert.ok(limits.admit({ userId: 'u4', guildId: undefined }).ok, 'a direct message has no server budget');
  clock += 30_000;
  assert.ok(ask('u3').ok, 'half a minute refills one question of two');
  assert.ok(!ask('u5').ok);
  assert.ok(createCooldowns({ seconds: 0, serverPerMinute: 0 }).admit({ userId: 'u', guildId: 'g' }).ok, '0 turns both off');
});

test('GIVEN SERVER_QUESTIONS_PER_MINUTE THEN it defaults to 300, 0 turns it off, and a bad value is reported with the other problems', () => {
  assert.equal(readConfig({}).discord.serverQuestionsPerMinute, 300);
  assert.equal(readConfig({ SERVER_QUESTIONS_PER_MINUTE: '0' }).discord.serverQuestionsPerMinute, 0);
  assert.throws(
    () => readConfig({ SERVER_QUESTIONS_PER_MINUTE: 'lots', COOLDOWN_SECONDS: '-1' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.some((problem) => problem.startsWith('SERVER_QUESTIONS_PER_MINUTE')) &&
      error.problems.some((problem) => problem.startsWith('COOLDOWN_SECONDS')),
  );
});

test('GIVEN the repository THEN .env is ignored by git and not tracked, while .env.example is tracked', (t) => {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' });
  const ignoredLines = readFileSync(path.join(repositoryRoot, '.gitignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim());
  assert.ok(ignoredLines.includes('.env'), '.gitignore names .env');
  if (git('rev-parse', '--is-inside-work-tree').status !== 0) {
    t.diagnostic('not a git checkout: checked .gitignore only');
    return;
  }
  assert.equal(git('check-ignore', '--quiet', '--no-index', '.env').status, 0, 'git ignores .env');
  assert.equal(git('ls-files', '--error-unmatch', '.env').status, 1, '.env is not tracked');
  assert.equal(git('check-ignore', '--quiet', '--no-index', '.env.example').status, 1, '.env.example is not ignored');
});
