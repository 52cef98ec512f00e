/**
 * `npm run load-test`: footnote under load, measured through the fake Discord with the real bot in a process
 * of its own (production REST settings, real engine, real SQLite), the way `footnote start` runs it.
 *
 *   1. burst: N members send /ask in the same instant (production rate limits) — lost, late, latency, memory
 *   2. soak over the wire: M asks, a few in flight at a time — throughput and the bot's heap after GC
 *   3. soak in process: the /ask command M times in a row (what `npm test` checks) — heap after GC
 *   4. optional (--ingest-mb 50): `footnote ingest --force` of one generated document of that size
 *
 * With --shards S --processes P (issue #16) it measures scale-out instead (tests/reliability/scale-load.ts): --asks
 * (1000) /ask over --servers (200) servers, answered by one process running all S shards and then by P
 * processes splitting them, on one embedded PostgreSQL database; exit code 1 if an interaction was lost. Each
 * layout runs --repeats (3) times, alternated, each after --warm-up (3000) asks per process that are not counted; with the
 * answers/s it reports where the CPU went per answer (tests/reliability/cpu-accounting.ts) and the SQL statements
 * per answer. --bot-node-flags "…" starts the bots' node with those flags (V8 experiments).
 *
 * Options: --burst 200 --soak 5000 --in-flight 10 --settle 65 (seconds to wait for the REST handler sweep after
 * the wire soak; 0 skips) --ingest-mb 0 --json. Exit code 1 if an interaction was lost
 * or acknowledged too late.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine } from '../src/benchmark/machine.js';
import { FakeDiscord } from '../tests/fakes/fake-discord.js';
import { repositoryRoot } from '../tests/discord/bot-harness.js';
import { writeBigDocument } from '../tests/reliability/big-document.js';
import { interactionDeadlineMs, percentile, sendBurst, sendSoak } from '../tests/reliability/load-driver.js';
import { startBotProcess } from '../tests/reliability/start-bot-process.js';
import type { SoakReport } from '../tests/reliability/soak-process.js';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '200' },
    soak: { type: 'string', default: '5000' },
    'in-flight': { type: 'string', default: '10' },
    'ingest-mb': { type: 'string', default: '0' },
    settle: { type: 'string', default: '65' },
    json: { type: 'boolean', default: false },
    shards: { type: 'string' },
    processes: { type: 'string', default: '2' },
    asks: { type: 'string', default: '1000' },
    servers: { type: 'string', default: '200' },
    'warm-up': { type: 'string', default: '3000' },
    repeats: { type: 'string', default: '3' },
    'bot-node-flags': { type: 'string', default: '' },
  },
});
const burstSize = Number(values.burst);
const soakSize = Number(values.soak);
const inFlight = Number(values['in-flight']);
const ingestMegabytes = Number(values['ingest-mb']);
const settleSeconds = Number(values.settle);
const targetP99Ms = 1_000;
const mebibytes = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const signed = (value: number) => `${value >= 0 ? '+' : ''}${value}`;
const progress = (line: string) => {
  if (!values.json) process.stderr.write(`  … ${line}\n`);
};

async function runBurst(folder: string) {
  const fake = await FakeDiscord.start();
  try {
    // Production limits: 3 s per member, 300 questions a minute per server. Each member asks once.
    const bot = await startBotProcess(fake, folder, { COOLDOWN_SECONDS: '3', SERVER_QUESTIONS_PER_MINUTE: '' });
    let measured;
    try {
      await sendSoak(fake, { asks: 20, members: 20, inFlight: 20 });
      const before = await bot.measure();
      progress(`burst of ${burstSize}`);
      measured = { before, ...(await sendBurst(fake, { count: burstSize, timeoutMs: 300_000 })), after: await bot.measure() };
    } finally {
      await bot.stop();
    }
    const { before, after, timings, seconds } = measured;
    const deferrals = timings.flatMap((timing) => (timing.deferralMs === undefined ? [] : [timing.deferralMs]));
    const answers = timings.flatMap((timing) => (timing.answerMs === undefined ? [] : [timing.answerMs]));
    return {
      sent: timings.length,
      answered: answers.length,
      lost: timings.length - answers.length,
      lateDeferrals: timings.filter((timing) => timing.deferralStatus !== 204 || (timing.deferralOwnMs ?? Infinity) > interactionDeadlineMs).length,
      answersToAnotherQuestion: timings.filter((timing) => timing.answerMs !== undefined && !timing.answersItsQuestion).length,
      deferralMs: { p50: percentile(deferrals, 0.5), p99: percentile(deferrals, 0.99), max: Math.max(...deferrals) },
      answerMs: { p50: percentile(answers, 0.5), p99: percentile(answers, 0.99), max: Math.max(...answers) },
      seconds,
      answersPerSecond: Math.round(answers.length / seconds),
      botMemoryMiB: { heapBefore: mebibytes(before.heapUsedBytes), heapAfter: mebibytes(after.heapUsedBytes), rssAfter: mebibytes(after.rssBytes) },
    };
  } finally {
    await fake.stop();
  }
}

const wireWarmUp = Math.min(500, soakSize);

async function runWireSoak(folder: string) {
  const fake = await FakeDiscord.start();
  try {
    // Limits off: 25 members asking back to back would (rightly) be told to wait; this run is about memory.
    const bot = await startBotProcess(fake, folder, { COOLDOWN_SECONDS: '0', SERVER_QUESTIONS_PER_MINUTE: '0' });
    let measured;
    try {
      await sendSoak(fake, { asks: wireWarmUp, members: 25, inFlight });
      const before = await bot.measure();
      progress(`soak over the wire: ${soakSize} asks`);
      const result = await sendSoak(fake, { asks: soakSize, members: 25, inFlight });
      const after = await bot.measure();
      // @discordjs/rest keeps a handler per interaction token until its sweep (every 60 s in footnote's settings).
      if (settleSeconds > 0) progress(`waiting ${settleSeconds} s for the REST handler sweep`);
      await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
      measured = { before, result, after, settled: await bot.measure() };
    } finally {
      await bot.stop();
    }
    const { before, result, after, settled } = measured;
    return {
      ...result,
      inFlight,
      answersPerSecond: Math.round(result.answered / result.seconds),
      botHeapMiB: {
        afterWarmUp: mebibytes(before.heapUsedBytes),
        afterSoak: mebibytes(after.heapUsedBytes),
        growth: mebibytes(after.heapUsedBytes - before.heapUsedBytes),
      },
      restHandlers: { afterSoak: after.restHandlers, settled: settled.restHandlers },
      settled:
        settleSeconds > 0
          ? { afterSeconds: settleSeconds, heapMiB: mebibytes(settled.heapUsedBytes), growth: mebibytes(settled.heapUsedBytes - before.heapUsedBytes) }
          : undefined,
      botRssAfterMiB: mebibytes(after.rssBytes),
    };
  } finally {
    await fake.stop();
  }
}

async function runProcessSoak() {
  progress(`soak in process: ${soakSize} asks`);
  const folder = existsSync('/dev/shm') ? ['--folder', '/dev/shm'] : [];
  const output = await runChild([
    '--expose-gc',
    '--import',
    'tsx',
    'tests/reliability/soak-process.ts',
    '--asks',
    String(soakSize),
    '--warm-up',
    '500',
    ...folder,
  ]);
  const report = JSON.parse(output) as SoakReport;
  return {
    asks: report.asks,
    answered: report.answered,
    savedAnswers: report.savedAnswers,
    seconds: Math.round(report.seconds * 10) / 10,
    asksPerSecond: Math.round(report.asks / report.seconds),
    heapMiB: {
      afterWarmUp: mebibytes(report.heapBeforeBytes),
      afterSoak: mebibytes(report.heapAfterBytes),
      growth: mebibytes(report.heapAfterBytes - report.heapBeforeBytes),
    },
  };
}

async function runIngest(folder: string) {
  const corpus = path.join(folder, 'big-corpus');
  const data = path.join(folder, 'big-data');
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  progress(`writing a ${ingestMegabytes} MB document`);
  const written = await writeBigDocument(path.join(corpus, 'big.txt'), { bytes: ingestMegabytes * 1_000_000 });
  // The CLI's own entry, in a child, so its peak memory is its own.
  const ingest = async (args: readonly string[]) => {
    const measure = `const { main } = await import(${JSON.stringify(path.join(repositoryRoot, 'src/cli/main.ts'))});
const started = performance.now();
const code = await main(${JSON.stringify(['ingest', ...args, '--json'])}, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
process.stdout.write(JSON.stringify({ code, seconds: (performance.now() - started) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\\n');`;
    const output = await runChild(['--import', 'tsx', '--input-type=module', '--eval', measure], {
      FOOTNOTE_CORPUS_DIR: corpus,
      FOOTNOTE_DATA_DIR: data,
      FOOTNOTE_MODEL_DIR: path.join(repositoryRoot, 'data', 'models'),
      LOG_LEVEL: 'warn',
    });
    const lines = output.trim().split('\n');
    const index = JSON.parse(lines.at(-2) ?? '{}') as { chunks: number; bytesOnDisk: number };
    const run = JSON.parse(lines.at(-1) ?? '{}') as { code: number; seconds: number; maxRssBytes: number };
    return {
      passages: index.chunks,
      indexMiB: mebibytes(index.bytesOnDisk),
      seconds: Math.round(run.seconds * 10) / 10,
      peakRssMiB: mebibytes(run.maxRssBytes),
      exitCode: run.code,
    };
  };
  progress('footnote ingest --force');
  const build = await ingest(['--force']);
  // What a restart costs: the saved index is checked and reused, the document parsed again.
  progress('footnote ingest (reusing the index)');
  const reuse = await ingest([]);
  return { documentMB: Math.round(written.bytes / 100_000) / 10, paragraphs: written.paragraphs, build, reuse };
}

function runChild(args: readonly string[], environment: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repositoryRoot, env: { ...process.env, ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    // Progress lines and warnings; shown only when the child fails.
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${args.join(' ').slice(0, 80)} exited with ${code}:\n${stderr}`))));
  });
}

if (values.shards !== undefined) {
  const { runScaleLoad } = await import('../tests/reliability/scale-load.js');
  const scale = await runScaleLoad({
    shards: Number(values.shards),
    processes: Number(values.processes),
    asks: Number(values.asks),
    servers: Number(values.servers),
    inFlight: Number(values['in-flight'] === '10' ? '32' : values['in-flight']),
    warmUp: Number(values['warm-up']),
    repeats: Number(values.repeats),
    botNodeFlags: values['bot-node-flags'].split(/\s+/).filter((flag) => flag !== ''),
    progress,
  });
  const runs = [...scale.single, ...scale.sharded];
  if (values.json) process.stdout.write(`${JSON.stringify({ machine: describeMachine(), ...scale }, null, 2)}\n`);
  else {
    const row = (run: (typeof runs)[number]) =>
      `| ${run.processes} | ${run.answered}/${run.asks} | ${run.lost} | ${run.answeredTwice} | ${run.answersPerSecond} | ${run.answerMs.p50} | ${run.answerMs.p99} | ${run.loadAverage.before} → ${run.loadAverage.after} |`;
    const cpu = (run: (typeof runs)[number]) => {
      const cost = run.cpuMsPerAnswer;
      if (cost === undefined) return `| ${run.processes} | – | – | – | – | – | – | ${run.statementsPerAnswer ?? '–'} |`;
      return `| ${run.processes} | ${cost.botMain} | ${cost.botOther} | ${cost.harness} | ${cost.postgres} | ${cost.botMainWait} | ${cost.otherBusyCores} | ${run.answersPerBotCpuSecond} | ${run.statementsPerAnswer ?? '–'} |`;
    };
    const byProcesses = (left: (typeof runs)[number], right: (typeof runs)[number]) => left.processes - right.processes;
    process.stdout.write(
      [
        `footnote scale-out load test: ${values.asks} /ask over ${values.servers} servers after ${values['warm-up']} warm-up asks per process, ${scale.single.length} run(s) of each layout (servers per shard: ${scale.sharded[0]?.serversPerShard.join(', ')})`,
        '',
        '| processes | answered | lost | answered twice | answers/s | p50 ms | p99 ms | load average |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...[...runs].sort(byProcesses).map(row),
        '',
        'CPU-milliseconds per answer (bot main threads, other bot threads, this process: fake Discord and load generator, PostgreSQL), the',
        "bots' main threads' wait for a CPU per answer, other work on the machine in busy cores, answers per bot CPU-second, SQL statements per answer:",
        '',
        '| processes | bot main | bot other | harness | postgres | main wait | others (cores) | answers/bot-CPU-s | statements |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...[...runs].sort(byProcesses).map(cpu),
        '',
        `throughput of ${values.processes} processes / 1 process (medians): ${scale.ratio}; per bot CPU-second: ${scale.cpuNormalisedRatio ?? '–'}; projected from the CPU per answer for this machine with nothing else running: ${scale.projectedRatio ?? '–'} (Discord on other machines: ${scale.projectedRatioDiscordElsewhere ?? '–'})`,
        '',
      ].join('\n'),
    );
  }
  process.exit(runs.some((run) => run.lost + run.answeredTwice > 0) ? 1 : 0);
}

const folder = mkdtempSync(path.join(tmpdir(), 'footnote-load-'));
try {
  const report = {
    machine: describeMachine(),
    burst: burstSize > 0 ? await runBurst(folder) : undefined,
    soakOverTheWire: soakSize > 0 ? await runWireSoak(folder) : undefined,
    soakInProcess: soakSize > 0 ? await runProcessSoak() : undefined,
    ingest: ingestMegabytes > 0 ? await runIngest(folder) : undefined,
  };
  const failed =
    (report.burst !== undefined && (report.burst.lost > 0 || report.burst.lateDeferrals > 0)) ||
    (report.soakOverTheWire !== undefined && (report.soakOverTheWire.unanswered > 0 || report.soakOverTheWire.lateDeferrals > 0));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const { machine, burst, soakOverTheWire: wire, soakInProcess: soak, ingest } = report;
    const lines = [`footnote load test — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`];
    if (burst !== undefined) {
      lines.push(
        '',
        `Burst: ${burst.sent} /ask in the same instant from ${burst.sent} members (production REST and rate limits)`,
        `  answered     ${burst.answered}/${burst.sent} — lost ${burst.lost}, deferred late ${burst.lateDeferrals}, answer to another question ${burst.answersToAnotherQuestion}`,
        `  deferral     p50 ${burst.deferralMs.p50} ms · p99 ${burst.deferralMs.p99} ms · max ${burst.deferralMs.max} ms (Discord's deadline: 3000 ms)`,
        `  answer       p50 ${burst.answerMs.p50} ms · p99 ${burst.answerMs.p99} ms · max ${burst.answerMs.max} ms — target p99 < ${targetP99Ms} ms: ${burst.answerMs.p99 < targetP99Ms ? 'met' : 'MISSED'}`,
        `  throughput   ${burst.answersPerSecond} answers/s (all ${burst.answered} in ${burst.seconds.toFixed(2)} s)`,
        `  bot memory   heap ${burst.botMemoryMiB.heapBefore} → ${burst.botMemoryMiB.heapAfter} MiB after GC, RSS ${burst.botMemoryMiB.rssAfter} MiB`,
      );
    }
    if (wire !== undefined) {
      lines.push(
        '',
        `Soak over the wire: ${wire.asks} /ask, ${wire.inFlight} in flight, 25 members (limits off)`,
        `  answered     ${wire.answered}/${wire.asks} — not answered ${wire.unanswered}, deferred late ${wire.lateDeferrals}; ${wire.seconds.toFixed(1)} s, ${wire.answersPerSecond} answers/s`,
        `  bot heap     ${wire.botHeapMiB.afterWarmUp} MiB after ${wireWarmUp} warm-up asks → ${wire.botHeapMiB.afterSoak} MiB after ${wire.asks} (${signed(wire.botHeapMiB.growth)} MiB; ${wire.restHandlers.afterSoak} REST handlers held), RSS ${wire.botRssAfterMiB} MiB`,
      );
      if (wire.settled !== undefined) {
        lines.push(
          `  settled      ${wire.settled.heapMiB} MiB ${wire.settled.afterSeconds} s later, after the REST handler sweep (${signed(wire.settled.growth)} MiB over the warm-up; ${wire.restHandlers.settled} handlers held)`,
        );
      }
    }
    if (soak !== undefined) {
      lines.push(
        '',
        `Soak in process: the /ask command ${soak.asks} times in a row (engine, conversations, SQLite, rendering)`,
        `  answered     ${soak.answered}/${soak.asks}, rows saved ${soak.savedAnswers} (warm-up included); ${soak.seconds} s, ${soak.asksPerSecond} asks/s`,
        `  heap         ${soak.heapMiB.afterWarmUp} MiB after 500 warm-up asks → ${soak.heapMiB.afterSoak} MiB (${signed(soak.heapMiB.growth)} MiB)`,
      );
    }
    if (ingest !== undefined) {
      lines.push(
        '',
        `Ingest of one ${ingest.documentMB} MB document (${ingest.paragraphs} paragraphs → ${ingest.build.passages} passages, index ${ingest.build.indexMiB} MiB on disk)`,
        `  build        footnote ingest --force: ${ingest.build.seconds} s, peak RSS ${ingest.build.peakRssMiB} MiB, exit ${ingest.build.exitCode}`,
        `  restart      footnote ingest, index reused: ${ingest.reuse.seconds} s, peak RSS ${ingest.reuse.peakRssMiB} MiB, exit ${ingest.reuse.exitCode}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
