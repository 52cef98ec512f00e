/**
 * `npm run eval:all [-- --quick] [-- --only NAME]`: every question set footnote is measured on, each in
 * its own run beside the BM25 single-sentence baseline, then one table. Sets over ../shared are skipped
 * with a note when that folder is missing. `--quick` draws fewer SQuAD questions (for a first look only);
 * `--items DIR` writes each set's items (as `footnote eval --items`) to DIR/<set>.jsonl.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import type { EvalMetrics } from '../src/evaluation/evaluate.js';
import { itemLines } from '../src/evaluation/item-record.js';
import { readQuestionSet } from '../src/evaluation/question-set.js';
import { runEvaluation, type EvalCorpus, type EvalRun } from '../src/evaluation/run-evaluation.js';
import { readSquadFile, type SquadSample } from '../src/evaluation/squad-set.js';
import { typedCasually } from '../src/evaluation/typed-casually.js';
import { typedChatty } from '../src/evaluation/typed-chatty.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/eval');
const articleCorpus = path.join(root, 'corpus');
const quick = process.argv.includes('--quick');
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const only = option('--only');
const itemsDir = option('--items');

interface QuestionSet {
  readonly name: string;
  readonly needs: string;
  corpora(): Promise<EvalCorpus[]>;
}

const jsonLines = (name: string, file: string, corpusDir: string): QuestionSet => ({
  name,
  needs: file,
  corpora: async () => [{ name, folders: [corpusDir], files: [], items: await readQuestionSet(file) }],
});

/** The same questions typed as students type them (evaluation/typed-casually.ts). */
const typed = (name: string, files: readonly string[], corpusDir: string, seed: string): QuestionSet => ({
  name,
  needs: files[0] ?? corpusDir,
  corpora: async () => [{ name, folders: [corpusDir], files: [], items: typedCasually((await Promise.all(files.map(readQuestionSet))).flat(), seed) }],
});

/** One set over two corpora: its Baku questions asked of the article, the rest of the two texts. */
const overBothCorpora = (name: string, articleFile: string, textsFile: string): QuestionSet => ({
  name,
  needs: articleFile,
  corpora: async () => [
    { name: `${name}, Baku`, folders: [articleCorpus], files: [], items: await readQuestionSet(articleFile) },
    { name: `${name}, 2 texts`, folders: [path.join(root, 'eval/texts')], files: [], items: await readQuestionSet(textsFile) },
  ],
});

/** The same questions with a chat greeting or sign-off (evaluation/typed-chatty.ts). */
const chatty = (name: string, files: readonly string[], corpusDir: string, seed: string): QuestionSet => ({
  name,
  needs: files[0] ?? corpusDir,
  corpora: async () => [{ name, folders: [corpusDir], files: [], items: typedChatty((await Promise.all(files.map(readQuestionSet))).flat(), seed) }],
});

const squad = (name: string, file: string, sample: SquadSample): QuestionSet => ({
  name,
  needs: file,
  corpora: async () =>
    (await readSquadFile(file, sample)).map((article) => ({
      name: article.title,
      folders: [],
      files: [{ name: article.fileName, text: article.text }],
      items: article.items,
    })),
});

