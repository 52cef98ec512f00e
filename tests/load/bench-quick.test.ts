/**
 * `footnote bench --quick --json` end to end: it ingests, measures a cold start and reads a PDF into a library
 * while watching the event loop — a benchmark run, so it is in the load tier (`npm run test:load`, which CI
 * runs after `npm test`), not in the default one. Its parts are unit-tested in tests/benchmark/.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { createBenchCommand } from '../../src/cli/commands/bench.js';
import { collectingIo } from '../helpers/collecting-io.js';
import { temporaryFolder, testConfig } from '../helpers/test-config.js';

const folder = temporaryFolder('bench');
after(() => folder.remove());

test('GIVEN bench --quick --json on a tiny size THEN stdout is exactly one JSON object with the documented keys', async () => {
  const questions = path.join(folder.path, 'questions.jsonl');
  writeFileSync(
    questions,
    [
      {
        id: 'q1',
        question: 'Why did Baku close the Russian House?',
        evidence: ['accused of facilitating Russian intelligence activities in Baku'],
        answerable: true,
      },
      { id: 'q2', question: 'How many people died when the Azal plane crashed?', evidence: ['killing 67 people'], answerable: true },
      { id: 'q3', question: 'What is the capital of Peru?', evidence: [], answerable: false },
    ]
      .map((item) => JSON.stringify(item))
      .join('\n'),
  );
  const command = createBenchCommand({
    quickSizes: [400],
    quickQueries: 20,
    coldStartRuns: 1,
    libraryPdfPages: 3,
    allowBuild: false,
    loadConfig: async () => testConfig({ FOOTNOTE_DATA_DIR: path.join(folder.path, 'data') }),
  });
  const { io, stdout, stderr } = collectingIo();

  const code = await command.run(['--quick', '--json', '--questions', questions], io);

  assert.equal(code, 0, stderr());
  const lines = stdout()
    .split('\n')
    .filter((line) => line !== '');
  assert.equal(lines.length, 1, 'one line on stdout; progress goes to stderr');
  const report = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  assert.deepEqual(Object.keys(report).sort(), ['baseline', 'cold_start_ms', 'footnote', 'library_pdf', 'machine', 'scale']);
  assert.deepEqual(Object.keys(report.machine as object).sort(), ['cores', 'cpu', 'memory_gb', 'node', 'os']);
  for (const side of ['baseline', 'footnote'] as const) {
    const figures = report[side] as Record<string, number>;
    assert.deepEqual(Object.keys(figures).sort(), ['hit_at_1', 'hit_at_3', 'p50_ms', 'p99_ms']);
    assert.ok(figures.hit_at_1! <= figures.hit_at_3! && figures.hit_at_3! <= 1);
  }
  // footnote finds the evidence of both answerable questions in its first three passages.
  assert.equal((report.footnote as Record<string, number>).hit_at_3, 1);
  const scale = report.scale as Record<string, number>[];
  assert.equal(scale.length, 1, '--quick measures one size');
  assert.deepEqual(Object.keys(scale[0] ?? {}).sort(), [
    'chunks',
    'chunks_per_s',
    'exact_p50_ms',
    'exact_p99_ms',
    'index_bytes',
    'ingest_s',
    'query_p50_ms',
    'query_p99_ms',
    'recall_at_10',
    'rss_mb',
  ]);
  assert.equal(scale[0]?.chunks, 400);
  assert.ok((scale[0]?.index_bytes ?? 0) > 400 * 100 * 4, 'the index on disk holds at least the float vectors');
  assert.ok((scale[0]?.recall_at_10 ?? 0) > 0.5 && (scale[0]?.recall_at_10 ?? 0) <= 1);
  assert.equal(typeof report.cold_start_ms, 'number');
  const pdf = report.library_pdf as Record<string, number>;
  assert.deepEqual(Object.keys(pdf).sort(), [
    'idle_max_event_loop_delay_ms',
    'max_event_loop_cpu_ms',
    'max_event_loop_delay_ms',
    'pages',
    'pages_per_s',
    'passages',
    'pdf_bytes',
    'seconds',
  ]);
  assert.equal(pdf.pages, 3);
  if (process.platform === 'linux') assert.ok((pdf.max_event_loop_cpu_ms ?? -1) >= 0, "the bot's thread's own CPU per stall is measured on Linux");
  assert.ok((pdf.passages ?? 0) >= 3, 'each page of the PDF is read into passages');
  assert.match(stderr(), /scale: 400 chunks/u);
});
