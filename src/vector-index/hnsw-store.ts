/**
 * hnswlib-node (cosine) over documents shaped like LangChain's (`pageContent`, `metadata` holding the chunk's
 * citation, `id`); labels are their positions. Embeddings come through LangChain's `EmbeddingsInterface`, so
 * providers swap. It does not extend LangChain's VectorStore: nothing here uses that class's retriever
 * machinery, and its runtime (@langchain/core with langsmith, ~630 modules) doubled the start-up of every
 * offline command.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';
import { closeSync, openSync, readSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { writeIndexFiles, type IndexManifest, type StoredDocument } from './index-files.js';
import { matchingDistance, normalizedAsHnswlib, savedGraphOf } from './hnswlib-distance.js';
import { SavedGraph } from './saved-graph.js';
import { DamagedFileError, fileSha256InTurns } from './sha256-in-turns.js';
import { nearestInRange, readSavedVectors, savedVectorsLayout, type InnerProductDistance, type SavedVectorsLayout } from './saved-vectors.js';

const { HierarchicalNSW, BruteforceSearch } = hnswlib;
type HnswIndex = InstanceType<typeof HierarchicalNSW>;
/** A vectors file read into memory (readGraph), not yet given its documents: searched in JavaScript, or by hnswlib. */
export type HnswGraph = HnswIndex | SavedGraph;

export interface HnswSettings {
  readonly m: number;
  readonly efConstruction: number;
  readonly efSearch: number;
}

export const DEFAULT_HNSW: HnswSettings = { m: 16, efConstruction: 60, efSearch: 768 };

/** A chunk as the store keeps it in memory: its text, its citation as metadata, its id. */
export interface IndexedDocument {
  readonly pageContent: string;
  readonly metadata: Record<string, unknown>;
  readonly id?: string | undefined;
}

/** Ranges whose exhaustive search is kept: a few documents a conversation keeps asking about (~40 KB per 100 passages). */
const RANGES_KEPT = 16;

/** Written into the manifest: which store wrote the vectors file. */
const STORE_TYPE = 'hnswlib-node';

export class HnswVectorStore {
  private index: HnswIndex | undefined;
  /** The saved file's graph searched in JavaScript (saved-graph.ts), for a store opened from its file; hnswlib's then is not read. */
  private savedGraph: SavedGraph | undefined;
  private readonly documents: IndexedDocument[] = [];
  /** Exhaustive searches over recently asked ranges (searchRange), most recent last. */
  private readonly ranges = new Map<string, InstanceType<typeof BruteforceSearch>>();
  /** The file the graph was read from, while the store still holds just what it holds (saved-vectors.ts). */
  private saved: { readonly file: string; readonly layout: SavedVectorsLayout } | undefined;
  /** hnswlib's distance as computed in JavaScript: found on the first range search; null when no way matches this build. */
  private distance: InnerProductDistance | null | undefined;

  constructor(
    readonly embeddings: EmbeddingsInterface,
    readonly dimensions: number,
    private readonly settings: HnswSettings = DEFAULT_HNSW,
  ) {}

  get size(): number {
    return this.documents.length;
  }

  /** Whether searches go through the saved file's graph in JavaScript (saved-graph.ts) rather than hnswlib. */
  get searchesFileGraph(): boolean {
    return this.savedGraph !== undefined;
  }

  /** Whether range searches read the vectors from the saved file (after the first one has checked the distance). */
  get searchesSavedVectors(): boolean {
    return this.savedGraph !== undefined || (this.saved !== undefined && this.distance !== null && this.distance !== undefined);
  }

  documentAt(label: number): IndexedDocument | undefined {
    return this.documents[label];
  }

