import assert from 'node:assert/strict';
import { test } from 'node:test';
import hnswlib from 'hnswlib-node';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../src/seeded-random.js';
import { HnswVectorStore, type HnswSettings } from '../../src/vector-index/hnsw-store.js';
import { nearestInRange, plainDistance, sseDistance } from '../../src/vector-index/saved-vectors.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { DIMENSIONS, noEmbeddings, tiedVectors } from '../helpers/tied-vectors.js';

const SETTINGS: HnswSettings = { m: 16, efConstruction: 60, efSearch: 64 };

const vectors = (count: number, seed: string) => tiedVectors(count, seed, 7);

async function storeOf(points: number[][]): Promise<HnswVectorStore> {
  const store = new HnswVectorStore(noEmbeddings, DIMENSIONS, SETTINGS);
  await store.addVectors(
    points,
    points.map((_point, label) => ({ pageContent: '', metadata: {}, id: String(label) })),
  );
  return store;
}

/** hnswlib's own filtered graph search, allowed to visit every point (ef above the range's size). */
function graphSearcher(points: number[][]): (query: number[], k: number, from: number, to: number) => [number, number][] {
  const index = new hnswlib.HierarchicalNSW('cosine', DIMENSIONS);
  index.initIndex(points.length, SETTINGS.m, SETTINGS.efConstruction, 100);
  points.forEach((point, label) => index.addPoint(point, label));
  index.setEf(points.length);
  return (query, k, from, to) => {
    const found = index.searchKnn(query, k, (label: number) => label >= from && label < to);
    return found.neighbors.map((label, position) => [label, 1 - (found.distances[position] ?? 1)]);
  };
}

test('GIVEN a range smaller than efSearch THEN its exhaustive search gives the graph search’s labels, similarities (to the bit) and order of ties', async () => {
  const points = vectors(600, 'range-search');
  const store = await storeOf(points);
  const graphSearch = graphSearcher(points);
  const random = seededRandom('range-queries');
  for (const [from, to, k] of [
    [0, 1, 1],
    [100, 140, 40],
    [213, 276, 63],
    [560, 600, 40],
    [100, 140, 10],
    [560, 600, 25],
  ] as const) {
    for (let round = 0; round < 5; round += 1) {
      // A query near one of the range's points, scaled so it must be normalised as hnswlib does.
      const query = (points[from + random.below(to - from)] as number[]).map((value) => 3.7 * (value + (random.next() - 0.5) * 0.3));
      const found = store.searchRange(query, k, { from, to });
      const expected = graphSearch(query, k, from, to);
      const where = `range ${from}–${to}, k ${k}`;
      if (k === to - from) {
        // The whole range, as a document of at most 400 passages is asked: identical.
        assert.deepEqual(found, expected, where);
      } else {
        // Cut at k: of two identical points tied at the cut, hnswlib's graph search may keep either.
        assert.deepEqual(
          found.map(([, similarity]) => similarity),
          expected.map(([, similarity]) => similarity),
          where,
        );
        const cut = expected.at(-1)?.[1];
        assert.deepEqual(
          found.filter(([, similarity]) => similarity !== cut),
          expected.filter(([, similarity]) => similarity !== cut),
          where,
        );
      }
    }
  }
});

test('GIVEN a range of efSearch points or more THEN the graph is searched, and only labels of the range come back', async () => {
  const points = vectors(400, 'large-range');
  const store = await storeOf(points);
  const found = store.searchRange(points[250] as number[], 40, { from: 200, to: 200 + SETTINGS.efSearch });
  assert.equal(found.length, 40);
  assert.ok(found.every(([label]) => label >= 200 && label < 200 + SETTINGS.efSearch));
  assert.equal(found[0]?.[0], 250, 'the point itself is its own nearest neighbour');
});

