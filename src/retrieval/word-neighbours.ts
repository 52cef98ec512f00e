/**
 * The corpus words nearest a word in pretrained-vector space, without scanning the whole vocabulary per
 * question word: a small vocabulary is compared exhaustively over one packed matrix; a large one (a real
 * library has 50k+ distinct words) goes through an HNSW graph. Building that graph took ~21 s for 40k words
 * at every start, so it is saved beside the index, named by a hash of the vocabulary, and read back (in
 * well under a second) while the vocabulary stays the same.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { int8DotProducts, type Int8DotProducts } from '../embeddings/int8-dot-products.js';
import type { WordVectors } from '../embeddings/word-vectors.js';

const { HierarchicalNSW } = hnswlib;
type Graph = InstanceType<typeof HierarchicalNSW>;

/** Up to this many words, an exhaustive comparison is cheaper than building a graph. */
const EXHAUSTIVE_LIMIT = 20_000;
/** Neighbours read from the graph; further ones are too far to count as a match (see TermMatcher's floors). */
const GRAPH_NEIGHBOURS = 200;
const GRAPH_SETTINGS = { m: 8, efConstruction: 40, seed: 7 };
const GRAPH_FILE = /^word-graph-[0-9a-f]+\.hnsw$/u;

export interface WordNeighboursOptions {
  /** Where the graph of a large vocabulary is saved and looked for (the index folder); none: built each time. */
  readonly cacheDirectory?: string | undefined;
  /** For tests: the smallest vocabulary that gets a graph. */
  readonly exhaustiveLimit?: number;
}

export class WordNeighbours {
  /** The exhaustive comparison's int8 rows (the vectors as stored) and each row's scale (0: a word without a vector). */
  private readonly exhaustive: { readonly dots: Int8DotProducts; readonly scales: Float64Array } | undefined;
  private readonly graph: Graph | undefined;
  private scratch: Float64Array | undefined;
  /** Whether the graph was read from the cache rather than built. */
  readonly graphFromCache: boolean;

  constructor(
    private readonly corpusWords: readonly string[],
    private readonly words: WordVectors,
    options: WordNeighboursOptions = {},
  ) {
    if (corpusWords.length <= (options.exhaustiveLimit ?? EXHAUSTIVE_LIMIT)) {
      this.exhaustive = quantisedRows(corpusWords, words);
      this.graphFromCache = false;
      return;
    }
    const file = options.cacheDirectory === undefined ? undefined : path.join(options.cacheDirectory, graphFileName(corpusWords, words.dimensions));
    const cached = file === undefined ? undefined : readGraph(file, corpusWords, words);
    this.graphFromCache = cached !== undefined;
    this.graph = cached ?? buildGraph(vectorsOf(corpusWords, words), corpusWords.length, words.dimensions);
    this.graph.setEf(GRAPH_NEIGHBOURS);
    if (file !== undefined && cached === undefined) saveGraph(this.graph, file);
  }

  /** Corpus words whose cosine with `word` is above `floor`, with that cosine. */
  near(word: string, floor: number): Map<string, number> {
    const found = new Map<string, number>();
    const row = this.words.rank(word);
    if (row === undefined || this.corpusWords.length === 0) return found;
    const query = this.words.vector(word) as Float32Array;
    if (this.graph !== undefined) {
      const { neighbors, distances } = this.graph.searchKnn(Array.from(query), Math.min(GRAPH_NEIGHBOURS, this.corpusWords.length));
      neighbors.forEach((label, position) => {
        const similarity = 1 - (distances[position] ?? 1);
        if (similarity > floor) found.set(this.corpusWords[label] as string, similarity);
      });
      return found;
    }
    // A first pass takes every row's integer dot product with the query's int8 values (WebAssembly SIMD); times
    // the two scales it is the cosine up to rounding. A row it finds near the floor is summed again in order
    // over the float32 vectors, so every similarity is exactly the one-sum value, to the last bit.
    const { dots, scales } = this.exhaustive as NonNullable<WordNeighbours['exhaustive']>;
    const { values, scale } = this.words.quantised(row);
    const products = dots.dotAll(values);
    const lanes = this.lanes(query);
    const dimensions = this.words.dimensions;
    const limit = (floor - ROUNDING_MARGIN) / scale;
    for (let candidate = 0; candidate < scales.length; candidate += 1) {
      const candidateScale = scales[candidate] as number;
      if ((products[candidate] as number) * candidateScale <= limit) continue;
      const codes = dots.rowView(candidate);
      let dot = 0;
      for (let at = 0; at < dimensions; at += 1) dot += (lanes[at] as number) * Math.fround((codes[at] as number) * candidateScale);
      if (dot > floor) found.set(this.corpusWords[candidate] as string, dot);
    }
    return found;
  }

