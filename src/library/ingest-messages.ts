/** What the bot's thread and the ingest worker (ingest-worker.ts) say to each other. */
import type { Config } from '../config.js';
import type { CorpusPiece } from './corpus-pieces.js';
import type { LibraryText } from './library-corpus.js';
import type { ReadDocumentInput, ReadDocumentOutcome } from './read-document.js';

export interface PrepareInput {
  readonly config: Config;
  /** The library's documents; the shared corpus is read from config.corpusDir. */
  readonly texts: readonly LibraryText[];
  readonly indexDirectory: string;
  /** Build the index again even when the saved one matches (/reindex). */
  readonly rebuild?: boolean;
}

export interface PreparedLibrary {
  /** A handle for the pieces of the parsed corpus, asked for one at a time. */
  readonly job: number;
  readonly pieces: number;
  readonly contentHash: string;
  readonly warnings: readonly string[];
  /** Whether the worker saved an index for this corpus (with the local embeddings), which the bot's thread then opens. */
  readonly indexed: boolean;
  /** The worker's thread id: tests check the work was not done on the bot's thread. */
  readonly threadId: number;
}

export type IngestRequest =
  | { readonly kind: 'read'; readonly input: ReadDocumentInput }
  | { readonly kind: 'prepare'; readonly input: PrepareInput }
  | { readonly kind: 'piece'; readonly job: number; readonly index: number }
  | { readonly kind: 'release'; readonly job: number };

export interface IngestReplies {
  read: ReadDocumentOutcome & { readonly threadId: number };
  prepare: PreparedLibrary;
  piece: CorpusPiece;
  release: true;
}

export type WorkerMessage =
  | { readonly id: number; readonly kind: 'done'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string; readonly stack: string | undefined }
  | { readonly id: number; readonly kind: 'progress'; readonly done: number; readonly total: number };
