/**
 * Issue #13's ingestion target: a long PDF added to a server's library the way /library add adds it (read,
 * stored, parsed and indexed in the ingest worker, then opened), while the event loop's delay is measured
 * with perf_hooks.monitorEventLoopDelay, then for as long with the process idle (on a shared machine the
 * scheduler alone delays the loop). The PDF is written here from the article's vocabulary (fixed seed),
 * one paragraph per page, so nothing large is kept in git.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { openEngine } from '../engine.js';
import { Libraries } from '../library/libraries.js';
import { asyncLibraryStore, SqliteLibraryStore } from '../library/library-store.js';
import { silentLogger } from '../logger.js';
import { seededRandom } from '../seeded-random.js';
import { createBigramModel } from './bigram-model.js';
import { writePdf } from './pdf-writer.js';

const LINES_PER_PAGE = 44;
const LINE_CHARACTERS = 85;
/** The monitor's sampling step: the delay it reports is exact to about this much. */
const RESOLUTION_MS = 10;
/** The idle comparison lasts as long as the ingestion, up to this. */
const MAX_IDLE_SECONDS = 20;

export interface LibraryPdfFigures {
  readonly pages: number;
  readonly pdf_bytes: number;
  readonly passages: number;
  /** From the file's bytes to the document answerable in its server. */
  readonly seconds: number;
  readonly pages_per_s: number;
  readonly max_event_loop_delay_ms: number;
  /** The same, with the process idle for as long right after: what the machine's load alone costs. */
  readonly idle_max_event_loop_delay_ms: number;
  /**
   * The most CPU the bot's thread itself spent between two turns of a 10 ms timer while the PDF was added: its own
   * blocking, without the time a busy machine keeps it waiting for a core (Linux's schedstat; null elsewhere).
   */
  readonly max_event_loop_cpu_ms: number | null;
}

/** The main thread's time on a CPU so far, in ms, from Linux's per-thread schedstat; undefined where there is none. */
function mainThreadCpuMs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** Samples the main thread's CPU time every RESOLUTION_MS; stop() gives the largest step between two samples. */
function sampleOwnStalls(): { stop: () => number | null } {
  let last = mainThreadCpuMs();
  if (last === undefined) return { stop: () => null };
  let largest = 0;
  const timer = setInterval(() => {
    const now = mainThreadCpuMs() ?? 0;
    largest = Math.max(largest, now - (last ?? now));
    last = now;
  }, RESOLUTION_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(largest * 10) / 10;
    },
  };
}

/** A PDF of `pages` pages of generated prose (about 3,500 characters, 550 words each). */
export function longPdf(options: { readonly sourceSentences: readonly string[]; readonly pages: number; readonly seed: number }): Buffer {
  const model = createBigramModel(options.sourceSentences);
  const random = seededRandom(options.seed);
  const pages: string[][] = [];
  for (let page = 0; page < options.pages; page += 1) {
    const lines: string[] = [];
    let line = '';
    while (lines.length < LINES_PER_PAGE) {
      const topic = [random.pick(model.contentWords), random.pick(model.contentWords)];
      for (const word of model.sentence(random, topic).split(' ')) {
        if (line !== '' && line.length + 1 + word.length > LINE_CHARACTERS) {
          lines.push(line);
          line = word;
        } else line = line === '' ? word : `${line} ${word}`;
      }
    }
    pages.push(lines);
  }
  return writePdf(pages, { title: 'A long reading list' });
}

export async function measureLibraryPdf(options: {
  readonly config: Config;
  readonly pages: number;
  readonly seed: number;
  readonly progress: (line: string) => void;
}): Promise<LibraryPdfFigures> {
  const { corpus } = await loadCorpus(options.config.corpusDir);
  const sentences = corpus.documents.flatMap((document) => document.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)));
  const pdf = longPdf({ sourceSentences: sentences, pages: options.pages, seed: options.seed });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'footnote-bench-library-'));
  const config: Config = {
    ...options.config,
    dataDir,
    databaseFile: path.join(dataDir, 'footnote.sqlite'),
    library: { ...options.config.library, maxFileBytes: Math.max(options.config.library.maxFileBytes, pdf.length) },
  };
  const store = new SqliteLibraryStore(config.databaseFile);
  const shared = await openEngine(config, { logger: silentLogger });
  const libraries = new Libraries({ config, store: asyncLibraryStore(store), shared, logger: silentLogger });
  try {
    options.progress(`a ${options.pages}-page PDF (${(pdf.length / 1048576).toFixed(1)} MiB) added to a library, event-loop delay monitored`);
    const monitor = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    monitor.enable();
    const ownStalls = sampleOwnStalls();
    const started = performance.now();
    const added = await libraries.addFile({ libraryId: 'bench', name: 'long-reading-list.pdf', bytes: pdf, contentType: 'application/pdf', addedBy: 'bench' });
    if (!added.ok) throw new Error(`the benchmark PDF was not added: ${added.message}`);
    const engine = await libraries.engineFor('bench');
    const seconds = (performance.now() - started) / 1000;
    // A stall at the very end shows only when the monitor's next sample comes.
    await sleep(RESOLUTION_MS * 3);
    monitor.disable();
    const ownStallMs = ownStalls.stop();
    const idle = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    idle.enable();
    await sleep(Math.min(seconds, MAX_IDLE_SECONDS) * 1000);
    idle.disable();
    return {
      pages: options.pages,
      pdf_bytes: pdf.length,
      passages: engine.index.chunks - shared.index.chunks,
      seconds: Math.round(seconds * 100) / 100,
      pages_per_s: Math.round((options.pages / seconds) * 10) / 10,
      max_event_loop_delay_ms: Math.round(monitor.max / 1e5) / 10,
      idle_max_event_loop_delay_ms: Math.round(idle.max / 1e5) / 10,
      max_event_loop_cpu_ms: ownStallMs,
    };
  } finally {
    await libraries.close();
    store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
