import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { questionsFrom } from '../../src/benchmark/measure-corpus.js';
import { UsageError } from '../../src/cli/cli-command.js';
import { createBenchCommand } from '../../src/cli/commands/bench.js';
import { collectingIo } from '../helpers/collecting-io.js';
import { articleFile, temporaryFolder, testConfig } from '../helpers/test-config.js';

const folder = temporaryFolder('bench-corpus');
after(() => folder.remove());

const command = createBenchCommand({
  quickQueries: 25,
  coldStartRuns: 0,
  allowBuild: false,
  loadConfig: async () => testConfig({ FOOTNOTE_DATA_DIR: path.join(folder.path, 'data') }),
});

test('GIVEN bench --corpus DIR --json THEN one JSON object says what ingest, the index, memory and questions cost on that corpus', async () => {
  const corpus = path.join(folder.path, 'corpus');
  mkdirSync(corpus);
  copyFileSync(articleFile, path.join(corpus, 'article.txt'));
  const { io, stdout, stderr } = collectingIo();

  const code = await command.run(['--corpus', corpus, '--quick', '--json'], io);

  assert.equal(code, 0, stderr());
  const report = JSON.parse(stdout()) as {
    corpus: { documents: number; megabytes: number };
    ingest: { chunks: number; seconds: number };
    index: { megabytes: number; times_corpus: number };
    peak_rss_mb: number;
    ask: { questions: number; p50_ms: number; p99_ms: number; warm_up_ms: number };
    cold_start: unknown;
  };
  assert.equal(report.corpus.documents, 1);
  assert.ok(report.ingest.chunks > 10, `${report.ingest.chunks} chunks`);
  assert.ok(report.index.megabytes > 0 && report.index.times_corpus > 0);
  assert.ok(report.peak_rss_mb > 50);
  assert.equal(report.ask.questions, 25);
  assert.ok(report.ask.p50_ms > 0 && report.ask.p50_ms <= report.ask.p99_ms);
  assert.ok(report.ask.warm_up_ms > 0, 'the warm-up the bot does is measured too');
  assert.equal(report.cold_start, null);
  assert.match(stderr(), /ingest: .*corpus/);
});

test('GIVEN bench --corpus with a folder that does not exist THEN a usage error names it', async () => {
  const missing = path.join(folder.path, 'no-such-corpus');
  await assert.rejects(
    command.run(['--corpus', missing], collectingIo().io),
    (error: unknown) => error instanceof UsageError && error.message.includes(missing),
  );
});

test('GIVEN the same sentences THEN the benchmark asks the same questions, each from four content words of one sentence', () => {
  const sentences = [
    'The night train from Vienna reached Baku after three long days.',
    'Too short.',
    'Ministers met the railway unions in Tbilisi last spring.',
  ];
  const first = questionsFrom(sentences, 5);
  assert.deepEqual(questionsFrom(sentences, 5), first);
  assert.equal(first.length, 5);
  for (const question of first) assert.match(question, /^Which (\S+ ){3}\S+\?$/);
});