test('GIVEN a range searched once WHEN points are added THEN a later search of a range that holds them finds them', async () => {
  const points = vectors(60, 'added');
  const store = await storeOf(points.slice(0, 50));
  assert.equal(store.searchRange(points[53] as number[], 60, { from: 40, to: 60 }).length, 10);
  await store.addVectors(
    points.slice(50),
    points.slice(50).map((_point, offset) => ({ pageContent: '', metadata: {}, id: String(50 + offset) })),
  );
  const found = store.searchRange(points[53] as number[], 60, { from: 40, to: 60 });
  assert.equal(found.length, 20);
  assert.equal(found[0]?.[0], 53);
});

test('GIVEN an index opened from its file THEN a range is searched over the vectors read from the file, with the same results; and without the file, through hnswlib', async () => {
  const points = vectors(600, 'saved-range-search');
  const inMemory = await storeOf(points);
  const folder = temporaryFolder('saved-range-search');
  try {
    await inMemory.save(folder.path);
    const vectorsFile = path.join(folder.path, readdirSync(folder.path).find((name) => name.endsWith('.hnsw')) ?? '');
    const documents = points.map((_point, label) => ({ pageContent: '', metadata: {}, id: String(label) }));
    const open = async (file?: string) =>
      HnswVectorStore.fromGraph({
        embeddings: noEmbeddings,
        dimensions: DIMENSIONS,
        // Without the file named, the graph hnswlib reads: the way a store went before it searched the file's graph itself.
        graph: await HnswVectorStore.readGraph(vectorsFile, DIMENSIONS, { byHnswlib: file === undefined }),
        documents,
        settings: SETTINGS,
        ...(file === undefined ? {} : { vectorsFile: file }),
      });
    const fromFile = await open(vectorsFile);
    const withoutFile = await open();
    const random = seededRandom('saved-range-queries');
    for (const [from, to, k] of [
      [0, 1, 1],
      [100, 140, 40],
      [213, 276, 63],
      [560, 600, 25],
    ] as const) {
      const query = (points[from + random.below(to - from)] as number[]).map((value) => 2.3 * (value + (random.next() - 0.5) * 0.3));
      const expected = inMemory.searchRange(query, k, { from, to });
      assert.deepEqual(fromFile.searchRange(query, k, { from, to }), expected, `range ${from}–${to}`);
      assert.deepEqual(withoutFile.searchRange(query, k, { from, to }), expected, `range ${from}–${to}, no file`);
    }
    // This x86-64 build of hnswlib sums with SSE; its distance is reproduced, so the file is what is read.
    if (process.arch === 'x64') assert.equal(fromFile.searchesSavedVectors, true);
    assert.equal(withoutFile.searchesSavedVectors, false);
    // The file gone (a newer index replaced it): the graph read from it answers, the same.
    rmSync(vectorsFile);
    const query = points[120] as number[];
    assert.deepEqual(fromFile.searchRange(query, 40, { from: 100, to: 140 }), inMemory.searchRange(query, 40, { from: 100, to: 140 }));
  } finally {
    folder.remove();
  }
});

test('GIVEN random vectors with ties THEN the JavaScript distance and order give hnswlib’s brute-force search, to the bit', () => {
  const points = vectors(500, 'distance-emulation').map((point) => {
    const norm = Math.fround(Math.sqrt(point.reduce((sum, value) => sum + value * value, 0)));
    return point.map((value) => Math.fround(value / norm));
  });
  const brute = new hnswlib.BruteforceSearch('ip', DIMENSIONS);
  brute.initIndex(points.length);
  points.forEach((point, label) => brute.addPoint(point, label));
  const flat = Float32Array.from(points.flat());
  const distance = process.arch === 'x64' ? sseDistance : plainDistance;
  const random = seededRandom('distance-queries');
  for (let round = 0; round < 20; round += 1) {
    const query = Float32Array.from(points[random.below(points.length)] as number[], (value) => Math.fround(value + (random.next() - 0.5) * 0.01));
    const found = brute.searchKnn(Array.from(query), 60);
    const expected = found.neighbors.map((label, position) => [label, 1 - (found.distances[position] ?? 1)]);
    assert.deepEqual(nearestInRange(distance, query, flat, 0, 60), expected, `query ${round}`);
  }
});
