/**
 * Issue #16, bots on one PostgreSQL database (started once for this file): two bots on two shards of one
 * (fake) Discord, where Discord sends each server's events to the shard that owns it, `(guild_id >> 22) %
 * shards`, so each bot must answer exactly the servers of its shard; and a database restart under a running
 * bot, which keeps answering, says what it could not save, and reconnects.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openStores, type Stores } from '../../src/cli/open-stores.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { silentLogger } from '../../src/logger.js';
import { loadDiscordOpenApi } from '../fakes/discord-openapi.js';
import { FakeDiscord, type FakeMessage } from '../fakes/fake-discord.js';
import { shardOfGuild } from '../fakes/gateway-sessions.js';
import { stopTestPostgres, testPostgres } from '../helpers/test-postgres.js';
import { assertValidRequests, customIds, embedText, realEngine, testConfig, waitForAnswer } from './bot-harness.js';

const postgres = await testPostgres();
after(() => stopTestPostgres());

/** Guild ids whose shard (of 2) is known: the shard is the id's millisecond part modulo 2. */
function guildIds(count: number): string[] {
  const base = BigInt(Date.now() - 1_420_070_400_000);
  return Array.from({ length: count }, (_, index) => ((base + BigInt(index)) << 22n).toString());
}

test(
  'GIVEN two bots on shards 0 and 1 of 2 and one database THEN each answers only the servers its shard owns, each once',
  { skip: 'problem' in postgres ? postgres.problem : false },
  async (t) => {
    if ('problem' in postgres) return;
    const fake = await FakeDiscord.start({ validator: loadDiscordOpenApi() });
    const databaseUrl = await postgres.createDatabase();
    const engine = await realEngine();
    const running: { bot: Bot; stores: Stores }[] = [];
    t.after(async () => {
      for (const { bot, stores } of running) {
        await bot.stop({ timeoutMs: 2_000 });
        await stores.close();
      }
      await fake.stop();
    });
    for (const shard of [0, 1]) {
      const config = testConfig({
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        SHARD_COUNT: '2',
        SHARD_IDS: String(shard),
        DATABASE_URL: databaseUrl,
      });
      const stores = await openStores(config, silentLogger);
      let answers = 0;
      const bot = await startBot({
        config,
        engine,
        feedback: stores.feedback,
        study: stores.study,
        logger: silentLogger,
        newId: () => `shard${shard}-${(answers += 1)}`,
        rest: { globalRequestsPerSecond: 10_000, offset: 0 },
      });
      running.push({ bot, stores });
    }
    assert.deepEqual([...fake.sessions.identified].sort(), [
      [0, 2],
      [1, 2],
    ]);

    const guilds = guildIds(4);
    const asks = guilds.map((guildId) => ({
      guildId,
      interaction: fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' }, guildId }),
    }));
    for (const { guildId, interaction } of asks) {
      const { original } = await waitForAnswer(fake, interaction);
      const owner = shardOfGuild(guildId, 2);
      const votes = customIds(original).filter((id) => id.startsWith('fn:v:'));
      assert.ok(votes.length > 0, 'the answer carries vote buttons');
      assert.ok(
        votes.every((id) => id.includes(`:shard${owner}-`)),
        `guild ${guildId} (shard ${owner}) was answered by ${votes.join(', ')}`,
      );
      const callbacks = fake.requestsFor(interaction).filter((request) => request.path.endsWith('/callback'));
      assert.equal(callbacks.length, 1, 'one acknowledgement per interaction: no other process answered it');
    }
    assert.deepEqual(new Set(guilds.map((guildId) => shardOfGuild(guildId, 2))), new Set([0, 1]), 'both shards had servers to answer');

    // What one process saved, the other reads: every answer is in the one database, each once.
    const [first] = running;
    assert.ok(first?.stores.postgres);
    const saved = await first.stores.postgres.pool.query<{ guild_id: string; id: string }>('SELECT guild_id, id FROM answers ORDER BY guild_id');
    assert.deepEqual(
      saved.rows.map((row) => [row.guild_id, row.id.slice(0, 6)]),
      [...guilds].sort().map((guildId) => [guildId, `shard${shardOfGuild(guildId, 2)}`]),
    );
    assertValidRequests(fake);
  },
);

test(
  'GIVEN a bot on PostgreSQL WHEN the database restarts THEN it keeps answering, says votes could not be saved, and saves again once it is back',
  { skip: 'problem' in postgres ? postgres.problem : false },
  async (t) => {
    if ('problem' in postgres) return;
    const fake = await FakeDiscord.start({ validator: loadDiscordOpenApi() });
    const config = testConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATABASE_URL: await postgres.createDatabase() });
    const stores = await openStores(config, silentLogger);
    const bot = await startBot({
      config,
      engine: await realEngine(),
      feedback: stores.feedback,
      study: stores.study,
      logger: silentLogger,
      rest: { globalRequestsPerSecond: 10_000, offset: 0 },
    });
    t.after(async () => {
      await bot.stop({ timeoutMs: 2_000 });
      await stores.close();
      await fake.stop();
    });
    const ask = async () => {
      const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
      return (await waitForAnswer(fake, interaction)).original;
    };
    const voteButton = (message: Record<string, unknown>) => customIds(message).find((id) => id.startsWith('fn:v:up:'));

    const before = await ask();
    const savedVote = voteButton(before);
    assert.ok(savedVote, 'answers are saved for votes while the database is up');

    await postgres.server.stop();
    const during = await ask();
    assert.match(embedText(during), /accused of facilitating Russian intelligence activities in Baku/u, 'still answered from the local index');
    assert.match(embedText(during), /Votes are off for this answer: the feedback database could not save the answer/u);
    assert.equal(voteButton(during), undefined, 'no vote button for an answer that was not saved');

    await postgres.server.start();
    const after = await ask();
    assert.ok(voteButton(after), 'saved again once the database is back');
    // The answer saved before the restart is still there: a vote on it is recorded.
    const message = fake.messages.findLast((candidate) => customIds(candidate).includes(savedVote)) as FakeMessage;
    const click = fake.clickButton({ customId: savedVote, message });
    const reply = await fake.waitForRequest((request) => request.path.endsWith(`/${click.token}/callback`));
    assert.match(JSON.stringify(reply.body), /your 👍 is noted/u);
    assertValidRequests(fake);
  },
);
