import assert from 'node:assert/strict';
import { test } from 'node:test';
import hnswlib from 'hnswlib-node';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../src/seeded-random.js';
import { HnswVectorStore, type HnswSettings } from '../../src/vector-index/hnsw-store.js';
import { SavedGraph } from '../../src/vector-index/saved-graph.js';
import { sseDistance } from '../../src/vector-index/saved-vectors.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { DIMENSIONS, noEmbeddings, tiedVectors } from '../helpers/tied-vectors.js';

const SETTINGS: HnswSettings = { m: 16, efConstruction: 60, efSearch: 64 };

const vectors = (count: number, seed: string) => tiedVectors(count, seed, 5);

/** A saved index of `points`, its file, and hnswlib's own reading of that file. */
async function savedIndex(points: number[][], folder: string): Promise<{ file: string; hnswlib: InstanceType<typeof hnswlib.HierarchicalNSW> }> {
  const store = new HnswVectorStore(noEmbeddings, DIMENSIONS, SETTINGS);
  await store.addVectors(
    points,
    points.map((_point, label) => ({ pageContent: '', metadata: {}, id: String(label) })),
  );
  await store.save(folder);
  const file = path.join(folder, readdirSync(folder).find((name) => name.endsWith('.hnsw')) ?? '');
  const native = new hnswlib.HierarchicalNSW('cosine', DIMENSIONS);
  await native.readIndex(file);
  return { file, hnswlib: native };
}

/** The query as hnswlib-node normalises it (float sum of squares, sqrtf, float division). */
function normalised(query: readonly number[]): Float32Array {
  const values = query.map((value) => Math.fround(value));
  let sum = 0;
  for (const value of values) sum = Math.fround(sum + Math.fround(value * value));
  const norm = Math.fround(Math.sqrt(sum));
  return Float32Array.from(values, (value) => Math.fround(value / norm));
}

test('GIVEN a saved graph with ties THEN the JavaScript search gives hnswlib’s labels, distances (to the bit) and order, filtered or not, in WebAssembly or not', async () => {
  const points = vectors(3000, 'saved-graph');
  const folder = temporaryFolder('saved-graph');
  try {
    const { file, hnswlib: native } = await savedIndex(points, folder.path);
    const inWebAssembly = await SavedGraph.read(file, DIMENSIONS, sseDistance);
    const inJavaScript = SavedGraph.over(new Uint8Array(readFileSync(file)), DIMENSIONS, sseDistance);
    assert.ok(inWebAssembly !== undefined && inJavaScript !== undefined);
    const searchers: SavedGraph[] = [inWebAssembly, inJavaScript];
    const random = seededRandom('saved-graph-queries');
    let filtered = 0;
    for (let round = 0; round < 120; round += 1) {
      const near = points[random.below(points.length)] as number[];
      const query = near.map((value) => 1.7 * (value + (random.next() - 0.5) * 0.4));
      const k = [1, 10, 40, 64, 200][round % 5] as number;
      const ef = [SETTINGS.efSearch, 16, 300][round % 3] as number;
      const from = random.below(points.length - 400);
      const to = from + [80, 150, 390][round % 3]!;
      const range = round % 2 === 0 ? { from, to } : undefined;
      native.setEf(Math.max(ef, k));
      const found = range === undefined ? native.searchKnn(query, k) : native.searchKnn(query, k, (label: number) => label >= range.from && label < range.to);
      const expected = found.neighbors.map((label, position) => [label, found.distances[position]]);
      if (range !== undefined) filtered += 1;
      for (const searcher of searchers) {
        assert.deepEqual(
          searcher.search(normalised(query), k, Math.max(ef, k), range),
          expected,
          `round ${round}, k ${k}, ef ${ef}, ${range === undefined ? 'all' : `${from}–${to}`}`,
        );
      }
    }
    assert.equal(filtered, 60);
  } finally {
    folder.remove();
  }
});

test('GIVEN an index opened from its file THEN hnswlib does not read the graph, and searches give what the store that built it gives', async () => {
  const points = vectors(1200, 'saved-graph-store');
  const folder = temporaryFolder('saved-graph-store');
  try {
    const built = new HnswVectorStore(noEmbeddings, DIMENSIONS, SETTINGS);
    const documents = points.map((_point, label) => ({ pageContent: '', metadata: {}, id: String(label) }));
    await built.addVectors(points, documents);
    await built.save(folder.path);
    const file = path.join(folder.path, readdirSync(folder.path).find((name) => name.endsWith('.hnsw')) ?? '');
    const graph = await HnswVectorStore.readGraph(file, DIMENSIONS);
    // This x86-64 build of hnswlib sums with SSE, which the WebAssembly module reproduces.
    if (process.arch === 'x64') assert.ok(graph instanceof SavedGraph);
    const opened = HnswVectorStore.fromGraph({ embeddings: noEmbeddings, dimensions: DIMENSIONS, graph, documents, settings: SETTINGS, vectorsFile: file });
    if (process.arch === 'x64') assert.equal(opened.searchesFileGraph, true);
    const random = seededRandom('saved-graph-store-queries');
    for (let round = 0; round < 30; round += 1) {
      const query = (points[random.below(points.length)] as number[]).map((value) => value + (random.next() - 0.5) * 0.3);
      assert.deepEqual(opened.searchLabels(query, 40), built.searchLabels(query, 40));
      const from = random.below(points.length - 200);
      for (const to of [from + 30, from + 64, from + 200])
        assert.deepEqual(opened.searchRange(query, 40, { from, to }), built.searchRange(query, 40, { from, to }), `${from}–${to}`);
    }
    await assert.rejects(opened.addVectors([points[0] as number[]], [documents[0]!]), /searched, not added to/u);
    // A long-lived process has hnswlib read the graph after its warm-up: the same results.
    const query = (points[77] as number[]).map((value) => value * 0.9);
    const before = [
      opened.searchLabels(query, 40),
      opened.searchRange(query, 40, { from: 100, to: 300 }),
      opened.searchRange(query, 40, { from: 100, to: 130 }),
    ];
    await opened.searchWithHnswlib();
    assert.equal(opened.searchesFileGraph, false);
    assert.deepEqual(
      [opened.searchLabels(query, 40), opened.searchRange(query, 40, { from: 100, to: 300 }), opened.searchRange(query, 40, { from: 100, to: 130 })],
      before,
    );
  } finally {
    folder.remove();
  }
});
