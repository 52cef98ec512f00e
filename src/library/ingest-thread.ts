/**
 * The bot's side of the ingest worker (ingest-worker.ts): one worker thread, started when a library first
 * needs it, that reads added files and parses and indexes libraries one request after another. While a request
 * runs the bot's event loop is free; the parsed corpus comes back in pieces with a turn of the event loop
 * between them. An idle worker lets the process exit, and ends after `idleMs` to give its memory back.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedCorpus } from '../corpus/load-corpus.js';
import { CorpusAssembly } from './corpus-pieces.js';
import type { IngestReplies, IngestRequest, PrepareInput, WorkerMessage } from './ingest-messages.js';
import type { ReadDocumentInput } from './read-document.js';

export interface IngestThreadOptions {
  /** An idle worker ends after this long (default a minute); the next request starts a new one. */
  readonly idleMs?: number;
}

export interface PreparedCorpus {
  readonly loaded: LoadedCorpus;
  /** The worker saved the index for this corpus: opening it reads the files, nothing is embedded on the bot's thread. */
  readonly indexed: boolean;
  readonly threadId: number;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly progress: ((done: number, total: number) => void) | undefined;
}

export class IngestWorkerError extends Error {
  override readonly name = 'IngestWorkerError';
}

export class IngestThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: IngestThreadOptions = {}) {}

  /** Extracts and parses an added file (see read-document.ts). */
  read(input: ReadDocumentInput): Promise<IngestReplies['read']> {
    return this.call({ kind: 'read', input });
  }

  /** Parses the library (and, with the local embeddings, builds and saves its index), then brings the corpus back. */
  async prepare(input: PrepareInput, onProgress?: (done: number, total: number) => void): Promise<PreparedCorpus> {
    const prepared = await this.call<'prepare'>({ kind: 'prepare', input }, onProgress);
    try {
      const assembly = new CorpusAssembly();
      for (let index = 0; index < prepared.pieces; index += 1) {
        assembly.add(await this.call<'piece'>({ kind: 'piece', job: prepared.job, index }));
        await yieldToEventLoop();
      }
      return { loaded: { corpus: assembly.corpus(prepared.contentHash), warnings: prepared.warnings }, indexed: prepared.indexed, threadId: prepared.threadId };
    } finally {
      await this.call({ kind: 'release', job: prepared.job }).catch(() => undefined);
    }
  }

  /** Ends the worker now; requests in flight fail. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }

  private call<K extends IngestRequest['kind']>(
    request: IngestRequest & { kind: K },
    progress?: (done: number, total: number) => void,
  ): Promise<IngestReplies[K]> {
    const worker = this.start();
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<IngestReplies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, progress });
      worker.ref();
      clearTimeout(this.idleTimer);
      worker.postMessage({ id, request });
    });
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker;
    // None of the process's own flags: a test runner's --import of a .ts file would fail before tsx is registered.
    const worker = new Worker(workerEntry(), { execArgv: [] });
    worker.on('message', (message: WorkerMessage) => {
      const pending = this.pending.get(message.id);
      if (pending === undefined) return;
      if (message.kind === 'progress') {
        pending.progress?.(message.done, message.total);
        return;
      }
      this.pending.delete(message.id);
      if (message.kind === 'done') pending.resolve(message.value);
      else pending.reject(Object.assign(new IngestWorkerError(message.message), message.stack === undefined ? {} : { stack: message.stack }));
      this.settle(worker);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const pending of this.pending.values()) pending.reject(new IngestWorkerError(`the ingest worker stopped: ${error.message}`));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Nothing in flight: the worker no longer keeps the process alive, and ends if nothing comes for a while. */
  private settle(worker: Worker): void {
    if (this.pending.size > 0 || this.worker !== worker) return;
    worker.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0 && this.worker === worker) void this.close();
    }, this.options.idleMs ?? 60_000);
    this.idleTimer.unref();
  }
}

/**
 * ingest-worker.js in the compiled dist/; from source (tests, scripts run with tsx), ingest-worker.ts, loaded
 * through tsx registered in the worker itself: a worker thread does not inherit the `--import tsx` hooks. Under
 * `npm test`, the copy of src/ the run transpiled once (FOOTNOTE_TEST_BUILD, scripts/test-build.ts): tsx in
 * each worker costs it about 0.6 s of CPU.
 */
function workerEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  const candidate = path.join(path.dirname(here), `ingest-worker${path.extname(here)}`);
  if (!existsSync(candidate)) throw new IngestWorkerError(`cannot find ${candidate}: run \`npm run build\``);
  if (path.extname(here) !== '.ts') return pathToFileURL(candidate);
  const testBuild = process.env['FOOTNOTE_TEST_BUILD'];
  const transpiled = testBuild === undefined || testBuild === '' ? undefined : path.join(testBuild, 'src', 'library', 'ingest-worker.js');
  if (transpiled !== undefined && existsSync(transpiled)) return pathToFileURL(transpiled);
  const code = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(pathToFileURL(candidate).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
