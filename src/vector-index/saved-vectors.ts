/**
 * One document's passage vectors read straight from the saved hnswlib file, and hnswlib's own inner-product
 * distance computed over them in JavaScript: searching a document's few hundred passages exhaustively then costs
 * a read of its slice of the file and ~0.5 µs a passage, where copying each vector out of hnswlib (getPoint) and
 * into a brute-force index cost ~60 µs a passage (a question on a 20 MB library met a new document almost every time).
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** hnswlib's file header (hnswalg.h saveIndex): six size_t, two 32-bit ints, three size_t, a double, a size_t. */
const HEADER_BYTES = 96;

export interface SavedVectorsLayout {
  readonly count: number;
  readonly elementBytes: number;
  readonly labelOffset: number;
  readonly dataOffset: number;
}

/** The layout of a vectors file, from its header; undefined when it does not hold `dimensions`-dimension float vectors. */
export function savedVectorsLayout(file: string, dimensions: number): SavedVectorsLayout | undefined {
  const header = Buffer.alloc(HEADER_BYTES);
  const descriptor = openSync(file, 'r');
  try {
    if (readSync(descriptor, header, 0, HEADER_BYTES, 0) < HEADER_BYTES) return undefined;
  } finally {
    closeSync(descriptor);
  }
  const count = Number(header.readBigUInt64LE(16));
  const elementBytes = Number(header.readBigUInt64LE(24));
  const labelOffset = Number(header.readBigUInt64LE(32));
  const dataOffset = Number(header.readBigUInt64LE(40));
  if (labelOffset - dataOffset !== dimensions * 4 || labelOffset + 8 > elementBytes) return undefined;
  return { count, elementBytes, labelOffset, dataOffset };
}

/**
 * The vectors labelled `from` ≤ label < `to`, `dimensions` floats each in label order, when the file holds them
 * at those places (a store adds its passages in order, so label and place agree); undefined when it does not,
 * or when the file cannot be read (a newer index replaced it): the caller then asks hnswlib.
 */
export function readSavedVectors(
  file: string,
  layout: SavedVectorsLayout,
  dimensions: number,
  range: { readonly from: number; readonly to: number },
): Float32Array | undefined {
  const { from, to } = range;
  if (from < 0 || to > layout.count || to <= from) return undefined;
  const bytes = Buffer.alloc((to - from) * layout.elementBytes);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    if (readSync(descriptor, bytes, 0, bytes.length, HEADER_BYTES + from * layout.elementBytes) < bytes.length) return undefined;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  const vectors = new Float32Array((to - from) * dimensions);
  // hnswlib writes its floats in the machine's byte order; 4-byte aligned they are viewed in place.
  const aligned = (bytes.byteOffset + layout.dataOffset) % 4 === 0 && layout.elementBytes % 4 === 0;
  for (let place = 0; place < to - from; place += 1) {
    const element = place * layout.elementBytes;
    const label = bytes.readUInt32LE(element + layout.labelOffset) + bytes.readUInt32LE(element + layout.labelOffset + 4) * 2 ** 32;
    if (label !== from + place) return undefined;
    const start = element + layout.dataOffset;
    if (aligned) vectors.set(new Float32Array(bytes.buffer, bytes.byteOffset + start, dimensions), place * dimensions);
    else for (let dimension = 0; dimension < dimensions; dimension += 1) vectors[place * dimensions + dimension] = bytes.readFloatLE(start + dimension * 4);
  }
  return vectors;
}

/** A way of summing an inner product in float arithmetic, as one of hnswlib's builds does it; returns 1 − the product. */
export type InnerProductDistance = (query: Float32Array, vectors: Float32Array, offset: number) => number;

const float = Math.fround;

/**
 * hnswlib's InnerProductDistanceSIMD4ExtSSE (x86-64 without AVX, dimensions a multiple of 4): four float lanes,
 * lane j summing the products of dimensions j, j + 4, …; then lane 0 + 1 + 2 + 3. Each step rounded to float.
 */
export const sseDistance: InnerProductDistance = (query, vectors, offset) => {
  let lane0 = 0;
  let lane1 = 0;
  let lane2 = 0;
  let lane3 = 0;
  for (let dimension = 0; dimension < query.length; dimension += 4) {
    lane0 = float(lane0 + float((query[dimension] as number) * (vectors[offset + dimension] as number)));
    lane1 = float(lane1 + float((query[dimension + 1] as number) * (vectors[offset + dimension + 1] as number)));
    lane2 = float(lane2 + float((query[dimension + 2] as number) * (vectors[offset + dimension + 2] as number)));
    lane3 = float(lane3 + float((query[dimension + 3] as number) * (vectors[offset + dimension + 3] as number)));
  }
  return float(1 - float(float(float(lane0 + lane1) + lane2) + lane3));
};

/** hnswlib's plain InnerProduct (a build without SIMD): one float sum in order. */
export const plainDistance: InnerProductDistance = (query, vectors, offset) => {
  let sum = 0;
  for (let dimension = 0; dimension < query.length; dimension += 1)
    sum = float(sum + float((query[dimension] as number) * (vectors[offset + dimension] as number)));
  return float(1 - sum);
};

/** The distances of a query to each vector, sorted as hnswlib's brute-force search returns them: by distance, then label. */
export function nearestInRange(distance: InnerProductDistance, query: Float32Array, vectors: Float32Array, from: number, limit: number): [number, number][] {
  const count = vectors.length / query.length;
  const distances = new Float64Array(count);
  const order = new Uint32Array(count);
  for (let place = 0; place < count; place += 1) {
    distances[place] = distance(query, vectors, place * query.length);
    order[place] = place;
  }
  order.sort((first, second) => (distances[first] as number) - (distances[second] as number) || first - second);
  return Array.from(order.subarray(0, limit), (place) => [from + place, 1 - (distances[place] as number)]);
}
