/**
 * The ingest worker (a node:worker_threads thread; ingest-thread.ts starts it): reads added files, parses a
 * library's texts and builds and saves its index, so the bot's event loop keeps answering other servers while
 * a 300-page PDF is read. The bot's thread then opens the saved index and rebuilds the parsed corpus from
 * the pieces it asks for (corpus-pieces.ts).
 */
import { setPriority } from 'node:os';
import { parentPort, threadId } from 'node:worker_threads';
import { loadCorpus } from '../corpus/load-corpus.js';
import { LocalEmbeddings } from '../embeddings/local-embeddings.js';
import { loadWordVectors, type WordVectors } from '../embeddings/word-vectors.js';
import { loadState } from '../engine/engine-state.js';
import { silentLogger } from '../logger.js';
import { corpusPieces, type CorpusPiece } from './corpus-pieces.js';
import type { IngestReplies, IngestRequest, PrepareInput, PreparedLibrary, WorkerMessage } from './ingest-messages.js';
import { libraryCorpusFrom } from './library-corpus.js';
import { readDocument } from './read-document.js';

/** Lower than the bot's thread (0), but still ahead of the idlest work (19). */
const WORKER_NICENESS = 10;

const port = parentPort;
if (port === null) throw new Error('ingest-worker.ts runs as a worker thread: start it with IngestThread (src/library/ingest-thread.ts)');

// On Linux a nice value belongs to a thread, and pid 0 is the calling one: this thread, not the bot's, yields
// the CPU when both want it. (Elsewhere it would lower the whole process, so it is left alone there.)
if (process.platform === 'linux') {
  try {
    setPriority(0, WORKER_NICENESS);
  } catch {
    // Not allowed in this container: the work runs at the bot's priority.
  }
}

let words: WordVectors | undefined;
let nextJob = 1;
const jobs = new Map<number, CorpusPiece[]>();

async function prepare(input: PrepareInput, progress: (done: number, total: number) => void): Promise<PreparedLibrary> {
  const { config } = input;
  const loaded = libraryCorpusFrom(await loadCorpus(config.corpusDir), input.texts);
  // An embedding server is called from the bot's thread, which shares its embedding cache; only the local model runs here.
  const indexed = config.embeddings.provider === 'local';
  if (indexed) {
    words ??= loadWordVectors({ modelDir: config.modelDir });
    const local = new LocalEmbeddings(words);
    await loadState({
      config,
      source: { load: () => Promise.resolve(loaded), indexDirectory: input.indexDirectory },
      logger: silentLogger,
      words,
      localEmbeddings: local,
      embeddings: local,
      model: { provider: local.provider, model: local.model, dimensions: local.dimensions },
      rebuild: input.rebuild === true,
      onProgress: progress,
      weights: undefined,
    });
  }
  const job = nextJob;
  nextJob += 1;
  const pieces = corpusPieces(loaded.corpus);
  jobs.set(job, pieces);
  return { job, pieces: pieces.length, contentHash: loaded.corpus.contentHash, warnings: loaded.warnings, indexed, threadId };
}

async function handle(request: IngestRequest, progress: (done: number, total: number) => void): Promise<IngestReplies[IngestRequest['kind']]> {
  switch (request.kind) {
    case 'read':
      return { ...(await readDocument(request.input)), threadId };
    case 'prepare':
      return prepare(request.input, progress);
    case 'piece': {
      const piece = jobs.get(request.job)?.[request.index];
      if (piece === undefined) throw new Error(`no piece ${request.index} of job ${request.job}`);
      return piece;
    }
    case 'release':
      jobs.delete(request.job);
      return true;
  }
}

port.on('message', (message: { id: number; request: IngestRequest }) => {
  const { id, request } = message;
  const send = (reply: WorkerMessage) => port.postMessage(reply);
  handle(request, (done, total) => send({ id, kind: 'progress', done, total })).then(
    (value) => send({ id, kind: 'done', value }),
    (error: unknown) =>
      send({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }),
  );
});
