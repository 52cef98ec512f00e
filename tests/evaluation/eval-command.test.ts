import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { footnoteProcess, runFootnote } from '../helpers/run-footnote.js';
import { articleCorpus, projectRoot, sharedModelDir, temporaryFolder } from '../helpers/test-config.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const data = temporaryFolder('eval-cli');
after(() => data.remove());

const environment = { FOOTNOTE_CORPUS_DIR: articleCorpus, FOOTNOTE_DATA_DIR: path.join(data.path, 'data'), FOOTNOTE_MODEL_DIR: sharedModelDir };
// runFootnote reads its configuration from process.env, as `npx footnote` does; this file runs in a process of its own.
before(() => Object.assign(process.env, environment));

/** `npx footnote eval …` as a process of its own: its stdout is exactly what is asserted, its exit code real. */
const evalProcess = (...args: string[]) => footnoteProcess(['eval', ...args], { cwd: data.path, environment, timeoutMs: 120_000 });
/** The same command in this process (a process start costs seconds on a busy machine). */
const evalHere = (...args: string[]) => runFootnote('eval', ...args);

interface ItemLine {
  id: string;
  group?: string;
  kind?: string;
  question: string;
  turns?: string[];
  answerable: boolean;
  evidence: string[];
  answerLine: string;
  abstained: boolean;
  firstQuote: string | null;
  lead: boolean;
  supported: boolean;
  baselineLead?: boolean;
}

const readItems = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ItemLine);

/** The lead rule, restated here from the eval README so the command cannot agree with itself. */
function leads(item: ItemLine): boolean {
  const fold = (text: string) => text.replace(/\s+/gu, ' ').toLowerCase();
  const holds = (text: string) => item.evidence.some((evidence) => fold(text).includes(fold(evidence)));
  return !item.abstained && (holds(item.answerLine) || holds(item.firstQuote ?? ''));
}

test('GIVEN a tiny hand-made set over a tiny corpus THEN --items holds what the reader saw and lead follows its definition', () => {
  const itemsFile = path.join(data.path, 'tide-items.jsonl');
  const { code, stdout, stderr } = evalProcess(
    '--questions',
    path.join(fixtures, 'tide-mill-questions.jsonl'),
    '--corpus',
    path.join(fixtures, 'tide-mill'),
    '--items',
    itemsFile,
    '--json',
  );
  assert.equal(code, 0, stderr);
  const items = readItems(itemsFile);
  assert.deepEqual(
    items.map((item) => item.id),
    ['built', 'gate', 'stopped', 'wheel', 'bread'],
  );
  for (const item of items) assert.equal(item.lead, item.answerable && leads(item), item.id);
  // The answer to a plain question about one sentence is in what the reader sees first.
  const built = items.find((item) => item.id === 'built');
  assert.equal(built?.lead, true, JSON.stringify(built));
  assert.match(built?.answerLine ?? '', /1792/u);
  const followUp = items.find((item) => item.id === 'stopped');
  assert.deepEqual(followUp?.turns, ['Who built the mill?', 'when did it stop working?']);
  assert.equal(followUp?.question, 'when did it stop working?');
  assert.equal(items.find((item) => item.id === 'bread')?.kind, 'off-topic');

  const metrics = JSON.parse(stdout) as {
    lead: number;
    answerable: number;
    false_abstain: number;
    unanswerable_by_kind: Record<string, { items: number }>;
    baseline: { lead: number; false_abstain: number; abstain_correct: number };
  };
  const answerable = items.filter((item) => item.answerable);
  assert.equal(metrics.answerable, 4);
  assert.equal(metrics.lead, Math.round((1000 * answerable.filter((item) => item.lead).length) / answerable.length) / 1000);
  assert.equal(metrics.baseline.lead, Math.round((1000 * answerable.filter((item) => item.baselineLead === true).length) / answerable.length) / 1000);
  assert.deepEqual(Object.keys(metrics.unanswerable_by_kind), ['off-topic']);
  // The baseline never abstains.
  assert.equal(metrics.baseline.false_abstain, 0);
  assert.equal(metrics.baseline.abstain_correct, 0);
  // The index was built in a temporary folder: the configured data folder was never created.
  assert.deepEqual(
    readdirSync(data.path).filter((name) => name === 'data'),
    [],
  );
});

