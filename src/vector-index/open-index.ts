/**
 * Opens the saved index when it still matches the corpus and the embedding model, and rebuilds it
 * (atomically, see index-files.ts) when it does not: changed corpus, other model or dimensions, other
 * chunker, missing, truncated or damaged files. An index written by a newer footnote is never overwritten.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import path from 'node:path';
import type { Chunk } from '../chunking/chunk-corpus.js';
import { CHUNKER_VERSION } from '../chunking/chunk-corpus.js';
import type { Corpus } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { HnswVectorStore, type HnswGraph, type IndexedDocument } from './hnsw-store.js';
import { readIndexFiles, removeOrphanedTemporaryFiles, type IndexManifest, type ReadIndexResult } from './index-files.js';

export interface EmbeddingModelInfo {
  readonly provider: string;
  readonly model: string;
  readonly dimensions: number;
}

export interface OpenIndexInput {
  readonly directory: string;
  readonly corpus: Corpus;
  readonly chunks: readonly Chunk[];
  readonly embeddings: EmbeddingsInterface;
  readonly model: EmbeddingModelInfo;
  readonly logger: Logger;
  readonly forceRebuild?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** Told once when the index must be built, with the reason (a terminal shows it: the first run waits here). */
  readonly onStep?: (message: string) => void;
  /** The lexical index's tables, encoded; asked for only when the index is built, and saved with it. */
  readonly encodeLexical?: () => Promise<Uint8Array>;
  /** The corpus's parsed structure, encoded; asked for only when the index is built, and saved with it. */
  readonly encodeParsed?: () => Promise<Uint8Array | undefined>;
  /** The saved index, already being read (readSavedIndex); read here when not given. */
  readonly saved?: Promise<SavedIndex>;
}

/** The saved files, checked, and their vector graph being read on the thread pool (an Error when it cannot be). */
export interface SavedIndex {
  readonly files: ReadIndexResult;
  readonly graph: Promise<HnswGraph | Error> | undefined;
}

/**
 * Starts reading the saved index — checksums, then the vector graph, read once on the thread pool and checked against
 * its checksum as it is — so a start can load the corpus meanwhile; openIndex then decides whether it still fits.
 * Never rejects.
 */
export async function readSavedIndex(directory: string, dimensions: number): Promise<SavedIndex> {
  const files = await readIndexFiles(directory, { hashVectors: false });
  const graph = files.ok
    ? HnswVectorStore.readGraph(files.vectorsFile, dimensions, { sha256: files.manifest.files.vectors.sha256 }).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      )
    : undefined;
  return { files, graph };
}

export interface OpenedIndex {
  readonly store: HnswVectorStore;
  readonly manifest: IndexManifest;
  /** Why it was rebuilt, or undefined when the saved index was used. */
  readonly rebuiltBecause: string | undefined;
  /** The saved lexical tables (checksum verified) when the saved index was used and has them. */
  readonly lexical: Buffer | undefined;
}

export function indexDirectory(dataDir: string): string {
  return path.join(dataDir, 'index');
}

export async function openIndex(input: OpenIndexInput): Promise<OpenedIndex> {
  const orphans = await removeOrphanedTemporaryFiles(input.directory);
  if (orphans.length > 0) input.logger.info('removed temporary files an interrupted index write left', { files: orphans.length });
  const reason = input.forceRebuild === true ? 'a rebuild was asked for' : await reuse(input);
  if (typeof reason !== 'string') return reason;
  input.logger.info('building the index', { reason, chunks: input.chunks.length });
  input.onStep?.(`building the index of ${input.chunks.length} passages (${reason})…`);
  const saveable = !reason.startsWith('the index was written by a newer footnote');
  return { ...(await buildIndex(input, saveable)), rebuiltBecause: reason, lexical: undefined };
}

