/**
 * Issue #16, in `npm run test:load` (three bot processes and a PostgreSQL server; it measures a takeover time):
 * two bot processes on shards 0 and 1 of one (fake) Discord and one database. The shard-0 process is SIGKILLed;
 * every answer and vote it had committed is still in the database, shard 1 keeps being answered, and the process
 * that takes shard 0 over answers its servers, and the votes on the killed process's answers, within 30 s of
 * identifying for the shard.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, test } from 'node:test';
import { openPostgres } from '../../src/database/postgres.js';
import { silentLogger } from '../../src/logger.js';
import { customIds, waitForAnswer } from '../discord/bot-harness.js';
import { loadDiscordOpenApi } from '../fakes/discord-openapi.js';
import { FakeDiscord, type FakeMessage } from '../fakes/fake-discord.js';
import { shardOfGuild } from '../fakes/gateway-sessions.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { stopTestPostgres, testPostgres } from '../helpers/test-postgres.js';
import { startBotProcess, type BotProcess } from '../reliability/start-bot-process.js';

const postgres = await testPostgres();
after(() => stopTestPostgres());

const TAKEOVER_MS = 30_000;
const question = 'Why did Baku close the Russian House?';

/** Guild ids of both shards of 2 (the shard is the id's millisecond part modulo 2). */
function guildIds(count: number): string[] {
  const base = BigInt(Date.now() - 1_420_070_400_000);
  return Array.from({ length: count }, (_, index) => ((base + BigInt(index)) << 22n).toString());
}

test(
  'GIVEN two bot processes on shards 0 and 1 WHEN the shard-0 process is SIGKILLed THEN no committed row is lost and the process taking shard 0 answers its servers within 30 s',
  { skip: 'problem' in postgres ? postgres.problem : false },
  async (t) => {
    if ('problem' in postgres) return;
    const fake = await FakeDiscord.start({ validator: loadDiscordOpenApi() });
    const folder = temporaryFolder('shard-takeover');
    const databaseUrl = await postgres.createDatabase();
    const database = await openPostgres({ url: databaseUrl, logger: silentLogger });
    const processes: BotProcess[] = [];
    t.after(async () => {
      for (const bot of processes) await bot.stop();
      await database.close();
      await fake.stop();
      folder.remove();
    });
    const onShard = async (shard: number) => {
      const bot = await startBotProcess(fake, folder.path, { SHARD_COUNT: '2', SHARD_IDS: String(shard), DATABASE_URL: databaseUrl });
      processes.push(bot);
      return bot;
    };
    const ask = async (guildId: string) => {
      const interaction = fake.sendSlashCommand({ name: 'ask', options: { question }, guildId });
      const { original } = await waitForAnswer(fake, interaction);
      const vote = customIds(original).find((id) => id.startsWith('fn:v:up:'));
      assert.ok(vote, `guild ${guildId} was answered, with a vote button: the answer is saved`);
      return vote;
    };
    const voteOn = async (voteId: string, guildId: string, user: FakeMessage['author']) => {
      const message = fake.messages.findLast((candidate) => customIds(candidate).includes(voteId)) as FakeMessage;
      const click = fake.clickButton({ customId: voteId, message, guildId, user });
      const reply = await fake.waitForRequest((request) => request.path.endsWith(`/${click.token}/callback`));
      assert.match(JSON.stringify(reply.body), /your 👍 is noted/u);
    };
    const rows = async () => ({
      answers: (await database.pool.query<{ id: string }>('SELECT id FROM answers ORDER BY id')).rows.map((row) => row.id),
      feedback: (await database.pool.query<{ answer_id: string; user_id: string }>('SELECT answer_id, user_id FROM feedback ORDER BY answer_id, user_id')).rows,
    });

    const shardZero = await onShard(0);
    await onShard(1);
    const guilds = guildIds(6);
    const ofShard = (shard: number) => guilds.filter((guildId) => shardOfGuild(guildId, 2) === shard);
    assert.ok(ofShard(0).length > 0 && ofShard(1).length > 0);

    // Each process answers its servers; one answer of shard 0 gets a vote. All of it is committed before the kill.
    const votes = new Map<string, string>();
    for (const guildId of guilds) votes.set(guildId, await ask(guildId));
    const [firstOfZero] = ofShard(0) as [string];
    await voteOn(votes.get(firstOfZero) ?? '', firstOfZero, fake.member);
    const committed = await rows();
    assert.equal(committed.answers.length, guilds.length);
    assert.equal(committed.feedback.length, 1);

    const killedAt = performance.now();
    await shardZero.kill();
    // Shard 1 is not held up by it.
    await ask(ofShard(1)[0] ?? '');

    // The shard moves: a process identifies for it (the one a supervisor starts, or another machine's).
    await onShard(0);
    const movedAt = performance.now();
    for (const guildId of ofShard(0)) await ask(guildId);
    // A vote on an answer the killed process gave is read from the database by the new owner.
    await voteOn(votes.get(firstOfZero) ?? '', firstOfZero, fake.moderator);
    const takeoverMs = performance.now() - movedAt;
    t.diagnostic(
      `shard 0 answered again ${Math.round(takeoverMs)} ms after its new process identified (${Math.round(performance.now() - killedAt)} ms after the kill)`,
    );
    assert.ok(takeoverMs <= TAKEOVER_MS, `took ${Math.round(takeoverMs)} ms`);

    const now = await rows();
    for (const id of committed.answers) assert.ok(now.answers.includes(id), `answer ${id}, committed before the kill, is still there`);
    for (const vote of committed.feedback) assert.ok(now.feedback.some((row) => row.answer_id === vote.answer_id && row.user_id === vote.user_id));
    assert.equal(now.feedback.length, 2, 'the vote before the kill and the one after');
  },
);
