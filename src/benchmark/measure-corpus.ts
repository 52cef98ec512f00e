/**
 * `footnote bench --corpus DIR`: what a real corpus costs, in one run on this machine (issue 12). The corpus
 * is ingested into a fresh data folder (read, parse, chunk, embed, index, save), then asked questions made
 * from its own sentences, then started cold as users start it: a fresh `footnote ask --json` process with the
 * index on disk. Offline, on local embeddings, whatever model is configured.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.js';
import { openEngine } from '../engine.js';
import { isContentWord, tokenize } from '../language/tokenize.js';
import { silentLogger } from '../logger.js';
import { seededRandom } from '../seeded-random.js';
import { chooseMethod, startArguments, type ColdStartMethod } from './cold-start.js';
import { describeMachine, type MachineInfo } from './machine.js';

export interface CorpusBenchSettings {
  readonly config: Config;
  readonly corpusDir: string;
  /** Questions asked in the running engine for the latency figures. */
  readonly queries: number;
  /** Fresh `footnote ask --json` processes; 0 skips the start-up measurement. */
  readonly coldStartRuns: number;
  /** Whether a stale dist/ may be rebuilt for the start-up measurement (see cold-start.ts). */
  readonly allowBuild: boolean;
  readonly packageRoot: string;
  readonly progress: (line: string) => void;
}

/** Exactly the object `footnote bench --corpus DIR --json` prints. */
export interface CorpusBenchReport {
  readonly machine: MachineInfo;
  readonly corpus: { readonly directory: string; readonly documents: number; readonly megabytes: number };
  readonly ingest: { readonly seconds: number; readonly chunks: number; readonly chunks_per_second: number };
  readonly index: { readonly megabytes: number; readonly times_corpus: number };
  /** Peak resident memory of this process through ingest and questions. */
  readonly peak_rss_mb: number;
  /** After the warm-up a bot does before it takes questions (engine.warmUp), whose own time is `warm_up_ms`. */
  readonly ask: { readonly questions: number; readonly p50_ms: number; readonly p99_ms: number; readonly warm_up_ms: number };
  /** Median of the fresh processes, and the largest peak memory among them; null when not measured. */
  readonly cold_start: { readonly ms: number; readonly rss_mb: number; readonly runs: readonly number[]; readonly method: ColdStartMethod } | null;
  readonly notes: readonly string[];
}

const QUESTION_SEED = 'footnote bench --corpus';

