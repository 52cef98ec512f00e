/**
 * `npm run load-test -- --shards 4 --processes 2` (issue #16): the same /ask load answered by one bot process
 * running every shard, then by N processes splitting the shards, all on one PostgreSQL database (embedded,
 * started here) and one fake Discord that sends each server's events to the shard that owns it. Reports
 * answers per second, p50/p99 answer latency and lost interactions for each, and the throughput ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { FakeDiscord, type SentInteraction } from '../fakes/fake-discord.js';
import { shardOfGuild } from '../fakes/gateway-sessions.js';
import pg from 'pg';
import { stopTestPostgres, testPostgres } from '../helpers/test-postgres.js';
import { cpuBetween, loadAverage, snapshot, type CpuUse } from './cpu-accounting.js';
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
  /**
   * Asks answered per process before measuring, so that start-up and V8's warm-up are not counted: V8 keeps
   * compiling newly hot functions on its own threads for the first few thousand answers (over 1 ms of CPU per
   * answer after 600, a third of a millisecond after 4,000).
   */
  readonly warmUp: number;
  /** Runs of each layout, alternated (1, P, 1, P…), so that a change in the machine's load falls on both. */
  readonly repeats: number;
  /** Flags for the bots' node (none by default: as `footnote start` runs). */
  readonly botNodeFlags?: readonly string[];
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
  /** The 1-minute load average when the measured part started and ended. */
  readonly loadAverage: { readonly before: number; readonly after: number };
  /** CPU-milliseconds per answer, by component (undefined off Linux). */
  readonly cpuMsPerAnswer: CpuPerAnswer | undefined;
  /** Answers per CPU-second of the bot processes (all their threads): throughput with the machine's crowding taken out. */
  readonly answersPerBotCpuSecond: number | undefined;
  /** SQL statements the bots sent per answer (BEGIN and COMMIT included), and the most frequent ones. */
  readonly statementsPerAnswer: number | undefined;
  readonly statements: readonly { readonly calls: number; readonly query: string }[];
}