test('GIVEN a tiny SQuAD-layout file --per-article THEN each article is asked alone, spans are evidence, is_impossible is unanswerable', async () => {
  const itemsFile = path.join(data.path, 'squad-items.jsonl');
  const { code, stdout, stderr } = await evalHere('--squad', path.join(fixtures, 'tiny-squad.json'), '--per-article', '--items', itemsFile);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /questions +6 \(4 answerable, 2 not\)/u);
  assert.match(stdout, /^lead +\d\.\d{3} +\d\.\d{3}$/mu);
  const items = readItems(itemsFile);
  assert.deepEqual(
    items.map((item) => [item.id, item.group, item.answerable]),
    [
      ['g1', 'Glass harbour', true],
      ['g2', 'Glass harbour', true],
      ['g3', 'Glass harbour', true],
      ['g4', 'Glass harbour', false],
      ['k1', 'Copper kettle', true],
      ['k2', 'Copper kettle', false],
    ],
  );
  assert.deepEqual(items.find((item) => item.id === 'g2')?.evidence, ['1910', 'in 1910']);
  // Each article alone: no quote about the kettle ever comes from the harbour article, and the other way round.
  for (const item of items.filter((entry) => entry.firstQuote !== null)) {
    const aboutKettle = item.group === 'Copper kettle';
    assert.equal(/kettle|copper|tin/iu.test(item.firstQuote ?? ''), aboutKettle, item.id);
  }
});

test('GIVEN --library THEN every text is measured alone and inside one library of all of them, lead side by side', async () => {
  const { code, stdout, stderr } = await evalHere(
    '--library',
    '--squad',
    path.join(fixtures, 'tiny-squad.json'),
    '--questions',
    path.join(fixtures, 'tide-mill-questions.jsonl'),
    '--corpus',
    path.join(fixtures, 'tide-mill'),
    '--json',
  );
  assert.equal(code, 0, stderr);
  const comparison = JSON.parse(stdout) as {
    documents: number;
    rows: { group: string; questions: number; leadAlone: number; leadInLibrary: number; difference: number; ownDocument: number }[];
    overall: { questions: number; difference: number };
    meetsTarget: boolean;
  };
  assert.equal(comparison.documents, 3);
  assert.deepEqual(
    comparison.rows.map((row) => [row.group, row.questions]),
    [
      ['tide-mill-questions.jsonl', 5],
      ['Glass harbour', 4],
      ['Copper kettle', 2],
    ],
  );
  assert.equal(comparison.overall.questions, 11);
  for (const row of comparison.rows) {
    assert.equal(row.difference, Math.round(1000 * (row.leadInLibrary - row.leadAlone)) / 1000);
    // Three texts on unrelated topics: an answer is quoted from the text the question is about.
    assert.equal(row.ownDocument, 1, row.group);
  }
  assert.equal(comparison.meetsTarget, comparison.overall.difference >= -0.03);
  assert.match(stderr, /all 3 texts as one library: 11 questions/u);
});

test('GIVEN bad options or a file that is not SQuAD THEN a clear message and exit code 2 or 1, nothing written', async () => {
  const notSquad = evalProcess('--squad', path.join(fixtures, 'tide-mill-questions.jsonl'));
  assert.equal(notSquad.code, 1);
  assert.match(notSquad.stderr, /not valid JSON/u);
  const wrongShape = await evalHere('--squad', path.join(projectRoot, 'package.json'));
  assert.equal(wrongShape.code, 1);
  assert.match(wrongShape.stderr, /is not in SQuAD layout/u);
  const cases: [string[], RegExp][] = [
    [[], /give --questions FILE .* or --squad FILE/u],
    [['--questions', 'x.jsonl', '--per-article'], /--per-article goes with --squad FILE/u],
    [['--squad', path.join(fixtures, 'tiny-squad.json'), '--library', '--per-article'], /--library already runs each article alone/u],
    [['--squad', path.join(fixtures, 'tiny-squad.json'), '--limit', '0'], /--limit must be a whole number of at least 1 \(got "0"\)/u],
    [['--questions', 'x.jsonl', '--corpus', path.join(data.path, 'missing')], /--corpus .*missing is not a folder/u],
  ];
  for (const [args, message] of cases) {
    const result = await evalHere(...args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message);
  }
});
