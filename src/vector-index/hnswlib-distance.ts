/**
 * hnswlib's own distance, reproduced in JavaScript to the bit, and checked against this build of hnswlib before it is
 * relied on: the query normalised as hnswlib-node normalises it, and the inner-product sum as the build computes it
 * (SSE's four float lanes on x86-64, or the plain sum; saved-vectors.ts). A store searches a document's vectors
 * (saved-vectors.ts) or a saved file's whole graph (saved-graph.ts) with it only when the check passes.
 */
import hnswlib from 'hnswlib-node';
import { SavedGraph } from './saved-graph.js';
import { plainDistance, sseDistance, type InnerProductDistance } from './saved-vectors.js';

const { BruteforceSearch } = hnswlib;
type HnswIndex = InstanceType<typeof hnswlib.HierarchicalNSW>;

/**
 * The JavaScript distance that gives hnswlib's own to the bit on this build (x86-64 SSE, or plain), checked on up to
 * 16 of a range's vectors: they must equal what hnswlib holds, and hnswlib's brute-force search over them must give
 * the very distances. Null when neither way does (another SIMD build): range searches then go through hnswlib.
 */
export function matchingDistance(index: HnswIndex, query: Float32Array, vectors: Float32Array, from: number, dimensions: number): InnerProductDistance | null {
  const count = Math.min(16, vectors.length / dimensions);
  const check = new BruteforceSearch('ip', dimensions);
  check.initIndex(count);
  for (let place = 0; place < count; place += 1) {
    const held = index.getPoint(from + place);
    const read = vectors.subarray(place * dimensions, (place + 1) * dimensions);
    if (held.length !== dimensions || held.some((value, dimension) => value !== read[dimension])) return null;
    check.addPoint(held, from + place);
  }
  const found = check.searchKnn(Array.from(query), count);
  const gives = (distance: InnerProductDistance) =>
    found.neighbors.every((label, position) => distance(query, vectors, (label - from) * dimensions) === found.distances[position]);
  return [sseDistance, plainDistance].find(gives) ?? null;
}

/**
 * The file's graph, to be searched in JavaScript with the distance hnswlib's brute force gives on this build (the SSE
 * sum or the plain one, checked on 16 of its vectors); undefined when neither matches, or the file is not one
 * SavedGraph reads, or its labels are not the elements' numbers: hnswlib then reads it.
 */
export async function savedGraphOf(file: string, dimensions: number, sha256?: string): Promise<SavedGraph | undefined> {
  for (const distance of [sseDistance, plainDistance]) {
    const graph = await SavedGraph.read(file, dimensions, distance, sha256);
    if (graph === undefined || !graph.labelsAreElements) return undefined;
    if (givesHnswlibDistances(graph, distance)) return graph;
  }
  return undefined;
}

function givesHnswlibDistances(graph: SavedGraph, distance: InnerProductDistance): boolean {
  const { dimensions } = graph;
  const count = Math.min(16, graph.size);
  const vectors = graph.vectors(0, count) as Float32Array;
  const check = new BruteforceSearch('ip', dimensions);
  check.initIndex(count);
  // A query between the vectors (their normalised sum), so the distances are neither 0 nor 1.
  const sum = new Array<number>(dimensions).fill(0);
  for (let place = 0; place < count; place += 1) {
    const vector = Array.from(vectors.subarray(place * dimensions, (place + 1) * dimensions));
    check.addPoint(vector, place);
    vector.forEach((value, dimension) => (sum[dimension] = (sum[dimension] as number) + value));
  }
  const query = Float32Array.from(normalizedAsHnswlib(sum));
  const found = check.searchKnn(Array.from(query), count);
  return (
    found.neighbors.length === count && found.neighbors.every((label, position) => distance(query, vectors, label * dimensions) === found.distances[position])
  );
}

/**
 * The query as hnswlib-node's cosine space normalises it (addon.cc normalizePoint: a float sum of squares in order,
 * sqrtf, a float division), so the inner-product search sees the very floats the graph search sees. Double
 * arithmetic rounded to float after each step gives float arithmetic's results for +, ×, ÷ and √.
 */
export function normalizedAsHnswlib(query: ArrayLike<number>): number[] {
  const vector = Array.from(query, (value) => Math.fround(value));
  let sum = 0;
  for (const value of vector) sum = Math.fround(sum + Math.fround(value * value));
  const norm = Math.fround(Math.sqrt(Math.abs(sum)));
  return norm > 0 ? vector.map((value) => Math.fround(value / norm)) : vector;
}