async function reuse(input: OpenIndexInput): Promise<OpenedIndex | string> {
  const { files, graph } = await (input.saved ?? readSavedIndex(input.directory, input.model.dimensions));
  if (!files.ok) return files.reason === 'newer-version' ? `${files.detail}; using a rebuilt copy in memory and leaving the files alone` : files.detail;
  const { manifest } = files;
  const mismatch =
    manifest.provider !== input.model.provider || manifest.model !== input.model.model
      ? `the index was built with ${manifest.provider}/${manifest.model}, the configured model is ${input.model.provider}/${input.model.model}`
      : manifest.dimensions !== input.model.dimensions
        ? `the index holds ${manifest.dimensions}-dimension vectors, the model gives ${input.model.dimensions}`
        : manifest.corpusHash !== input.corpus.contentHash
          ? 'the corpus has changed since the index was built'
          : manifest.chunkerVersion !== CHUNKER_VERSION
            ? `the index was chunked by chunker version ${manifest.chunkerVersion}, this is version ${CHUNKER_VERSION}`
            : files.documents.length !== input.chunks.length || files.documents.some((document, position) => document.id !== input.chunks[position]?.id)
              ? 'the stored passages do not match the corpus'
              : undefined;
  if (mismatch !== undefined) return mismatch;
  try {
    const read = await graph;
    if (read === undefined || read instanceof Error) throw read ?? new Error('the vectors file was not read');
    // The file keeps ids only; the passages themselves are the chunks those ids were just checked against.
    const store = HnswVectorStore.fromGraph({
      embeddings: input.embeddings,
      dimensions: input.model.dimensions,
      graph: read,
      documents: input.chunks.map(asDocument),
      vectorsFile: files.vectorsFile,
    });
    return { store, manifest, rebuiltBecause: undefined, lexical: files.lexical };
  } catch (error) {
    return `the index file could not be read (${(error as Error).message})`;
  }
}

/** The chunk as the store keeps it; its text and citation are read from the chunk when a search returns it. */
function asDocument(chunk: Chunk): IndexedDocument {
  return new ChunkDocument(chunk);
}

class ChunkDocument implements IndexedDocument {
  private citation: IndexedDocument['metadata'] | undefined;

  constructor(private readonly chunk: Chunk) {}

  get id(): string {
    return this.chunk.id;
  }

  get pageContent(): string {
    return this.chunk.text;
  }

  get metadata(): IndexedDocument['metadata'] {
    const { chunk } = this;
    this.citation ??= { documentId: chunk.documentId, section: chunk.section, paragraph: chunk.paragraph, start: chunk.start, end: chunk.end };
    return this.citation;
  }
}

async function buildIndex(input: OpenIndexInput, save: boolean): Promise<{ store: HnswVectorStore; manifest: IndexManifest }> {
  const store = new HnswVectorStore(input.embeddings, input.model.dimensions);
  const batch = 128;
  for (let start = 0; start < input.chunks.length; start += batch) {
    const slice = input.chunks.slice(start, start + batch);
    const vectors = await input.embeddings.embedDocuments(slice.map((chunk) => chunk.text));
    await store.addVectors(vectors, slice.map(asDocument));
    input.onProgress?.(Math.min(start + batch, input.chunks.length), input.chunks.length);
  }
  const fields = {
    provider: input.model.provider,
    model: input.model.model,
    corpusHash: input.corpus.contentHash,
    chunkerVersion: CHUNKER_VERSION,
    counts: { documents: input.corpus.documents.length, chunks: input.chunks.length },
    builtAt: new Date().toISOString(),
  };
  const manifest = save
    ? await store.saveWithManifest(input.directory, fields, { lexical: await input.encodeLexical?.(), parsed: await input.encodeParsed?.() })
    : ({
        ...fields,
        formatVersion: 1,
        dimensions: input.model.dimensions,
        files: { vectors: { name: '', bytes: 0, sha256: '' }, documents: { name: '', bytes: 0, sha256: '' } },
      } satisfies IndexManifest);
  return { store, manifest };
}