const sets: QuestionSet[] = [
  jsonLines('dev (shared)', path.join(shared, 'dev.jsonl'), articleCorpus),
  jsonLines('students-tune', path.join(root, 'eval/students-tune.jsonl'), articleCorpus),
  jsonLines('students-validation', path.join(root, 'eval/students-validation.jsonl'), articleCorpus),
  jsonLines('heldout', path.join(root, 'eval/heldout.jsonl'), articleCorpus),
  jsonLines('lindmark-trams (2nd text)', path.join(root, 'eval/lindmark-trams.jsonl'), path.join(root, 'eval/texts')),
  jsonLines('conversations, Baku (tuning)', path.join(root, 'eval/conversations-baku.jsonl'), articleCorpus),
  jsonLines('conversations, 2 texts (validation)', path.join(root, 'eval/conversations-texts.jsonl'), path.join(root, 'eval/texts')),
  jsonLines('valencia students (3rd text)', path.join(root, 'eval/valencia-students.jsonl'), path.join(root, 'eval/texts')),
  overBothCorpora('students fresh (tuning)', path.join(root, 'eval/students-fresh-baku-tune.jsonl'), path.join(root, 'eval/students-fresh-texts-tune.jsonl')),
  overBothCorpora(
    'students fresh (validation)',
    path.join(root, 'eval/students-fresh-baku-validation.jsonl'),
    path.join(root, 'eval/students-fresh-texts-validation.jsonl'),
  ),
  typed('typed casually: dev + heldout', [path.join(shared, 'dev.jsonl'), path.join(root, 'eval/heldout.jsonl')], articleCorpus, 'typed-1'),
  typed('typed casually: lindmark-trams', [path.join(root, 'eval/lindmark-trams.jsonl')], path.join(root, 'eval/texts'), 'typed-1'),
  chatty('chat filler: dev + heldout', [path.join(shared, 'dev.jsonl'), path.join(root, 'eval/heldout.jsonl')], articleCorpus, 'chatty-1'),
  chatty('chat filler: lindmark-trams', [path.join(root, 'eval/lindmark-trams.jsonl')], path.join(root, 'eval/texts'), 'chatty-1'),
  jsonLines('off-topic casual (validation), Baku', path.join(root, 'eval/off-topic-validation.jsonl'), articleCorpus),
  jsonLines('off-topic casual (validation), 2 texts', path.join(root, 'eval/off-topic-validation.jsonl'), path.join(root, 'eval/texts')),
  squad('SQuAD 2.0 per article', path.join(shared, 'reading/squad2-dev-19-articles.json'), { limit: quick ? 30 : 150 }),
  squad('SQuAD 1.1 per article', path.join(shared, 'reading/squad11-dev-13-articles.json'), { limit: quick ? 20 : 60 }),
  squad('SelQA per article', path.join(shared, 'reading/selqa-answer-sentences.json'), { articles: quick ? 20 : 60 }),
];

const config = await loadConfig({ cwd: root });
const rows: { name: string; run: EvalRun }[] = [];
for (const set of sets) {
  if (only !== undefined && !set.name.toLowerCase().includes(only.toLowerCase())) continue;
  if (!existsSync(set.needs)) {
    process.stderr.write(`${set.name}: skipped, ${set.needs} is missing\n`);
    continue;
  }
  const started = Date.now();
  const corpora = await set.corpora();
  const run = await runEvaluation({ config, corpora });
  process.stderr.write(`${set.name}: ${run.footnote.metrics.questions} questions in ${Math.round((Date.now() - started) / 1000)} s\n`);
  rows.push({ name: set.name, run });
  if (itemsDir !== undefined) {
    mkdirSync(itemsDir, { recursive: true });
    writeFileSync(
      path.join(itemsDir, `${set.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-$/u, '')}.jsonl`),
      itemLines(run.footnote.items, run.baseline.items),
    );
  }
}

const figure = (value: number) => value.toFixed(3);
const pair = (metrics: EvalMetrics, baseline: EvalMetrics, pick: (metrics: EvalMetrics) => number, applies = true) =>
  applies ? `${figure(pick(metrics))} / ${figure(pick(baseline))}` : '—';
const byKind = (metrics: EvalMetrics) =>
  Object.entries(metrics.unanswerable_by_kind)
    .filter(([kind]) => kind !== 'unlabelled')
    .map(([kind, figures]) => `${kind} ${figure(figures.abstain_correct)}`)
    .join(', ') || '—';
process.stdout.write(
  [
    '| set | questions (answerable) | lead | supported | false abstain | abstain correct | by kind | verbatim | p50 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ name, run }) => {
      const [mine, theirs] = [run.footnote.metrics, run.baseline.metrics];
      return `| ${name} | ${mine.questions} (${mine.answerable}) | ${pair(mine, theirs, (metrics) => metrics.lead)} | ${pair(mine, theirs, (metrics) => metrics.supported)} | ${figure(mine.false_abstain)} | ${mine.unanswerable === 0 ? '—' : figure(mine.abstain_correct)} | ${byKind(mine)} | ${figure(mine.quotes_verbatim)} | ${mine.p50_ms.toFixed(1)} / ${theirs.p50_ms.toFixed(1)} |`;
    }),
    '',
    'Pairs are footnote / BM25 single sentence; the baseline never abstains (false abstain 0, abstain correct 0).',
    '',
  ].join('\n'),
);
