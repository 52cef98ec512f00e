import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { abstentionTradeOff } from '../../evaluation/abstention-trade-off.js';
import type { ItemResult } from '../../evaluation/evaluate.js';
import { formatComparison, formatTradeOff } from '../../evaluation/format-report.js';
import { itemLines } from '../../evaluation/item-record.js';
import { compareLibrary, formatLibraryComparison } from '../../evaluation/library-comparison.js';
import { readQuestionSet, type EvalItem } from '../../evaluation/question-set.js';
import { runEvaluation, type EvalCorpus } from '../../evaluation/run-evaluation.js';
import { readSquadFile } from '../../evaluation/squad-set.js';
import { commandLogger } from '../cli-logger.js';
import { parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';

export const evalCliCommand = {
  name: 'eval',
  summary: 'Measure what a reader sees on a question set, beside a BM25 single-sentence baseline.',
  usage:
    'eval (--questions FILE [--corpus DIR] | --squad FILE [--per-article | --library] [--limit N] [--articles N] [--seed TEXT] [--corpus DIR]) [--items FILE] [--json] [--verbose]',
  details: [
    'Options:',
    '  --questions FILE  JSON lines: {"id", "question" | "turns", "evidence", "answerable", "kind"?}',
    '  --corpus DIR      the texts the questions are about (default: the configured corpus folder);',
    '                    with --squad, a folder whose documents join the SQuAD articles in one library',
    '  --squad FILE      a SQuAD-layout file: each article one document, answer spans the evidence,',
    '                    is_impossible questions unanswerable; all articles at once as one library ...',
    '  --per-article     ... or each article alone as the corpus (the --questions set alone on its corpus)',
    '  --library         both, compared: each text alone, then all of them (and --questions on --corpus)',
    '                    as one library; lead per text and how often the first quote is from its own document',
    '  --limit N         at most N questions per article, drawn with --seed (default seed "footnote")',
    '  --articles N      at most N articles, drawn with --seed',
    '  --items FILE      write one JSON line per item (answer line, first quote, lead, abstain reason...)',
    '  --json            print the metrics as one JSON object (the baseline\'s under "baseline")',
    '',
    'Metrics (answerable items unless said otherwise):',
    '  lead             share answered (not abstained) whose answer line or first quote contains an',
    '                   evidence string, after normalising both (NFKC, straight quotes, dashes, spaces, case)',
    '  supported        share answered with at least one quote containing an evidence string',
    '  false abstain    share abstained on; abstain correct: share of unanswerable items abstained on',
    '  hit@k, MRR       rank of the first retrieved passage containing evidence',
    "  quotes verbatim  share of all quotes equal to the file's text at their offsets",
    'The index is built in a temporary folder; the data/ index is never touched.',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseArguments(args, {
      booleans: ['json', 'verbose', 'per-article', 'library'],
      values: ['questions', 'squad', 'corpus', 'limit', 'articles', 'seed', 'items'],
    });
    const text = (name: string) => {
      const value = parsed.flags.get(name);
      return typeof value === 'string' ? value : undefined;
    };
    const questionsFile = text('questions');
    const squadFile = text('squad');
    if (questionsFile === undefined && squadFile === undefined) {
      throw new UsageError('give --questions FILE (e.g. ../shared/eval/dev.jsonl) or --squad FILE (e.g. ../shared/eval/reading/squad2-dev-19-articles.json)');
    }
    if (squadFile === undefined) {
      for (const name of ['per-article', 'library', 'limit', 'articles', 'seed'])
        if (parsed.flags.has(name)) throw new UsageError(`--${name} goes with --squad FILE`);
    }
    if (parsed.flags.has('per-article') && parsed.flags.has('library')) throw new UsageError('--library already runs each article alone: drop --per-article');
    const limit = positiveInteger(text('limit'), 'limit');
    const articleCount = positiveInteger(text('articles'), 'articles');
    const corpusFlag = text('corpus');
    if (corpusFlag !== undefined && !isFolder(corpusFlag)) throw new UsageError(`--corpus ${corpusFlag} is not a folder`);

    const config = await loadConfig();
    const corpusDir = corpusFlag !== undefined ? path.resolve(corpusFlag) : config.corpusDir;
    const questionItems: EvalItem[] = questionsFile !== undefined ? await readQuestionSet(questionsFile) : [];
    const articles =
      squadFile !== undefined
        ? await readSquadFile(squadFile, {
            ...(limit !== undefined ? { limit } : {}),
            ...(articleCount !== undefined ? { articles: articleCount } : {}),
            ...(text('seed') !== undefined ? { seed: text('seed') as string } : {}),
          })
        : [];

    const questionCorpus: EvalCorpus | undefined =
      questionsFile !== undefined ? { name: path.basename(questionsFile), folders: [corpusDir], files: [], items: questionItems } : undefined;
    const alone: EvalCorpus[] = [
      ...(questionCorpus !== undefined ? [questionCorpus] : []),
      ...articles.map((article) => ({ name: article.title, folders: [], files: [{ name: article.fileName, text: article.text }], items: article.items })),
    ];
    const logger = commandLogger(io, config);
    if (parsed.flags.has('library')) {
      const comparison = await compareLibrary({ config, groups: alone, logger, progress: (line) => writeLine(io.stderr, line) });
      writeLine(io.stdout, parsed.flags.has('json') ? JSON.stringify(comparison) : formatLibraryComparison(comparison));
      return 0;
    }
    const corpora: EvalCorpus[] =
      squadFile === undefined || parsed.flags.has('per-article')
        ? alone
        : [
            {
              name: `library of ${articles.length} articles${questionCorpus !== undefined || corpusFlag !== undefined ? ` and ${path.basename(corpusDir)}/` : ''}`,
              folders: questionCorpus !== undefined || corpusFlag !== undefined ? [corpusDir] : [],
              files: articles.map((article) => ({ name: article.fileName, text: article.text })),
              items: [...questionItems, ...articles.flatMap((article) => article.items)],
            },
          ];
    const progress = parsed.flags.has('json') || corpora.length === 1 ? undefined : (line: string) => writeLine(io.stderr, line);
    const run = await runEvaluation({ config, corpora, logger, ...(progress ? { progress } : {}) });
    const tradeOff = abstentionTradeOff(run.footnote.items);
    const itemsFile = text('items');
    if (itemsFile !== undefined) await writeFile(itemsFile, itemLines(run.footnote.items, run.baseline.items));

    if (parsed.flags.has('json')) {
      writeLine(io.stdout, JSON.stringify({ ...run.footnote.metrics, baseline: run.baseline.metrics, abstention_trade_off: tradeOff ?? null }));
      return 0;
    }
    writeLine(io.stdout, formatComparison(run.footnote.metrics, run.baseline.metrics));
    writeLine(io.stdout, `\n${formatTradeOff(tradeOff)}`);
    if (parsed.flags.has('verbose')) writeMisses(io.stdout, run.footnote.items);
    return 0;
  },
} satisfies CliCommand;

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/u.test(value) || Number(value) < 1) throw new UsageError(`--${name} must be a whole number of at least 1 (got "${value}")`);
  return Number(value);
}

function isFolder(folder: string): boolean {
  return existsSync(folder) && statSync(folder).isDirectory();
}

function writeMisses(stdout: NodeJS.WritableStream, results: readonly ItemResult[]): void {
  const misses = results.filter((result) => (result.item.answerable ? !result.lead : !result.reply.abstained));
  if (misses.length === 0) return;
  writeLine(stdout, '\nItems to look at:');
  for (const result of misses) {
    const what = result.item.answerable
      ? `${result.reply.abstained ? `abstained${result.reply.abstainReason !== undefined ? ` (${result.reply.abstainReason})` : ''}` : result.supported ? 'evidence in a later quote only' : 'no evidence in the answer'}, evidence at passage ${result.rank ?? '—'}`
      : 'answered an unanswerable question';
    writeLine(stdout, `  ${result.item.id}: ${result.item.turns.join(' → ')}\n      ${what}; answer: ${result.reply.answerLine}`);
  }
}
