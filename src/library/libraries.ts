/**
 * Each Discord server reads the operator's shared corpus plus its own library. This service keeps one
 * engine (and one vector index folder) per server that has documents, adds and removes documents, and
 * answers "which engine serves this server?" — a server without documents is served by the shared engine.
 * Nothing of one server's library is ever part of another server's engine.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { LoadedCorpus } from '../corpus/load-corpus.js';
import { loadWordVectors, type WordVectors } from '../embeddings/word-vectors.js';
import { openEngine, type OpenEngineOptions } from '../engine.js';
import type { Engine } from '../engine-types.js';
import type { Logger } from '../logger.js';
import { fetchLink } from './fetch-link.js';
import { IngestThread } from './ingest-thread.js';
import type { AsyncLibraryStore, LibraryDocumentRecord } from './library-store.js';
import { readLibraryTexts } from './library-corpus.js';
import { LIBRARY_FOLDER, slugOf } from './read-document.js';

export { LIBRARY_FOLDER } from './read-document.js';

export type LibraryOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface LibrariesOptions {
  readonly config: Config;
  readonly store: AsyncLibraryStore;
  /** The engine over the shared corpus alone. */
  readonly shared: Engine;
  readonly logger: Logger;
  /** Called when a document leaves a library, to drop its review cards. */
  readonly onRemoved?: (documentId: string) => Promise<unknown>;
  readonly now?: () => Date;
  /** The conversations the servers' engines remember (the command line's, restored from its file); each engine's own when absent. */
  readonly conversations?: OpenEngineOptions['conversations'];
  /** Passage embeddings shared through the database, so a process embeds only what no process did before. */
  readonly embeddingCache?: OpenEngineOptions['embeddingCache'];
  /** Where files are read and libraries parsed and indexed: a worker thread of its own by default. */
  readonly ingest?: IngestThread;
}

export interface AddInput {
  readonly libraryId: string;
  readonly name: string;
  readonly bytes: Buffer;
  readonly contentType?: string | undefined;
  readonly sourceUrl?: string | undefined;
  readonly addedBy: string;
}

export class Libraries {
  private readonly engines = new Map<string, Promise<Engine>>();
  private words: WordVectors | undefined;
  private readonly ingest: IngestThread;
  /** Who is told how indexing goes, per library, while a change is being indexed. */
  private readonly indexingProgress = new Map<string, (done: number, total: number) => void>();

  constructor(private readonly options: LibrariesOptions) {
    this.ingest = options.ingest ?? new IngestThread();
  }

  get store(): AsyncLibraryStore {
    return this.options.store;
  }

  /** Quotas and fetch limits (config.library). */
  get limits(): Config['library'] {
    return this.options.config.library;
  }

  /** The engine that serves this server: its library's, or the shared one when it has no documents. */
  async engineFor(libraryId: string | undefined): Promise<Engine> {
    if (libraryId === undefined) return this.options.shared;
    const open = this.engines.get(libraryId);
    if (open !== undefined) return open;
    let documents: number;
    try {
      documents = (await this.options.store.usage(libraryId)).documents;
    } catch (error) {
      // The database is down: answer from the shared texts rather than not at all; the library comes back with it.
      this.options.logger.warn('library database unavailable; answering from the shared corpus', { libraryId, error });
      return this.options.shared;
    }
    if (documents === 0) return this.options.shared;
    let engine = this.engines.get(libraryId);
    if (engine === undefined) {
      engine = this.openLibraryEngine(libraryId);
      this.engines.set(libraryId, engine);
      engine.catch(() => this.engines.delete(libraryId));
    }
    return engine;
  }

  async addFile(input: AddInput, onProgress?: (step: string) => void): Promise<LibraryOutcome<LibraryDocumentRecord>> {
    const { library } = this.options.config;
    if (input.bytes.length > library.maxFileBytes) {
      return { ok: false, message: `“${input.name}” is ${mebibytes(input.bytes.length)}, over the ${mebibytes(library.maxFileBytes)} limit for one document.` };
    }
    onProgress?.(`Reading “${input.name}”…`);
    // pdf.js and the parser run in the ingest worker: a 300-page PDF takes seconds that the bot spends answering.
    const read = await this.ingest.read({
      libraryId: input.libraryId,
      name: input.name,
      bytes: input.bytes,
      contentType: input.contentType,
      limits: { maxUnzippedBytes: library.maxUnzippedBytes },
    });
    if (!read.ok) return { ok: false, message: read.message };
    const { documentId, title, format, text, contentHash } = read.document;
    const record: LibraryDocumentRecord = {
      libraryId: input.libraryId,
      documentId,
      title,
      format,
      sourceName: input.name,
      sourceUrl: input.sourceUrl,
      contentHash,
      originalBytes: input.bytes.length,
      textCharacters: text.length,
      addedBy: input.addedBy,
      addedAt: (this.options.now?.() ?? new Date()).getTime(),
    };
    const added = await this.options.store.add({
      record,
      text,
      original: input.bytes,
      quota: { maxDocuments: library.maxDocuments, maxTotalBytes: library.maxTotalBytes },
    });
    if (added.kind === 'duplicate') return { ok: false, message: `That text is already in this server's library, as “${added.existing.title}”.` };
    if (added.kind === 'over-quota') return { ok: false, message: added.message };
    onProgress?.(`Indexing “${record.title}”…`);
    this.indexingProgress.set(input.libraryId, (done, total) =>
      onProgress?.(`Indexing “${record.title}”: ${Math.floor((100 * done) / Math.max(1, total))}% of ${total} passages…`),
    );
    try {
      await this.refresh(input.libraryId);
    } finally {
      this.indexingProgress.delete(input.libraryId);
    }
    return { ok: true, value: added.record };
  }

