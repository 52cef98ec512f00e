import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { footnoteProcess, runFootnote } from '../helpers/run-footnote.js';
import { articleCorpus, articleFile, sharedModelDir, temporaryFolder } from '../helpers/test-config.js';

const data = temporaryFolder('cli');
after(() => data.remove());
const environment = { FOOTNOTE_CORPUS_DIR: articleCorpus, FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_MODEL_DIR: sharedModelDir };
// main() reads its configuration from process.env, as `npx footnote` does; this file runs in a process of its own.
before(() => Object.assign(process.env, environment));

test('GIVEN ask --json THEN the process prints exactly one JSON object on stdout, with verbatim quotes and their offsets', () => {
  // A process of its own: what stdout and the exit code really are.
  const { code, stdout, stderr } = footnoteProcess(['ask', 'Why did Baku close the Russian House?', '--json'], { cwd: data.path, environment });
  assert.equal(code, 0);
  // The first run in a new data folder builds the index and says so on stderr, so a slow first answer is not a silent wait.
  assert.match(stderr, /^footnote: building the index of \d+ passages \(.+\)…$/mu);
  const answer = JSON.parse(stdout) as {
    answer: string;
    abstained: boolean;
    mode: string;
    quotes: { text: string; documentId: string; section: string; paragraph: number; start: number; end: number }[];
    passages: { text: string; score: number }[];
  };
  assert.equal(answer.abstained, false);
  assert.equal(answer.mode, 'extractive');
  const file = readFileSync(articleFile, 'utf8');
  assert.ok(answer.quotes.length > 0);
  for (const quote of answer.quotes) {
    assert.equal(file.slice(quote.start, quote.end), quote.text);
    assert.equal(quote.documentId, 'how-baku-is-playing-with-fire.txt');
  }
  assert.ok(answer.passages.length > 0 && typeof answer.passages[0]?.score === 'number');
});

test('GIVEN bad questions THEN a short message and exit code 2, never a crash', async () => {
  const cases: [string, RegExp][] = [
    ['', /Ask a question about the article/u],
    ['   \t  ', /Ask a question about the article/u],
    ['x'.repeat(10_000), /10000 characters long; please keep it under 1000/u],
    ['🔥🔥🔥 🤔', /I need a question in words/u],
  ];
  for (const [question, message] of cases) {
    const { code, stderr } = await runFootnote('ask', question);
    assert.equal(code, 2, JSON.stringify(question.slice(0, 20)));
    assert.match(stderr, message);
    assert.ok(stderr.length < 300);
  }
  const json = await runFootnote('ask', '', '--json');
  assert.equal((JSON.parse(json.stdout) as { error: { kind: string } }).error.kind, 'empty');
});

test('GIVEN an unknown option or no question THEN usage is shown with exit code 2', async () => {
  assert.equal((await runFootnote('ask', '--bogus', 'x')).code, 2);
  const missing = await runFootnote('ask');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /usage: npx footnote ask/u);
});

test('GIVEN --conversation THEN a second command-line run continues the first', async () => {
  assert.equal((await runFootnote('ask', 'Tell me about the Azal plane that was shot down.', '--conversation', 'c1')).code, 0);
  const { stdout } = await runFootnote('ask', 'Who apologised for it?', '--conversation', 'c1', '--json');
  const answer = JSON.parse(stdout) as { standaloneQuestion: string; quotes: { text: string }[] };
  // The earlier run's subject stands in for "it".
  assert.equal(answer.standaloneQuestion, 'Who apologised for Azal plane?');
  assert.ok(answer.quotes.some((quote) => quote.text.includes('Azal plane')));
});