export interface CpuPerAnswer {
  readonly botMain: number;
  readonly botOther: number;
  readonly harness: number;
  readonly postgres: number;
  /** How long the bots' main threads waited for a CPU, per answer. */
  readonly botMainWait: number;
  /** Busy cores of the machine spent by other work, on average over the run. */
  readonly otherBusyCores: number;
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
): Promise<Pick<ScaleRun, 'asks' | 'answered' | 'lost' | 'answeredTwice' | 'seconds' | 'answersPerSecond' | 'answerMs'>> {
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

const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

function perAnswer(use: CpuUse | undefined, answered: number): CpuPerAnswer | undefined {
  if (use === undefined || answered === 0) return undefined;
  return {
    botMain: round(use.botMainMs / answered, 2),
    botOther: round(use.botOtherMs / answered, 2),
    harness: round(use.harnessMs / answered, 2),
    postgres: round(use.postgresMs / answered, 2),
    botMainWait: round(use.botMainWaitMs / answered, 2),
    otherBusyCores: round(use.otherMs / 1000 / use.wallSeconds, 2),
  };
}

/** The database's statement counts (pg_stat_statements, loaded by runScaleLoad), reset before the measured part. */
async function statementCounter(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return {
    async reset() {
      await client.query('SELECT pg_stat_statements_reset()');
    },
    async read(): Promise<{ calls: number; query: string }[]> {
      const { rows } = await client.query<{ calls: string; query: string }>(
        `SELECT calls, query FROM pg_stat_statements JOIN pg_database ON pg_database.oid = dbid
         WHERE datname = current_database() AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC`,
      );
      return rows.map((row) => ({ calls: Number(row.calls), query: row.query.replace(/\s+/g, ' ').slice(0, 120) }));
    },
    close: () => client.end(),
  };
}

async function runOnce(options: ScaleLoadOptions, processes: number, databaseUrl: string): Promise<ScaleRun> {
  const fake = await FakeDiscord.start({ maxConcurrency: 16 });
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-scale-load-'));
  const bots: BotProcess[] = [];
  const statements = await statementCounter(databaseUrl);
  try {
    options.progress(`starting ${processes} process(es) for ${options.shards} shards`);
    const started = await Promise.all(
      Array.from({ length: processes }, (_, index) =>
        startBotProcess(
          fake,
          folder,
          {
            SHARD_COUNT: String(options.shards),
            SHARD_IDS: shardsOfProcess(index, processes, options.shards).join(','),
            DATABASE_URL: databaseUrl,
            COOLDOWN_SECONDS: '0',
            SERVER_QUESTIONS_PER_MINUTE: '0',
          },
          options.botNodeFlags,
        ),
      ),
    );
    bots.push(...started);
    const servers = serverIds(options.servers);
    // Warm each process up (first answers load lazily, V8 compiles the hot code) before measuring.
    options.progress(`warming up: ${options.warmUp} asks per process`);
    await drive(fake, { ...options, asks: Math.max(4 * options.shards, options.warmUp * processes) }, servers);
    options.progress(`${options.asks} asks over ${options.servers} servers, ${options.inFlight} in flight`);
    await statements.reset();
    const loadBefore = loadAverage()[0] ?? Number.NaN;
    const before = snapshot(bots.map((bot) => bot.pid));
    const measured = await drive(fake, options, servers);
    const after = snapshot(bots.map((bot) => bot.pid));
    const loadAfter = loadAverage()[0] ?? Number.NaN;
    const counted = await statements.read();
    const use = cpuBetween(before, after);
    const serversPerShard = Array.from({ length: options.shards }, (_, shard) => servers.filter((id) => shardOfGuild(id, options.shards) === shard).length);
    const calls = counted.reduce((sum, statement) => sum + statement.calls, 0);
    return {
      processes,
      shards: options.shards,
      serversPerShard,
      ...measured,
      loadAverage: { before: loadBefore, after: loadAfter },
      cpuMsPerAnswer: perAnswer(use, measured.answered),
      answersPerBotCpuSecond: use === undefined ? undefined : round(measured.answered / ((use.botMainMs + use.botOtherMs) / 1000)),
      statementsPerAnswer: measured.answered === 0 ? undefined : round(calls / measured.answered, 2),
      statements: counted.slice(0, 8),
    };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await fake.stop();
    await statements.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface ScaleSummary {
  readonly single: readonly ScaleRun[];
  readonly sharded: readonly ScaleRun[];
  /** Median answers/s of P processes over the median of one. */
  readonly ratio: number;
  /** The same for answers per bot CPU-second: below 1 when P processes spend more CPU per answer than one. */
  readonly cpuNormalisedRatio: number | undefined;
  /**
   * What the ratio would be on this machine with nothing else running, from the CPU each answer cost: one
   * process answers at most one answer per main-thread time, and all of them at most `cores` CPU-seconds
   * per second over the CPU per answer of every component (bots, harness, database).
   */
  readonly projectedRatio: number | undefined;
  /** The same without the harness's CPU: Discord on other machines, as in production. */
  readonly projectedRatioDiscordElsewhere: number | undefined;
}

/** Answers per second the CPU allows: each process's main thread is one core at most, all of them `cores`. */
function ceiling(runs: readonly ScaleRun[], processes: number, cores: number, withHarness: boolean): number | undefined {
  const costs = runs.flatMap((run) => (run.cpuMsPerAnswer === undefined ? [] : [run.cpuMsPerAnswer]));
  if (costs.length === 0) return undefined;
  const main = median(costs.map((cost) => cost.botMain));
  const total = median(costs.map((cost) => cost.botMain + cost.botOther + cost.postgres + (withHarness ? cost.harness : 0)));
  return Math.min((processes * 1000) / main, (cores * 1000) / total);
}

function projected(single: readonly ScaleRun[], sharded: readonly ScaleRun[], processes: number, withHarness: boolean): number | undefined {
  const cores = availableParallelism();
  const one = ceiling(single, 1, cores, withHarness);
  const many = ceiling(sharded, processes, cores, withHarness);
  return one === undefined || many === undefined ? undefined : round(many / one, 2);
}

export async function runScaleLoad(options: ScaleLoadOptions): Promise<ScaleSummary> {
  const postgres = await testPostgres(['-c', 'shared_preload_libraries=pg_stat_statements']);
  if ('problem' in postgres) throw new Error(postgres.problem);
  const single: ScaleRun[] = [];
  const sharded: ScaleRun[] = [];
  try {
    for (let repeat = 0; repeat < options.repeats; repeat += 1) {
      single.push(await runOnce(options, 1, await postgres.createDatabase()));
      options.progress(`1 process: ${single.at(-1)?.answersPerSecond} answers/s`);
      sharded.push(await runOnce(options, options.processes, await postgres.createDatabase()));
      options.progress(`${options.processes} processes: ${sharded.at(-1)?.answersPerSecond} answers/s`);
    }
  } finally {
    await stopTestPostgres();
  }
  const ratioOf = (pick: (run: ScaleRun) => number | undefined) => {
    const one = median(single.flatMap((run) => pick(run) ?? []));
    const many = median(sharded.flatMap((run) => pick(run) ?? []));
    return Number.isFinite(one) && Number.isFinite(many) ? round(many / one, 2) : undefined;
  };
  return {
    single,
    sharded,
    ratio: ratioOf((run) => run.answersPerSecond) ?? Number.NaN,
    cpuNormalisedRatio: ratioOf((run) => run.answersPerBotCpuSecond),
    projectedRatio: projected(single, sharded, options.processes, true),
    projectedRatioDiscordElsewhere: projected(single, sharded, options.processes, false),
  };
}