  async addLink(
    input: { libraryId: string; link: string; addedBy: string },
    onProgress?: (step: string) => void,
  ): Promise<LibraryOutcome<LibraryDocumentRecord>> {
    const { library } = this.options.config;
    onProgress?.(`Fetching ${input.link.slice(0, 200)}…`);
    const fetched = await fetchLink(input.link, {
      maxBytes: library.maxFileBytes,
      timeoutMs: library.fetchTimeoutMs,
      maxRedirects: library.maxRedirects,
      allowPrivateAddresses: library.allowPrivateUrls,
    });
    if (!fetched.ok) return { ok: false, message: fetched.message };
    const { bytes, contentType, finalUrl, name } = fetched.fetched;
    return this.addFile({ libraryId: input.libraryId, name, bytes, contentType, sourceUrl: finalUrl, addedBy: input.addedBy }, onProgress);
  }

  async remove(libraryId: string, documentId: string): Promise<LibraryOutcome<LibraryDocumentRecord>> {
    const removed = await this.options.store.remove(libraryId, documentId);
    if (removed === undefined) return { ok: false, message: 'That document is not in this server’s library.' };
    await this.options.onRemoved?.(documentId);
    await this.refresh(libraryId);
    return { ok: true, value: removed };
  }

  /**
   * Another process changed this library (PostgreSQL NOTIFY): an engine open here reloads it from the database,
   * or is dropped when the library is now empty. A library not open here is read fresh when first asked.
   */
  async changedElsewhere(libraryId: string): Promise<void> {
    if (this.engines.has(libraryId)) await this.refresh(libraryId);
  }

  /** The libraries with an engine open in this process (after a lost connection, each may have missed a change). */
  openLibraries(): string[] {
    return [...this.engines.keys()];
  }

  /** After a change: the library's engine reindexes (or is dropped when the library is empty, with its index folder). */
  private async refresh(libraryId: string): Promise<void> {
    const engine = this.engines.get(libraryId);
    if ((await this.options.store.usage(libraryId)).documents === 0) {
      this.engines.delete(libraryId);
      await rm(this.indexDirectory(libraryId), { recursive: true, force: true });
      return;
    }
    if (engine === undefined) {
      await this.engineFor(libraryId);
      return;
    }
    await (await engine).reload();
  }

  /** Ends the ingest worker (a bot's shutdown; an idle worker never keeps the process alive). */
  close(): Promise<void> {
    return this.ingest.close();
  }

  private indexDirectory(libraryId: string): string {
    return path.join(this.options.config.dataDir, 'index', LIBRARY_FOLDER, slugOf(libraryId));
  }

  private async openLibraryEngine(libraryId: string): Promise<Engine> {
    const { config, logger } = this.options;
    this.words ??= loadWordVectors({ modelDir: config.modelDir });
    return openEngine(config, {
      logger,
      wordVectors: this.words,
      source: { load: (options) => this.loadLibrary(libraryId, options?.rebuild === true), indexDirectory: this.indexDirectory(libraryId), writesIndex: true },
      ...(this.options.conversations !== undefined ? { conversations: this.options.conversations } : {}),
      embeddingCache: this.options.embeddingCache,
    });
  }

  /** The shared corpus and the library's texts, parsed (and, with the local embeddings, indexed and saved) in the ingest worker. */
  private async loadLibrary(libraryId: string, rebuild: boolean): Promise<LoadedCorpus & { readonly indexWritten: boolean }> {
    const texts = await readLibraryTexts(this.options.store, libraryId);
    const prepared = await this.ingest.prepare({ config: this.options.config, texts, indexDirectory: this.indexDirectory(libraryId), rebuild }, (done, total) =>
      this.indexingProgress.get(libraryId)?.(done, total),
    );
    return { ...prepared.loaded, indexWritten: prepared.indexed };
  }
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
