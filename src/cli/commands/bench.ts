import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../config.js';
import { readQuestionSet, type EvalItem } from '../../evaluation/question-set.js';
import { formatReport } from '../../benchmark/format-report.js';
import { runBenchmark } from '../../benchmark/run-benchmark.js';
import { parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';

export interface BenchCommandSettings {
  readonly sizes: readonly number[];
  /** `--quick` leaves out the 100,000-chunk size for a run under a minute. */
  readonly quickSizes: readonly number[];
  readonly queries: number;
  readonly quickQueries: number;
  readonly coldStartRuns: number;
  /** Pages of the PDF added to a server's library through the ingest worker. */
  readonly libraryPdfPages: number;
  /** Whether a stale dist/ may be rebuilt for the start-up measurement. */
  readonly allowBuild: boolean;
  readonly loadConfig: () => Promise<Config>;
}

export const DEFAULT_BENCH_SETTINGS = {
  sizes: [10_000, 100_000],
  quickSizes: [10_000],
  queries: 1000,
  quickQueries: 300,
  coldStartRuns: 3,
  libraryPdfPages: 300,
  allowBuild: true,
  loadConfig: () => loadConfig(),
} as const satisfies BenchCommandSettings;

const DEFAULT_QUESTIONS = '../shared/eval/dev.jsonl';
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Settings are injectable so a test can run the whole command on a tiny size. */
export function createBenchCommand(overrides: Partial<BenchCommandSettings> = {}): CliCommand {
  const settings: BenchCommandSettings = { ...DEFAULT_BENCH_SETTINGS, ...overrides };
  return {
    name: 'bench',
    summary: 'Benchmark quality, speed, memory and scale against the LangChain tutorial pipeline.',
    usage: 'bench [--json] [--quick] [--questions FILE] | bench --corpus DIR [--json] [--quick]',
    async run(args, io) {
      const parsed = parseArguments(args, { booleans: ['json', 'quick'], values: ['questions', 'corpus'] });
      const quick = parsed.flags.has('quick');
      const corpusDir = parsed.flags.get('corpus');
      if (typeof corpusDir === 'string') {
        if (!existsSync(corpusDir)) throw new UsageError(`--corpus ${corpusDir}: no such folder`);
        const { benchCorpus, formatCorpusReport } = await import('../../benchmark/measure-corpus.js');
        const report = await benchCorpus({
          config: await settings.loadConfig(),
          corpusDir,
          queries: quick ? settings.quickQueries : settings.queries,
          coldStartRuns: settings.coldStartRuns,
          allowBuild: settings.allowBuild,
          packageRoot: PACKAGE_ROOT,
          progress: (line) => writeLine(io.stderr, line),
        });
        writeLine(io.stdout, parsed.flags.has('json') ? JSON.stringify(report) : formatCorpusReport(report));
        return 0;
      }
      const given = parsed.flags.get('questions');
      const questionsFile = path.resolve(typeof given === 'string' ? given : DEFAULT_QUESTIONS);
      // A file named on the command line must exist; the default one may be absent (a checkout without ../shared).
      const items: EvalItem[] | undefined = typeof given === 'string' || existsSync(questionsFile) ? await readQuestionSet(questionsFile) : undefined;
      if (items === undefined)
        writeLine(io.stderr, `footnote bench: no question set at ${questionsFile}; skipping the comparison with the baseline (use --questions FILE)`);

      const result = await runBenchmark({
        config: await settings.loadConfig(),
        items,
        questionsFile,
        sizes: quick ? settings.quickSizes : settings.sizes,
        queries: quick ? settings.quickQueries : settings.queries,
        coldStartRuns: settings.coldStartRuns,
        libraryPdfPages: settings.libraryPdfPages,
        allowBuild: settings.allowBuild,
        packageRoot: PACKAGE_ROOT,
        progress: (line) => writeLine(io.stderr, line),
      });
      writeLine(io.stdout, parsed.flags.has('json') ? JSON.stringify(result.report) : formatReport(result));
      return 0;
    },
  };
}

export const benchCliCommand = createBenchCommand();