  /** The query as doubles (the same values: the products, and so the sums, are those of the float32 query). */
  private lanes(query: Float32Array): Float64Array {
    const lanes = (this.scratch ??= new Float64Array(query.length));
    for (let dimension = 0; dimension < query.length; dimension += 1) lanes[dimension] = query[dimension]!;
    return lanes;
  }
}

/**
 * How far the first pass's value may be from the in-order float sum. Each float32 component is the int8 value
 * times the scale rounded to float32 (relative error ≤ 2^-24), so a product of two is off by at most 2^-23 of
 * itself and the dot product of two (near-)unit vectors by about 1.2e-7 plus the double sums' ~1e-14; 1e-5
 * keeps every row that could pass the floor, and lets only a handful more through to the exact sum.
 */
const ROUNDING_MARGIN = 1e-5;

function quantisedRows(corpusWords: readonly string[], words: WordVectors): { dots: Int8DotProducts; scales: Float64Array } {
  const dots = int8DotProducts(corpusWords.length, words.dimensions);
  const scales = new Float64Array(corpusWords.length);
  corpusWords.forEach((word, position) => {
    const row = words.rank(word);
    if (row === undefined) return; // a zero vector, as addTo leaves it: its cosine with anything is 0
    const { values, scale } = words.quantised(row);
    dots.rowView(position).set(values);
    scales[position] = scale;
  });
  return { dots, scales };
}

function vectorsOf(corpusWords: readonly string[], words: WordVectors): Float32Array {
  const dimensions = words.dimensions;
  const vectors = new Float32Array(corpusWords.length * dimensions);
  corpusWords.forEach((word, row) => words.addTo(word, vectors.subarray(row * dimensions, (row + 1) * dimensions), 1));
  return vectors;
}

function buildGraph(vectors: Float32Array, count: number, dimensions: number): Graph {
  const graph = new HierarchicalNSW('ip', dimensions);
  graph.initIndex(count, GRAPH_SETTINGS.m, GRAPH_SETTINGS.efConstruction, GRAPH_SETTINGS.seed);
  for (let row = 0; row < count; row += 1) graph.addPoint(Array.from(vectors.subarray(row * dimensions, (row + 1) * dimensions)), row);
  return graph;
}

/** Named by the words in their order (rows are labels) and the graph's settings. */
function graphFileName(corpusWords: readonly string[], dimensions: number): string {
  const hash = createHash('sha256').update(JSON.stringify({ dimensions, ...GRAPH_SETTINGS }));
  for (const word of corpusWords) hash.update(word).update('\n');
  return `word-graph-${hash.digest('hex').slice(0, 24)}.hnsw`;
}

/**
 * The saved graph, when it holds one point per word and its points are still these word vectors (a few rows
 * compared: another vectors model gives other points); otherwise undefined and it is built again.
 */
function readGraph(file: string, corpusWords: readonly string[], words: WordVectors): Graph | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const graph = new HierarchicalNSW('ip', words.dimensions);
    graph.readIndexSync(file);
    if (graph.getCurrentCount() !== corpusWords.length) return undefined;
    const step = Math.max(1, Math.floor(corpusWords.length / 16));
    for (let row = 0; row < corpusWords.length; row += step) {
      const expected = words.vector(corpusWords[row] as string);
      const stored = graph.getPoint(row);
      if (expected === undefined || stored.some((value, dimension) => Math.abs(value - (expected[dimension] as number)) > 1e-5)) return undefined;
    }
    return graph;
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed; graphs of other vocabularies are removed. A failure only costs the next start. */
function saveGraph(graph: Graph, file: string): void {
  const directory = path.dirname(file);
  const temporary = `${file}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  try {
    if (!existsSync(directory)) return;
    graph.writeIndexSync(temporary);
    renameSync(temporary, file);
    for (const name of readdirSync(directory)) if (GRAPH_FILE.test(name) && name !== path.basename(file)) rmSync(path.join(directory, name), { force: true });
  } catch {
    rmSync(temporary, { force: true });
  }
}
