import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { slashCommands } from '../../src/commands/command-list.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { discordSpecMissingMessage, loadDiscordOpenApi } from '../fakes/discord-openapi.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { assertValidRequests, embedText, repositoryRoot, testConfig } from './bot-harness.js';
import { footnoteCommand } from '../helpers/footnote-command.js';

test('GIVEN GUILD_ID THEN deploy-commands registers every command in that server, in a body Discord accepts', async (t) => {
  const fake = await FakeDiscord.start({ validator: loadDiscordOpenApi() });
  t.after(() => fake.stop());
  const result = await deployCommands({ config: testConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, GUILD_ID: fake.guildId }) });
  assert.deepEqual(result, {
    scope: 'guild',
    applicationId: fake.applicationId,
    commands: ['ask', 'summary', 'quiz', 'leaderboard', 'review', 'timeline', 'who', 'studyguide', 'passage', 'library', 'about', 'help', 'reindex'],
  });
  const put = fake.requests.find((request) => request.method === 'PUT');
  assert.equal(put?.path, `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
  assert.equal(put?.headers.authorization, `Bot ${fake.token}`);
  const reindex = (put?.body as { name: string; default_member_permissions?: number; contexts?: number[] }[]).find((command) => command.name === 'reindex');
  assert.equal(reindex?.default_member_permissions, 32, 'hidden from members without Manage Server by default');
  assert.deepEqual(reindex?.contexts, [0], 'servers only');
  assertValidRequests(fake);
});

test('GIVEN no GUILD_ID THEN the CLI registers the commands globally and says they may take a while', async (t) => {
  const fake = await FakeDiscord.start({ validator: loadDiscordOpenApi() });
  t.after(() => fake.stop());
  const child = spawn(process.execPath, [...footnoteCommand(), 'deploy-commands'], {
    cwd: repositoryRoot,
    env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, GUILD_ID: '' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
  assert.match(stdout, /Registered 13 commands globally/);
  assert.equal(fake.registeredCommands.get('global')?.length, slashCommands.length);
  assertValidRequests(fake);
});

test('GIVEN `footnote start` with DISCORD_TOKEN THEN it connects, answers, and on SIGTERM finishes and exits 0', async (t) => {
  const validator = loadDiscordOpenApi();
  if (validator === undefined) t.diagnostic(discordSpecMissingMessage);
  const fake = await FakeDiscord.start({ validator });
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-start-'));
  t.after(async () => {
    await fake.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  const child = spawn(process.execPath, [...footnoteCommand(), 'start'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      FOOTNOTE_DB: path.join(folder, 'footnote.sqlite'),
      LOG_LEVEL: 'info',
      COOLDOWN_SECONDS: '0',
    },
  });
  if (child.pid !== undefined) fake.watchProcess(child.pid);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  t.after(() => child.kill('SIGKILL'));

  await fake.waitFor(() => fake.identifyCount === 1 && stderr.includes('connected to Discord'), { timeoutMs: 60_000, what: 'the bot to connect' });
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const edit = await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(interaction.token));
  assert.match(embedText(edit.body as Record<string, unknown>), /accused of facilitating Russian intelligence activities in Baku/);

  child.kill('SIGTERM');
  assert.equal(await exited, 0, stderr);
  assert.match(stderr, /"message":"shutting down","component":"discord"|"message":"shutting down"/);
  assert.match(stderr, /disconnected from Discord/);
  assert.ok(!stderr.includes(fake.token), 'the token never reaches the log');
  assertValidRequests(fake);
});
