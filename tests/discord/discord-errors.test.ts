import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { startBot } from '../../src/discord/bot.js';
import { silentLogger } from '../../src/logger.js';
import { asyncFeedbackStore, openFeedbackStore } from '../../src/storage/feedback-store.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { realEngine, startHarness, testConfig } from './bot-harness.js';
import { temporaryFolder } from '../helpers/test-config.js';

/** A port nothing listens on: connecting is refused at once, as when Discord cannot be reached. */
const unreachable = 'http://127.0.0.1:9';

test('GIVEN deploy-commands and a token Discord refuses (401) THEN one sentence says to copy the token again', async (t) => {
  const fake = await FakeDiscord.start();
  t.after(() => fake.stop());
  fake.failNext({ path: /^\/applications\/@me$/, status: 401 });
  await assert.rejects(deployCommands({ config: testConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }) }), {
    message: /^Discord refused DISCORD_TOKEN \(401 Unauthorized\): copy the bot token again from the developer portal/,
  });
});

test('GIVEN deploy-commands for a server the bot is not in (403 Missing Access) THEN it says to invite the bot or fix GUILD_ID', async (t) => {
  const fake = await FakeDiscord.start();
  t.after(() => fake.stop());
  fake.failNext({ method: 'PUT', path: /\/guilds\/\d+\/commands$/, status: 403 });
  await assert.rejects(deployCommands({ config: testConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, GUILD_ID: fake.guildId }) }), {
    message: new RegExp(`403 Missing Access for server ${fake.guildId}: invite the bot to that server first .* or fix GUILD_ID`),
  });
  assert.equal(fake.registeredCommands.size, 0, 'nothing was registered');
});

test('GIVEN Discord cannot be reached THEN deploy-commands and start both say so and what to check', async (t) => {
  const config = testConfig({ DISCORD_TOKEN: 'MTIz.unreachable.token', DISCORD_API_URL: unreachable });
  await assert.rejects(deployCommands({ config, rest: { retries: 0 } }), {
    message:
      /^Discord could not be reached at 127\.0\.0\.1:9 \(ECONNREFUSED\): check the internet connection, a proxy or firewall, and DISCORD_API_URL, then run npx footnote deploy-commands again\.$/,
  });
  const data = temporaryFolder('unreachable');
  const feedback = openFeedbackStore({ file: `${data.path}/footnote.sqlite` });
  t.after(() => {
    feedback.close();
    data.remove();
  });
  await assert.rejects(startBot({ config, engine: await realEngine(), feedback: asyncFeedbackStore(feedback), logger: silentLogger, rest: { retries: 0 } }), {
    message: /^Discord could not be reached at 127\.0\.0\.1:9 \(ECONNREFUSED\): .* then run npm start again\.$/,
  });
});

test('GIVEN a mention in a channel where the bot may not post (50013) THEN the log says which permissions to give, in one line', async (t) => {
  const { fake, logs } = await startHarness(t);
  fake.failNext({ method: 'POST', path: /\/threads$/, status: 403, code: 50013 });
  fake.failNext({ method: 'POST', path: /\/messages$/, status: 403, code: 50013, times: 5 });
  fake.sendUserMessage({ content: `<@${fake.botUser.id}> Why did Baku close the Russian House?` });
  const line = await fake.waitFor(() => logs.find((entry) => entry.includes('mention reply failed')), { what: 'the failure in the log' });
  assert.match(
    line,
    new RegExp(`bot lacks a permission in channel ${fake.channelId} \\(50013 Missing Permissions\\): give its role View Channel, Send Messages`),
  );
  assert.ok(logs.some((entry) => entry.includes('could not start a thread') && entry.includes('50013 Missing Permissions')));
});