export async function benchCorpus(settings: CorpusBenchSettings): Promise<CorpusBenchReport> {
  const { progress } = settings;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'footnote-bench-corpus-'));
  const config: Config = {
    ...settings.config,
    llm: undefined,
    embeddings: { provider: 'local' },
    corpusDir: path.resolve(settings.corpusDir),
    dataDir,
    databaseFile: path.join(dataDir, 'footnote.sqlite'),
  };
  const notes: string[] = [];
  try {
    progress(`ingest: ${config.corpusDir} into a fresh index in ${dataDir}`);
    const started = performance.now();
    const engine = await openEngine(config, {
      logger: silentLogger,
      onProgress: (done, total) => {
        if (done === total || done % 20_000 < 128) progress(`  embedded ${done}/${total} passages`);
      },
    });
    const ingestSeconds = (performance.now() - started) / 1000;
    const corpusBytes = engine.corpus.documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0);
    const { index } = engine;

    const questions = questionsFrom(
      engine.sentences().map((sentence) => sentence.text),
      settings.queries,
    );
    const warming = performance.now();
    await engine.warmUp();
    const warmUpMs = performance.now() - warming;
    progress(`ask: ${questions.length} questions made from the corpus's own sentences`);
    const latencies: number[] = [];
    for (const question of questions) {
      const asked = performance.now();
      await engine.ask(question);
      latencies.push(performance.now() - asked);
    }
    const peakRss = process.resourceUsage().maxRSS / 1024;

    let coldStart: CorpusBenchReport['cold_start'] = null;
    if (settings.coldStartRuns > 0 && questions[0] !== undefined) {
      progress(`start-up: ${settings.coldStartRuns} fresh \`footnote ask --json\` process(es) with this index on disk`);
      try {
        const method = await chooseMethod(settings, progress);
        const measured = await measureStarts(config, startArguments(method, settings.packageRoot), settings.packageRoot, questions[0], settings.coldStartRuns);
        coldStart = { ...measured, method };
      } catch (error) {
        notes.push(`start-up not measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await engine.close();
    return {
      machine: describeMachine(),
      corpus: { directory: config.corpusDir, documents: engine.corpus.documents.length, megabytes: round(corpusBytes / 1e6, 2) },
      ingest: { seconds: round(ingestSeconds, 1), chunks: index.chunks, chunks_per_second: Math.round(index.chunks / ingestSeconds) },
      index: { megabytes: round(index.bytesOnDisk / 1e6, 2), times_corpus: round(index.bytesOnDisk / Math.max(1, corpusBytes), 2) },
      peak_rss_mb: Math.round(peakRss),
      ask: {
        questions: latencies.length,
        p50_ms: round(percentile(latencies, 0.5), 1),
        p99_ms: round(percentile(latencies, 0.99), 1),
        warm_up_ms: Math.round(warmUpMs),
      },
      cold_start: coldStart,
      notes,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** "Which … ?" built from four content words of sentences drawn with a fixed seed: the same questions every run. */
export function questionsFrom(sentences: readonly string[], count: number): string[] {
  const random = seededRandom(QUESTION_SEED);
  const questions: string[] = [];
  for (let tries = 0; questions.length < count && tries < count * 5 && sentences.length > 0; tries += 1) {
    const words = tokenize(random.pick(sentences))
      .map((token) => token.word)
      .filter(isContentWord);
    if (words.length >= 4) questions.push(`Which ${random.shuffle(words).slice(0, 4).join(' ')}?`);
  }
  return questions;
}

async function measureStarts(
  config: Config,
  command: readonly string[],
  packageRoot: string,
  question: string,
  runs: number,
): Promise<Omit<NonNullable<CorpusBenchReport['cold_start']>, 'method'>> {
  const times: number[] = [];
  let rss = 0;
  for (let run = 0; run < runs; run += 1) {
    const result = await startOnce(config, command, packageRoot, question);
    times.push(Math.round(result.milliseconds));
    rss = Math.max(rss, result.rssMegabytes);
  }
  return { ms: percentile(times, 0.5), rss_mb: Math.round(rss), runs: times };
}

/** Prints the child's peak memory on exit, so it can be read without a platform tool. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('footnote-bench-rss '+process.resourceUsage().maxRSS+'\\n'))`;

function startOnce(config: Config, command: readonly string[], packageRoot: string, question: string): Promise<{ milliseconds: number; rssMegabytes: number }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FOOTNOTE_CORPUS_DIR: config.corpusDir,
    FOOTNOTE_DATA_DIR: config.dataDir,
    FOOTNOTE_MODEL_DIR: config.modelDir,
    // Empty rather than absent, so a .env file cannot bring a model back in (dotenv never overrides).
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    EMBEDDING_MODEL: '',
    CHAT_MODEL: '',
    LOG_LEVEL: 'warn',
  };
  const args = ['--import', REPORT_RSS, ...command, 'ask', question, '--json'];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: packageRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let answeredAt: number | undefined;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      if (answeredAt === undefined && text.includes('\n')) answeredAt = performance.now();
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /footnote-bench-rss (\d+)/.exec(stderr);
      if (code !== 0 || answeredAt === undefined) {
        reject(
          new Error(
            `\`footnote ask\` exited with ${code}: ${stderr
              .replace(/footnote-bench-rss \d+\n?/, '')
              .trim()
              .slice(0, 300)}`,
          ),
        );
        return;
      }
      resolve({ milliseconds: answeredAt - started, rssMegabytes: Number(rss?.[1] ?? 0) / 1024 });
    });
  });
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function formatCorpusReport(report: CorpusBenchReport): string {
  const lines = [
    `footnote bench --corpus ${report.corpus.directory}`,
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memory_gb} GB, Node ${report.machine.node}`,
    '',
    `corpus        ${report.corpus.documents} documents, ${report.corpus.megabytes} MB`,
    `ingest        ${report.ingest.seconds} s, ${report.ingest.chunks} chunks (${report.ingest.chunks_per_second} chunks/s)`,
    `index         ${report.index.megabytes} MB on disk (${report.index.times_corpus}× the corpus)`,
    `peak memory   ${report.peak_rss_mb} MB (ingest and questions, this process)`,
    `ask           ${report.ask.questions} questions: p50 ${report.ask.p50_ms} ms, p99 ${report.ask.p99_ms} ms (after a ${report.ask.warm_up_ms} ms warm-up, as the bot does at start)`,
    report.cold_start === null
      ? 'start-up      not measured'
      : `start-up      ${report.cold_start.ms} ms median of ${report.cold_start.runs.length} (${report.cold_start.runs.join(', ')} ms), peak memory ${report.cold_start.rss_mb} MB, ${report.cold_start.method}`,
  ];
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
