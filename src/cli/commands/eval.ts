import { evaluate, type EvalMetrics } from '../../evaluation/evaluate.js';
import { readQuestionSet } from '../../evaluation/question-set.js';
import { parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { openEngineForCli } from '../open-engine-for-cli.js';

export const evalCliCommand = {
  name: 'eval',
  summary: 'Measure answer quality on a question set (JSON lines with evidence).',
  usage: 'eval --questions FILE [--json] [--verbose]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json', 'verbose'], values: ['questions'] });
    const file = parsed.flags.get('questions');
    if (typeof file !== 'string') throw new UsageError('--questions FILE is required (e.g. ../shared/eval/dev.jsonl)');
    const items = await readQuestionSet(file);
    const { engine, config } = await openEngineForCli(io, { quiet: true });
    const report = await evaluate(engine, items, { corpusDir: config.corpusDir });
    if (parsed.flags.has('json')) {
      writeLine(io.stdout, JSON.stringify(report.metrics));
      return 0;
    }
    writeLine(io.stdout, formatMetrics(report.metrics));
    const misses = report.items.filter((result) => (result.item.answerable ? !result.supported || result.rank !== 1 : result.answer?.abstained !== true));
    if (misses.length > 0 && parsed.flags.has('verbose')) {
      writeLine(io.stdout, '\nItems to look at:');
      for (const result of misses) {
        const what = result.item.answerable
          ? `${result.answer?.abstained ? 'abstained' : result.supported ? 'supported' : 'unsupported'}, evidence at passage ${result.rank ?? '—'}`
          : 'answered an unanswerable question';
        writeLine(io.stdout, `  ${result.item.id}: ${result.item.turns.join(' → ')}\n      ${what}; answer: ${result.answer?.answer ?? result.refused ?? ''}`);
      }
    }
    return 0;
  },
} satisfies CliCommand;

function formatMetrics(metrics: EvalMetrics): string {
  const rows: [string, string][] = [
    ['questions', `${metrics.questions} (${metrics.answerable} answerable, ${metrics.unanswerable} not)`],
    ['hit@1', metrics.hit_at_1.toFixed(3)],
    ['hit@3', metrics.hit_at_3.toFixed(3)],
    ['MRR', metrics.mrr.toFixed(3)],
    ['supported', metrics.supported.toFixed(3)],
    ['abstain correct', metrics.abstain_correct.toFixed(3)],
    ['false abstain', metrics.false_abstain.toFixed(3)],
    ['quotes verbatim', metrics.quotes_verbatim.toFixed(3)],
    ['latency p50 / p99', `${metrics.p50_ms.toFixed(1)} ms / ${metrics.p99_ms.toFixed(1)} ms`],
  ];
  return rows.map(([label, value]) => `${label.padEnd(20)}${value}`).join('\n');
}
