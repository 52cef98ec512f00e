import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config.js';
import { readQuestionSet } from '../../evaluation/question-set.js';
import { formatReport } from '../../benchmark/format-report.js';
import { runBenchmark } from '../../benchmark/run-benchmark.js';
import { parseArguments, writeLine } from '../cli-command.js';
export const DEFAULT_BENCH_SETTINGS = {
    sizes: [10_000, 100_000],
    quickSizes: [10_000],
    queries: 1000,
    quickQueries: 300,
    coldStartRuns: 3,
    allowBuild: true,
    loadConfig: () => loadConfig(),
};
const DEFAULT_QUESTIONS = '../shared/eval/dev.jsonl';
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Settings are injectable so a test can run the whole command on a tiny size. */
export function createBenchCommand(overrides = {}) {
    const settings = { ...DEFAULT_BENCH_SETTINGS, ...overrides };
    return {
        name: 'bench',
        summary: 'Benchmark quality, speed, memory and scale against the LangChain tutorial pipeline.',
        usage: 'bench [--json] [--quick] [--questions FILE]',
        async run(args, io) {
            const parsed = parseArguments(args, { booleans: ['json', 'quick'], values: ['questions'] });
            const quick = parsed.flags.has('quick');
            const given = parsed.flags.get('questions');
            const questionsFile = path.resolve(typeof given === 'string' ? given : DEFAULT_QUESTIONS);
            // A file named on the command line must exist; the default one may be absent (a checkout without ../shared).
            const items = typeof given === 'string' || existsSync(questionsFile) ? await readQuestionSet(questionsFile) : undefined;
            if (items === undefined)
                writeLine(io.stderr, `footnote bench: no question set at ${questionsFile}; skipping the comparison with the baseline (use --questions FILE)`);
            const result = await runBenchmark({
                config: await settings.loadConfig(),
                items,
                questionsFile,
                sizes: quick ? settings.quickSizes : settings.sizes,
                queries: quick ? settings.quickQueries : settings.queries,
                coldStartRuns: settings.coldStartRuns,
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
//# sourceMappingURL=bench.js.map