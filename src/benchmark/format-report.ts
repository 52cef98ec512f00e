/** The readable form of a benchmark run: three small tables, each with the issue's targets checked. */
import { BASELINE_CHUNK_OVERLAP, BASELINE_CHUNK_SIZE, BASELINE_TOP_K } from './baseline-pipeline.js';
import type { BenchmarkResult } from './run-benchmark.js';
import { SYNTHETIC_SEED } from './run-benchmark.js';

/** Issue 7's targets for this 2-core machine. */
export const TARGETS = {
  hitAt3Margin: 0.1,
  scaleChunks: 100_000,
  queryP99Ms: 5,
  recallAt10: 0.98,
  rssMb: 1536,
  chunksPerSecond: 1500,
  stallMs: 50,
  coldStartMs: 1500,
  /** Issue 13: the longest the event loop may wait while a long PDF is added to a library. */
  libraryStallMs: 50,
} as const;

export function formatReport({ report, details }: BenchmarkResult): string {
  const machine = report.machine;
  const lines = [
    `footnote bench · ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node}, ${machine.os}${details.commit !== undefined ? ` · commit ${details.commit}` : ''}`,
    '',
  ];

  const quality = details.quality;
  if (quality !== undefined && report.baseline !== null && report.footnote !== null) {
    lines.push(
      `Answer quality and latency: ${quality.questions} questions (${quality.answerable} answerable) from ${details.questionsFile}, same local embeddings`,
    );
    lines.push(
      ...table(
        ['pipeline', 'chunks', 'hit@1', 'hit@3', 'p50 ms', 'p99 ms'],
        [
          [
            `LangChain tutorial (${BASELINE_CHUNK_SIZE}/${BASELINE_CHUNK_OVERLAP} splitter, brute force, top ${BASELINE_TOP_K})`,
            String(quality.baselineChunks),
            fixed(report.baseline.hit_at_1, 3),
            fixed(report.baseline.hit_at_3, 3),
            fixed(report.baseline.p50_ms, 2),
            fixed(report.baseline.p99_ms, 2),
          ],
          [
            'footnote (engine.ask: retrieval + extractive answer)',
            String(quality.footnoteChunks),
            fixed(report.footnote.hit_at_1, 3),
            fixed(report.footnote.hit_at_3, 3),
            fixed(report.footnote.p50_ms, 2),
            fixed(report.footnote.p99_ms, 2),
          ],
        ],
      ),
    );
    const margin = report.footnote.hit_at_3 - report.baseline.hit_at_3;
    lines.push(
      `hit@3 margin over the baseline: ${margin >= 0 ? '+' : ''}${margin.toFixed(3)} (target ≥ +${TARGETS.hitAt3Margin.toFixed(2)}) ${check(margin >= TARGETS.hitAt3Margin - 1e-9)}`,
      '',
    );
  }

  if (report.scale.length > 0) {
    lines.push(`Scale: synthetic corpora from the article's vocabulary (seed ${SYNTHETIC_SEED}), ${details.scale[0]?.queries ?? 0} queries each, top 10`);
    lines.push(
      ...table(
        ['chunks', 'ingest s', 'chunks/s', 'index MiB', 'hnsw p50/p99 ms', 'exact p50/p99 ms', 'recall@10', 'peak rss MiB', 'max stall build/save ms'],
        report.scale.map((figures, position) => {
          const extra = details.scale[position];
          return [
            figures.chunks.toLocaleString('en'),
            fixed(figures.ingest_s, 2),
            figures.chunks_per_s.toLocaleString('en'),
            fixed(figures.index_bytes / 1048576, 1),
            `${fixed(figures.query_p50_ms, 3)} / ${fixed(figures.query_p99_ms, 3)}`,
            `${fixed(figures.exact_p50_ms, 2)} / ${fixed(figures.exact_p99_ms, 2)}`,
            fixed(figures.recall_at_10, 3),
            String(figures.rss_mb),
            extra !== undefined ? `${Math.round(extra.buildStallMs)} / ${Math.round(extra.saveStallMs)}` : '',
          ];
        }),
      ),
    );
    const target = report.scale.find((figures) => figures.chunks === TARGETS.scaleChunks);
    const targetDetails = details.scale[report.scale.findIndex((figures) => figures.chunks === TARGETS.scaleChunks)];
    if (target !== undefined && targetDetails !== undefined) {
      lines.push(
        `Targets at ${TARGETS.scaleChunks.toLocaleString('en')}: query p99 ≤ ${TARGETS.queryP99Ms} ms ${check(target.query_p99_ms <= TARGETS.queryP99Ms)} · recall@10 ≥ ${TARGETS.recallAt10} ${check(target.recall_at_10 >= TARGETS.recallAt10)} · rss ≤ ${TARGETS.rssMb} MiB ${check(target.rss_mb <= TARGETS.rssMb)} · ingest ≥ ${TARGETS.chunksPerSecond} chunks/s ${check(target.chunks_per_s >= TARGETS.chunksPerSecond)} · event-loop stall ≤ ${TARGETS.stallMs} ms while building ${check(targetDetails.buildStallMs <= TARGETS.stallMs)}, while saving ${check(targetDetails.saveStallMs <= TARGETS.stallMs)}`,
      );
    }
    lines.push('');
  }

  const coldStart = details.coldStart;
  if (coldStart !== undefined) {
    lines.push(
      `Start-up: ${coldStart.method} ask --json with the article's index on disk, spawn to answer: ${coldStart.milliseconds} ms (median of ${coldStart.runs.length} run(s): ${coldStart.runs.join(' ms, ')} ms; target ≤ ${TARGETS.coldStartMs} ms) ${check(coldStart.milliseconds <= TARGETS.coldStartMs)}`,
      '',
    );
  }
  const pdf = report.library_pdf;
  if (pdf !== null) {
    lines.push(
      `Library: a ${pdf.pages}-page PDF (${fixed(pdf.pdf_bytes / 1048576, 1)} MiB, ${pdf.passages.toLocaleString('en')} passages) read, stored, indexed and opened in ${fixed(pdf.seconds, 1)} s: ${fixed(pdf.pages_per_s, 1)} pages/s; longest event-loop delay meanwhile ${fixed(pdf.max_event_loop_delay_ms, 1)} ms (target ≤ ${TARGETS.libraryStallMs} ms) ${check(pdf.max_event_loop_delay_ms <= TARGETS.libraryStallMs)}; idle for as long: ${fixed(pdf.idle_max_event_loop_delay_ms, 1)} ms${pdf.max_event_loop_cpu_ms === null ? '' : `; the most CPU the bot's thread spent in one stall: ${fixed(pdf.max_event_loop_cpu_ms, 1)} ms`}`,
      '',
    );
  }
  for (const note of details.notes) lines.push(`Note: ${note}`);
  return lines.join('\n').trimEnd();
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  // The first column is a label, left-aligned; the others are figures, right-aligned so digits line up.
  const render = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [render(header), ...rows.map(render)];
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function check(met: boolean): string {
  return met ? '✓' : '✗';
}
