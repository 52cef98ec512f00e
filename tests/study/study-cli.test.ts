import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Corpus } from '../../src/corpus/types.js';
import { runFootnote, type FootnoteRun } from '../helpers/run-footnote.js';
import { assertLocated, CORPUS_DIR, loadArticle } from './study-fixtures.js';

/** The whole of stdout must be one JSON object. */
function json(result: FootnoteRun): Record<string, unknown> {
  assert.equal(result.code, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as unknown;
  assert.ok(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed));
  return parsed as Record<string, unknown>;
}

const QUOTE_KEYS = ['documentId', 'end', 'paragraph', 'section', 'start', 'text'];

let corpus: Corpus;
let folder: string;
before(async () => {
  process.env['FOOTNOTE_CORPUS_DIR'] = CORPUS_DIR;
  corpus = await loadArticle();
  folder = await mkdtemp(path.join(os.tmpdir(), 'footnote-study-cli-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

function checkQuote(quote: unknown): void {
  assert.ok(typeof quote === 'object' && quote !== null);
  assert.deepEqual(Object.keys(quote).sort(), QUOTE_KEYS);
  assertLocated(corpus, quote as Parameters<typeof assertLocated>[1]);
}

describe('study commands on the command line', () => {
  test('GIVEN summary --json THEN one object {points: [{text, quote}]} with located quotes', async () => {
    const output = json(await runFootnote('summary', '--length', 'long', '--json'));
    assert.deepEqual(Object.keys(output), ['points']);
    const points = output['points'] as { text: string; quote: unknown }[];
    assert.ok(points.length >= 11);
    for (const point of points) {
      assert.deepEqual(Object.keys(point).sort(), ['quote', 'text']);
      checkQuote(point.quote);
    }
  });

  test('GIVEN quiz --seed --json twice THEN the same questions {prompt, choices, answerIndex, quote}', async () => {
    const first = await runFootnote('quiz', '--count', '4', '--seed', 'cli', '--json');
    const second = await runFootnote('quiz', '--count', '4', '--seed', 'cli', '--json');
    assert.equal(first.stdout, second.stdout);
    const questions = json(first)['questions'] as { prompt: string; choices: string[]; answerIndex: number; quote: unknown }[];
    assert.equal(questions.length, 4);
    for (const question of questions) {
      for (const key of ['prompt', 'choices', 'answerIndex', 'quote']) assert.ok(key in question, `no ${key}`);
      checkQuote(question.quote);
    }
  });

  test('GIVEN timeline --json THEN events {when, sortKey, text, quote} in order', async () => {
    const events = json(await runFootnote('timeline', '--json'))['events'] as { when: string; sortKey: string; text: string; quote: unknown }[];
    assert.ok(events.length > 0);
    events.forEach((event, index) => {
      assert.deepEqual(Object.keys(event).sort(), ['quote', 'sortKey', 'text', 'when']);
      checkQuote(event.quote);
      if (index > 0) assert.ok((events[index - 1]?.sortKey ?? '') < event.sortKey);
    });
  });

  test('GIVEN who without a name THEN one list per kind, each heading on a line of its own and one name a line under it', async () => {
    const { stdout, code } = await runFootnote('who');
    assert.equal(code, 0);
    const groups = stdout.trim().split('\n\n');
    assert.deepEqual(
      groups.slice(0, 3).map((group) => group.split('\n')[0]),
      ['People', 'Organisations', 'Places'],
    );
    assert.match(
      stdout,
      /^People\n {2}Mehdi Seyf Tabrizi — the author \(Expert in Azerbaijan Affairs\)\n {2}Hussein and Ziyaddin Safarov — the two victims of the Yekaterinburg incident\n {2}Vladimir Putin\n/u,
    );
    assert.match(stdout, /\n {2}Russian Federal Security Service \(also “FSB”\)\n/u);
    assert.match(stdout, /\nPlaces\n {2}Baku\n {2}Moscow\n/u);
  });

  test('GIVEN who NAME --json THEN the entity with its role and quotes; an unknown name exits 1', async () => {
    const entities = json(await runFootnote('who', 'Zakharova', '--json'))['entities'] as {
      name: string;
      kind: string;
      role: string | null;
      quotes: unknown[];
    }[];
    assert.deepEqual(
      entities.map((entity) => [entity.name, entity.kind, entity.role]),
      [['Maria Zakharova', 'person', 'Russian Foreign Ministry Spokesperson']],
    );
    entities[0]?.quotes.forEach(checkQuote);
    const missing = await runFootnote('who', 'Napoleon');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no person, organisation or place called “Napoleon”/u);
  });

  test('GIVEN studyguide --out FILE THEN the Markdown guide is written there', async () => {
    const file = path.join(folder, 'guides', 'baku.md');
    const result = await runFootnote('studyguide', '--out', file, '--seed', '1');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Wrote .*baku\.md/u);
    assert.match(await readFile(file, 'utf8'), /^# Study guide: How Baku is playing with fire/u);
  });

  test('GIVEN a quiz the section cannot fill THEN text and --json say how many questions it gave of those asked for', async () => {
    const output = json(await runFootnote('quiz', '--count', '10', '--seed', '1', '--section', 'Arrests', '--json'));
    const questions = output['questions'] as unknown[];
    assert.ok(questions.length < 10);
    assert.equal(output['asked'], 10);
    assert.equal(output['note'], `The section gave ${questions.length} good questions of the 10 asked for.`);
    const text = await runFootnote('quiz', '--count', '10', '--seed', '1', '--section', 'Arrests');
    assert.match(
      text.stdout,
      new RegExp(`^Quiz: .*\\n${questions.length} questions: the section gave ${questions.length} good questions of the 10 asked for\\.`, 'u'),
    );
    const full = json(await runFootnote('quiz', '--count', '3', '--seed', '1', '--json'));
    assert.equal(full['note'], undefined);
  });

  test('GIVEN bad options THEN a usage error (exit 2) or, with --json, one {error} object', async () => {
    assert.equal((await runFootnote('quiz', '--count', '11')).code, 2);
    assert.equal((await runFootnote('summary', '--length', 'medium')).code, 2);
    const unknown = await runFootnote('summary', '--section', 'Weather', '--json');
    assert.equal(unknown.code, 2);
    assert.equal((JSON.parse(unknown.stdout) as { error: { kind: string } }).error.kind, 'unknown-section');
  });

  test('GIVEN no --json THEN readable text that cites the sections', async () => {
    const result = await runFootnote('summary');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Key points \(short\): How Baku is playing with fire/u);
    assert.match(result.stdout, /— Introduction, ¶ \d+/u);
  });
});
