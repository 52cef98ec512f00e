/**
 * `npm run load-test -- --shards 4 --processes 2` (issue #16): the same /ask load answered by one bot process
 * running every shard, then by N processes splitting the shards, all on one PostgreSQL database (embedded,
 * started here) and one fake Discord that sends each server's events to the shard that owns it. Reports
 * answers per second, p50/p99 answer latency and lost interactions for each, and the throughput ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeDiscord, type SentInteraction } from '../fakes/fake-discord.js';
import { shardOfGuild } from '../fakes/gateway-sessions.js';
import { stopTestPostgres, testPostgres } from '../helpers/test-postgres.js';
import { AnswerTracker, percentile, readers } from './load-driver.js';
import { loadQuestions } from './load-questions.js';
import { startBotProcess, type BotProcess } from './start-bot-process.js';

export interface ScaleLoadOptions {
  readonly shards: number;
  readonly processes: number;
  readonly asks: number;
  readonly servers: number;
  /** Asks waiting for their answer at once. */
  readonly inFlight: number;
  readonly progress: (line: string) => void;
}

export interface ScaleRun {
  readonly processes: number;
  readonly shards: number;
  readonly asks: number;
  readonly answered: number;
  /** Never answered: no edit of the deferred reply arrived. */
  readonly lost: number;
  /** Answered, but by the wrong process or twice: more than one acknowledgement. */
  readonly answeredTwice: number;
  readonly seconds: number;
  readonly answersPerSecond: number;
  readonly answerMs: { readonly p50: number; readonly p99: number };
  /** Servers per shard, as Discord assigns them. */
  readonly serversPerShard: readonly number[];
}

/** Server ids spread evenly over the shards: a snowflake's shard is its millisecond part modulo the count. */
function serverIds(count: number): string[] {
  const base = BigInt(Date.now() - 1_420_070_400_000);
  return Array.from({ length: count }, (_, index) => ((base + BigInt(index)) << 22n).toString());
}

/** Shard ids for process `index` of `processes`: every processes-th shard. */
export function shardsOfProcess(index: number, processes: number, shards: number): number[] {
  return Array.from({ length: shards }, (_, shard) => shard).filter((shard) => shard % processes === index);
}

async function drive(
  fake: FakeDiscord,
  options: ScaleLoadOptions,
  servers: readonly string[],
): Promise<Omit<ScaleRun, 'processes' | 'shards' | 'serversPerShard'>> {
  const tracker = new AnswerTracker(fake);
  const members = readers(50);
  const pending = new Set<SentInteraction>();
  const sent: SentInteraction[] = [];
  const send = () => {
    const index = sent.length;
    const interaction = fake.sendSlashCommand({
      name: 'ask',
      options: { question: loadQuestions[index % loadQuestions.length] ?? '' },
      user: members[index % members.length] ?? fake.member,
      guildId: servers[index % servers.length] ?? fake.guildId,
    });
    sent.push(interaction);
    pending.add(interaction);
  };
  while (sent.length < Math.min(options.inFlight, options.asks)) send();
  await fake
    .waitFor(
      () => {
        tracker.update();
        for (const interaction of pending) {
          if (!tracker.answers.has(interaction.token)) continue;
          pending.delete(interaction);
          if (sent.length < options.asks) send();
        }
        if (sent.length % 100 === 0 && pending.size === options.inFlight) options.progress(`${sent.length} asks sent`);
        return pending.size === 0 && sent.length === options.asks;
      },
      { timeoutMs: 120_000, what: `${options.asks} answers` },
    )
    .catch(() => undefined);
  tracker.update();
  const answerMs = sent.flatMap((interaction) => {
    const answer = tracker.answers.get(interaction.token);
    return answer === undefined ? [] : [answer.at - interaction.dispatchedAt];
  });
  const callbacks = new Map<string, number>();
  for (const request of fake.requests) {
    const token = /^\/interactions\/\d+\/([^/]+)\/callback$/u.exec(request.path)?.[1];
    if (token !== undefined) callbacks.set(token, (callbacks.get(token) ?? 0) + 1);
  }
  const first = sent[0]?.dispatchedAt ?? Date.now();
  const last = Math.max(...sent.map((interaction) => tracker.answers.get(interaction.token)?.at ?? 0));
  const seconds = (last - first) / 1000;
  return {
    asks: sent.length,
    answered: answerMs.length,
    lost: sent.length - answerMs.length,
    answeredTwice: sent.filter((interaction) => (callbacks.get(interaction.token) ?? 0) > 1).length,
    seconds: Math.round(seconds * 10) / 10,
    answersPerSecond: Math.round((answerMs.length / seconds) * 10) / 10,
    answerMs: { p50: percentile(answerMs, 0.5), p99: percentile(answerMs, 0.99) },
  };
}

async function runOnce(options: ScaleLoadOptions, processes: number, databaseUrl: string): Promise<ScaleRun> {
  const fake = await FakeDiscord.start({ maxConcurrency: 16 });
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-scale-load-'));
  const bots: BotProcess[] = [];
  try {
    options.progress(`starting ${processes} process(es) for ${options.shards} shards`);
    const started = await Promise.all(
      Array.from({ length: processes }, (_, index) =>
        startBotProcess(fake, folder, {
          SHARD_COUNT: String(options.shards),
          SHARD_IDS: shardsOfProcess(index, processes, options.shards).join(','),
          DATABASE_URL: databaseUrl,
          COOLDOWN_SECONDS: '0',
          SERVER_QUESTIONS_PER_MINUTE: '0',
        }),
      ),
    );
    bots.push(...started);
    const servers = serverIds(options.servers);
    // Warm each process up (first answers load lazily) before measuring.
    await drive(fake, { ...options, asks: 4 * options.shards, inFlight: options.shards }, servers);
    options.progress(`${options.asks} asks over ${options.servers} servers, ${options.inFlight} in flight`);
    const measured = await drive(fake, options, servers);
    const serversPerShard = Array.from({ length: options.shards }, (_, shard) => servers.filter((id) => shardOfGuild(id, options.shards) === shard).length);
    return { processes, shards: options.shards, serversPerShard, ...measured };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await fake.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function runScaleLoad(options: ScaleLoadOptions): Promise<{ readonly single: ScaleRun; readonly sharded: ScaleRun; readonly ratio: number }> {
  const postgres = await testPostgres();
  if ('problem' in postgres) throw new Error(postgres.problem);
  try {
    const single = await runOnce(options, 1, await postgres.createDatabase());
    const sharded = await runOnce(options, options.processes, await postgres.createDatabase());
    return { single, sharded, ratio: Math.round((sharded.answersPerSecond / single.answersPerSecond) * 100) / 100 };
  } finally {
    await stopTestPostgres();
  }
}
