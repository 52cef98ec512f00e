/**
 * `footnote bench`: quality and speed against the LangChain baseline, scale on synthetic corpora, and
 * start-up, in one run on one machine. Returns the JSON report issue 7 defines plus the details the
 * readable table shows.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { Config } from '../config.js';
import { openEngine } from '../engine.js';
import type { EvalItem } from '../evaluation/question-set.js';
import { silentLogger } from '../logger.js';
import { measureColdStart, type ColdStartResult } from './cold-start.js';
import { describeMachine, type MachineInfo } from './machine.js';
import { measureLibraryPdf, type LibraryPdfFigures } from './measure-library-pdf.js';
import type { ScaleDetails, ScaleFigures } from './measure-scale.js';
import { offlineConfig } from './offline-config.js';
import { compareQuality, type QualityComparison } from './quality-comparison.js';
import type { QualityFigures } from './quality-figures.js';
import { runScaleInChild } from './run-scale-in-child.js';

/** The synthetic corpora's seed: the date of the article, so every run measures the same text. */
export const SYNTHETIC_SEED = 20_250_725;

export interface BenchmarkSettings {
  /** The user's configuration; the benchmark runs it offline on local embeddings (offline-config.ts). */
  readonly config: Config;
  /** Undefined when the question set is missing: the comparison is skipped, the rest runs. */
  readonly items: readonly EvalItem[] | undefined;
  readonly questionsFile: string;
  readonly sizes: readonly number[];
  readonly queries: number;
  readonly coldStartRuns: number;
  /** Pages of the PDF added to a library (issue #13); 0 skips it. */
  readonly libraryPdfPages: number;
  readonly allowBuild: boolean;
  readonly packageRoot: string;
  readonly progress: (line: string) => void;
}

/** Exactly the object `footnote bench --json` prints. */
export interface BenchmarkReport {
  readonly machine: MachineInfo;
  readonly baseline: QualityFigures | null;
  readonly footnote: QualityFigures | null;
  readonly scale: readonly ScaleFigures[];
  readonly cold_start_ms: number | null;
  readonly library_pdf: LibraryPdfFigures | null;
}

export interface BenchmarkDetails {
  readonly commit: string | undefined;
  readonly questionsFile: string;
  readonly quality: QualityComparison | undefined;
  readonly scale: readonly ScaleDetails[];
  readonly coldStart: ColdStartResult | undefined;
  /** Why a part was skipped or failed, for the table and stderr. */
  readonly notes: readonly string[];
}

export interface BenchmarkResult {
  readonly report: BenchmarkReport;
  readonly details: BenchmarkDetails;
}

export async function runBenchmark(settings: BenchmarkSettings): Promise<BenchmarkResult> {
  const { progress } = settings;
  const notes: string[] = [];
  const { config, temporaryDataDir } = await offlineConfig(settings.config);
  if (temporaryDataDir !== undefined)
    notes.push(`the configured index uses other embeddings; the article was indexed again in ${temporaryDataDir} for this run`);
  try {
    let quality: QualityComparison | undefined;
    if (settings.items === undefined) {
      notes.push(`no question set at ${settings.questionsFile}: the comparison with the baseline was skipped (pass --questions FILE)`);
      progress('preparing the article index for the start-up measurement');
      await (await openEngine(config, { logger: silentLogger })).close();
    } else {
      progress(`quality: ${settings.items.length} questions from ${settings.questionsFile}`);
      quality = await compareQuality({ config, items: settings.items, progress });
    }

    let coldStart: ColdStartResult | undefined;
    if (settings.coldStartRuns > 0) {
      progress(`start-up: ${settings.coldStartRuns} fresh \`footnote ask --json\` process(es) with the index on disk`);
      const question = settings.items?.find((item) => item.turns.length === 1)?.turns[0] ?? 'What is the article about?';
      try {
        coldStart = await measureColdStart(
          {
            packageRoot: settings.packageRoot,
            question,
            corpusDir: config.corpusDir,
            dataDir: config.dataDir,
            modelDir: config.modelDir,
            runs: settings.coldStartRuns,
            allowBuild: settings.allowBuild,
          },
          progress,
        );
      } catch (error) {
        notes.push(`start-up not measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    let libraryPdf: LibraryPdfFigures | null = null;
    if (settings.libraryPdfPages > 0) {
      progress(`library: a ${settings.libraryPdfPages}-page PDF through the ingest worker`);
      libraryPdf = await measureLibraryPdf({ config, pages: settings.libraryPdfPages, seed: SYNTHETIC_SEED, progress: (line) => progress(`  ${line}`) });
    }

    const scaleFigures: ScaleFigures[] = [];
    const scaleDetails: ScaleDetails[] = [];
    for (const chunks of settings.sizes) {
      progress(`scale: ${chunks.toLocaleString('en')} chunks, in a child process of its own`);
      const result = await runScaleInChild(
        { chunks, queries: settings.queries, seed: SYNTHETIC_SEED, corpusDir: config.corpusDir, modelDir: config.modelDir },
        (line) => progress(`  ${line}`),
      );
      scaleFigures.push(result.figures);
      scaleDetails.push(result.details);
    }

    return {
      report: {
        machine: describeMachine(),
        baseline: quality?.baseline ?? null,
        footnote: quality?.footnote ?? null,
        scale: scaleFigures,
        cold_start_ms: coldStart?.milliseconds ?? null,
        library_pdf: libraryPdf,
      },
      details: { commit: currentCommit(settings.packageRoot), questionsFile: settings.questionsFile, quality, scale: scaleDetails, coldStart, notes },
    };
  } finally {
    if (temporaryDataDir !== undefined) await rm(temporaryDataDir, { recursive: true, force: true });
  }
}

/** The commit measured, marked when the working tree has changes; undefined outside a git checkout. */
function currentCommit(packageRoot: string): string | undefined {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot, encoding: 'utf8' });
  if (head.status !== 0) return undefined;
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: packageRoot, encoding: 'utf8' });
  return `${head.stdout.trim()}${status.stdout.trim() !== '' ? ' (with uncommitted changes)' : ''}`;
}