  async addDocuments(documents: IndexedDocument[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
    return this.addVectors(vectors, documents);
  }

  /** Adds in batches, yielding to the event loop between them so a bot stays responsive during a rebuild. */
  async addVectors(vectors: number[][], documents: IndexedDocument[]): Promise<string[]> {
    if (vectors.length !== documents.length) throw new Error(`addVectors: ${vectors.length} vectors for ${documents.length} documents`);
    const index = this.ensureCapacity(this.documents.length + vectors.length);
    this.ranges.clear();
    this.saved = undefined;
    const ids: string[] = [];
    for (let position = 0; position < vectors.length; position += 1) {
      const vector = vectors[position] as number[];
      if (vector.length !== this.dimensions) throw new Error(`a ${vector.length}-dimension vector cannot go into a ${this.dimensions}-dimension index`);
      const label = this.documents.length;
      index.addPoint(vector, label);
      const document = documents[position] as IndexedDocument;
      this.documents.push(document);
      ids.push(document.id ?? String(label));
      if (position % 64 === 63) await yieldToEventLoop();
    }
    return ids;
  }

  /**
   * For a long-lived process (a bot, after its warm-up): has hnswlib read the saved file's graph and searches with it
   * from then on, as a store did before it searched the file's graph in JavaScript. The results are the same either
   * way; a one-shot command is spared the read (~0.5 s of CPU at 97k passages), a bot's many questions get hnswlib's
   * compiled search, a little faster per question. Nothing changes when the file cannot be read.
   */
  async searchWithHnswlib(): Promise<void> {
    if (this.savedGraph === undefined || this.saved === undefined) return;
    let graph: HnswGraph;
    try {
      graph = await HnswVectorStore.readGraph(this.saved.file, this.dimensions, { byHnswlib: true });
    } catch {
      return;
    }
    if (graph instanceof SavedGraph || graph.getCurrentCount() !== this.documents.length) return;
    this.index = graph;
    this.savedGraph = undefined;
  }

  /** Nearest labels with cosine similarity (1 - hnswlib's cosine distance), best first. */
  searchLabels(query: ArrayLike<number>, k: number): [number, number][] {
    if (this.documents.length === 0) return [];
    const limit = Math.min(k, this.documents.length);
    if (this.savedGraph !== undefined)
      return similarities(this.savedGraph.search(Float32Array.from(normalizedAsHnswlib(query)), limit, Math.max(this.settings.efSearch, limit)));
    if (this.index === undefined) return [];
    this.index.setEf(Math.max(this.settings.efSearch, limit));
    return pairs(this.index.searchKnn(Array.from(query), limit));
  }

  /**
   * Nearest labels among `from` ≤ label < `to` (one document's passages), as `searchLabels` gives them. A range
   * smaller than efSearch is searched exhaustively over its own vectors: hnswlib's filtered search stops only
   * once it holds efSearch allowed points, so for such a range it visits the whole graph (110 ms a question
   * at 97k passages) and returns every point of the range anyway. The exhaustive search uses hnswlib's own
   * distance on the same stored floats and the same order of ties, so labels and similarities are identical:
   * over the range's vectors read from the saved file when the store was opened from one (saved-vectors.ts),
   * else over a brute-force index of them copied out of hnswlib.
   */
  searchRange(query: ArrayLike<number>, k: number, range: { readonly from: number; readonly to: number }): [number, number][] {
    const from = Math.max(0, range.from);
    const to = Math.min(range.to, this.documents.length);
    if (to <= from) return [];
    const limit = Math.min(k, to - from);
    if (this.savedGraph !== undefined) {
      const query32 = Float32Array.from(normalizedAsHnswlib(query));
      if (to - from >= this.settings.efSearch)
        return similarities(this.savedGraph.search(query32, limit, Math.max(this.settings.efSearch, limit), { from, to }));
      return nearestInRange(this.savedGraph.distanceFunction, query32, this.savedGraph.vectors(from, to) as Float32Array, from, limit);
    }
    if (this.index === undefined) return [];
    if (to - from >= this.settings.efSearch) {
      this.index.setEf(Math.max(this.settings.efSearch, limit));
      return pairs(this.index.searchKnn(Array.from(query), limit, (label: number) => label >= from && label < to));
    }
    const normalized = normalizedAsHnswlib(query);
    const vectors =
      this.saved === undefined || this.distance === null ? undefined : readSavedVectors(this.saved.file, this.saved.layout, this.dimensions, { from, to });
    if (vectors !== undefined) {
      const query32 = Float32Array.from(normalized);
      this.distance ??= matchingDistance(this.index, query32, vectors, from, this.dimensions);
      if (this.distance !== null) return nearestInRange(this.distance, query32, vectors, from, limit);
    }
    return pairs(this.rangeSearch(this.index, from, to).searchKnn(normalized, limit));
  }

  /** The range's stored (already normalised) vectors under inner-product distance, which is hnswlib's cosine space. */
  private rangeSearch(index: HnswIndex, from: number, to: number): InstanceType<typeof BruteforceSearch> {
    const key = `${from}:${to}`;
    const kept = this.ranges.get(key);
    if (kept !== undefined) {
      this.ranges.delete(key);
      this.ranges.set(key, kept);
      return kept;
    }
    const search = new BruteforceSearch('ip', this.dimensions);
    search.initIndex(to - from);
    for (let label = from; label < to; label += 1) search.addPoint(index.getPoint(label), label);
    if (this.ranges.size >= RANGES_KEPT) this.ranges.delete(this.ranges.keys().next().value as string);
    this.ranges.set(key, search);
    return search;
  }

  /** Writes the index and its documents atomically into `directory` (see index-files.ts). */
  async save(directory: string): Promise<void> {
    await this.saveWithManifest(directory, {});
  }

  /**
   * Only the documents' ids are written: whoever reopens the index has the documents (footnote's passages come
   * from the corpus the manifest's hash pins) and passes them to `fromFiles`. `extraFiles`: see index-files.ts.
   */
  async saveWithManifest(
    directory: string,
    manifestFields: Record<string, unknown>,
    extraFiles: { readonly lexical?: Uint8Array | undefined; readonly parsed?: Uint8Array | undefined } = {},
  ): Promise<IndexManifest> {
    const index = this.ensureCapacity(Math.max(1, this.documents.length));
    const documents: StoredDocument[] = this.documents.map((document) => ({ id: document.id }));
    return writeIndexFiles(directory, {
      writeVectors: async (file) => {
        await index.writeIndex(file);
      },
      documents,
      ...(extraFiles.lexical !== undefined ? { lexical: extraFiles.lexical } : {}),
      ...(extraFiles.parsed !== undefined ? { parsed: extraFiles.parsed } : {}),
      manifest: { ...manifestFields, dimensions: this.dimensions, vectorStore: STORE_TYPE, hnsw: this.settings, count: this.documents.length },
    });
  }

  /**
   * Reads a vectors file written by `save` on the thread pool, so the caller can do other work meanwhile: a start
   * loads the corpus while the 60 MB of a real library's vectors are read. The graph is searched in JavaScript
   * (saved-graph.ts) when its distance can be made hnswlib's on this build; else (or `byHnswlib`) hnswlib reads it
   * (readIndex, which costs ~0.5 s of CPU and 200k system calls for 97k passages). Throws when the file holds vectors
   * of another dimension, or (a DamagedFileError) bytes whose sha256 is not `sha256`, when given.
   */
  static async readGraph(
    vectorsFile: string,
    dimensions: number,
    options: { readonly byHnswlib?: boolean; readonly sha256?: string } = {},
  ): Promise<HnswGraph> {
    const fileDimensions = hnswFileDimensions(vectorsFile);
    if (fileDimensions !== dimensions) throw new Error(`the index file holds ${fileDimensions}-dimension vectors but ${dimensions} were expected`);
    const saved = options.byHnswlib === true ? undefined : await savedGraphOf(vectorsFile, dimensions, options.sha256);
    if (saved !== undefined) return saved;
    if (options.sha256 !== undefined && (await fileSha256InTurns(vectorsFile)).sha256 !== options.sha256) throw new DamagedFileError(vectorsFile);
    const index = new HierarchicalNSW('cosine', dimensions);
    await index.readIndex(vectorsFile);
    return index;
  }

  /** A store over a graph from `readGraph`, with the documents it was saved with (the caller has checked their ids). */
  static fromGraph(options: {
    embeddings: EmbeddingsInterface;
    dimensions: number;
    graph: HnswGraph;
    documents: readonly IndexedDocument[];
    settings?: HnswSettings;
    /** The file the graph was read from: a document's vectors are then read from it (searchRange). */
    vectorsFile?: string;
  }): HnswVectorStore {
    const store = new HnswVectorStore(options.embeddings, options.dimensions, options.settings ?? DEFAULT_HNSW);
    const count = options.graph instanceof SavedGraph ? options.graph.size : options.graph.getCurrentCount();
    if (count !== options.documents.length) throw new Error(`the index file holds ${count} vectors but ${options.documents.length} documents`);
    if (options.graph instanceof SavedGraph) store.savedGraph = options.graph;
    else store.index = options.graph;
    for (const document of options.documents) store.documents.push(document);
    const layout = options.vectorsFile === undefined ? undefined : savedVectorsLayout(options.vectorsFile, options.dimensions);
    if (options.vectorsFile !== undefined && layout?.count === options.documents.length) store.saved = { file: options.vectorsFile, layout };
    return store;
  }

  private ensureCapacity(needed: number): HnswIndex {
    if (this.savedGraph !== undefined) throw new Error('an index opened from its file is searched, not added to: build a new one (footnote ingest --force)');
    if (this.index === undefined) {
      this.index = new HierarchicalNSW('cosine', this.dimensions);
      this.index.initIndex(Math.max(needed, 16), this.settings.m, this.settings.efConstruction, 100);
    } else if (this.index.getMaxElements() < needed) {
      this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    }
    return this.index;
  }
}

/**
 * hnswlib's readIndex accepts a file of another dimension without complaint, so read it from the header:
 * bytes 32–40 hold label_offset and 40–48 offsetData; the vector takes the bytes between them (float32).
 */
export function hnswFileDimensions(file: string): number {
  const header = Buffer.alloc(48);
  const descriptor = openSync(file, 'r');
  try {
    if (readSync(descriptor, header, 0, 48, 0) < 48) return -1;
  } finally {
    closeSync(descriptor);
  }
  const labelOffset = Number(header.readBigUInt64LE(32));
  const dataOffset = Number(header.readBigUInt64LE(40));
  return (labelOffset - dataOffset) / 4;
}

/** [label, distance] pairs as [label, cosine similarity]. */
function similarities(found: readonly [number, number][]): [number, number][] {
  return found.map(([label, distance]) => [label, 1 - distance]);
}

function pairs(found: { readonly neighbors: number[]; readonly distances: number[] }): [number, number][] {
  return found.neighbors.map((label, position) => [label, 1 - (found.distances[position] ?? 1)]);
}
