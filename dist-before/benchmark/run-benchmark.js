/**
 * `footnote bench`: quality and speed against the LangChain baseline, scale on synthetic corpora, and
 * start-up, in one run on one machine. Returns the JSON report issue 7 defines plus the details the
 * readable table shows.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { openEngine } from '../engine.js';
import { silentLogger } from '../logger.js';
import { measureColdStart } from './cold-start.js';
import { describeMachine } from './machine.js';
import { offlineConfig } from './offline-config.js';
import { compareQuality } from './quality-comparison.js';
import { runScaleInChild } from './run-scale-in-child.js';
/** The synthetic corpora's seed: the date of the article, so every run measures the same text. */
export const SYNTHETIC_SEED = 20_250_725;
export async function runBenchmark(settings) {
    const { progress } = settings;
    const notes = [];
    const { config, temporaryDataDir } = await offlineConfig(settings.config);
    if (temporaryDataDir !== undefined)
        notes.push(`the configured index uses other embeddings; the article was indexed again in ${temporaryDataDir} for this run`);
    try {
        let quality;
        if (settings.items === undefined) {
            notes.push(`no question set at ${settings.questionsFile}: the comparison with the baseline was skipped (pass --questions FILE)`);
            progress('preparing the article index for the start-up measurement');
            await (await openEngine(config, { logger: silentLogger })).close();
        }
        else {
            progress(`quality: ${settings.items.length} questions from ${settings.questionsFile}`);
            quality = await compareQuality({ config, items: settings.items, progress });
        }
        let coldStart;
        if (settings.coldStartRuns > 0) {
            progress(`start-up: ${settings.coldStartRuns} fresh \`footnote ask --json\` process(es) with the index on disk`);
            const question = settings.items?.find((item) => item.turns.length === 1)?.turns[0] ?? 'What is the article about?';
            try {
                coldStart = await measureColdStart({
                    packageRoot: settings.packageRoot,
                    question,
                    corpusDir: config.corpusDir,
                    dataDir: config.dataDir,
                    modelDir: config.modelDir,
                    runs: settings.coldStartRuns,
                    allowBuild: settings.allowBuild,
                }, progress);
            }
            catch (error) {
                notes.push(`start-up not measured: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        const scaleFigures = [];
        const scaleDetails = [];
        for (const chunks of settings.sizes) {
            progress(`scale: ${chunks.toLocaleString('en')} chunks, in a child process of its own`);
            const result = await runScaleInChild({ chunks, queries: settings.queries, seed: SYNTHETIC_SEED, corpusDir: config.corpusDir, modelDir: config.modelDir }, (line) => progress(`  ${line}`));
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
            },
            details: { commit: currentCommit(settings.packageRoot), questionsFile: settings.questionsFile, quality, scale: scaleDetails, coldStart, notes },
        };
    }
    finally {
        if (temporaryDataDir !== undefined)
            await rm(temporaryDataDir, { recursive: true, force: true });
    }
}
/** The commit measured, marked when the working tree has changes; undefined outside a git checkout. */
function currentCommit(packageRoot) {
    const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot, encoding: 'utf8' });
    if (head.status !== 0)
        return undefined;
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: packageRoot, encoding: 'utf8' });
    return `${head.stdout.trim()}${status.stdout.trim() !== '' ? ' (with uncommitted changes)' : ''}`;
}
//# sourceMappingURL=run-benchmark.js.map