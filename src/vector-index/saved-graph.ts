/**
 * hnswlib's graph search (hnswalg.h `searchKnn` and `searchBaseLayerST`, version 0.8 as bundled by hnswlib-node 3)
 * run in JavaScript over the bytes of a saved vectors file, step for step: the same greedy descent through the
 * upper layers, the same two heaps kept as libstdc++'s `std::priority_queue` keeps them (ties in distance leave
 * the heaps as they leave hnswlib's, so the same passages come out), and hnswlib's own distance to the bit
 * (saved-vectors.ts). What it is for: a search restricted to one document's labels. hnswlib-node asks a JavaScript
 * function whether each label it meets is allowed; for one document of a 97k-passage library that is ~50,000 calls
 * across the native boundary (35–190 ms a question), where the same test here is a comparison.
 *
 * The file layout (hnswalg.h saveIndex): a 96-byte header, then every element's level-0 block (a link count, maxM0
 * links, the vector, the label as a 64-bit integer), then for each element the size of its upper layers' links and
 * those links (maxM links and a count per layer).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { floatDistances, type FloatDistances } from './float-distances.js';
import { HEADER_BYTES, layoutOf } from './saved-graph-layout.js';
import { DamagedFileError, sha256InTurns } from './sha256-in-turns.js';
import { StdHeap } from './std-heap.js';
import { sseDistance, type InnerProductDistance } from './saved-vectors.js';

/** Read in pieces of this many bytes, each a turn of the thread pool. */
const READ_BYTES = 8 << 20;
const FLOAT_MAX = 3.4028234663852886e38;

export class SavedGraph {
  private readonly links: Uint32Array;
  private readonly floats: Float32Array;
  /** Each element's first word of upper-layer links in `links` (0: the element has no upper layer). */
  private readonly upper: Uint32Array;
  private readonly visited: Uint32Array;
  private visitTag = 0;
  /** The query, the elements whose distances are asked, and their distances: in WebAssembly's memory when `simd` computes them. */
  private readonly query: Float32Array;
  private readonly ids: Uint32Array;
  private readonly out: Float32Array;
  /** Whether every element's label is its number (a store's own files: passages added in order). */
  readonly labelsAreElements: boolean;
  private readonly top = new StdHeap();
  private readonly candidates = new StdHeap();

  private constructor(
    bytes: Uint8Array,
    private readonly distance: InnerProductDistance,
    private readonly simd: FloatDistances | undefined,
    private readonly count: number,
    /** Element size, and where its vector and label begin, in 4-byte words. */
    private readonly elementWords: number,
    private readonly dataWord: number,
    private readonly labelWord: number,
    private readonly upperWords: number,
    private readonly maxLevel: number,
    private readonly entryPoint: number,
    readonly dimensions: number,
  ) {
    this.links = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
    this.floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
    this.upper = new Uint32Array(count);
    this.visited = new Uint32Array(count);
    const maxIds = Math.max(this.dataWord - 1, upperWords - 1);
    this.query = simd?.query ?? new Float32Array(dimensions);
    this.ids = simd?.ids ?? new Uint32Array(maxIds);
    this.out = simd?.out ?? new Float32Array(maxIds);
    const { links, upper } = this;
    let word = (HEADER_BYTES >>> 2) + count * elementWords;
    for (let element = 0; element < count; element += 1) {
      const size = links[word] as number;
      word += 1;
      if (size > 0) upper[element] = word;
      word += size >>> 2;
    }
    // Labels are element numbers in a store's own files (passages added in order): a range filter is then a comparison.
    let labelsAreElements = true;
    for (let element = 0, at = (HEADER_BYTES >>> 2) + labelWord; element < count; element += 1, at += elementWords) {
      if (links[at] !== element || links[at + 1] !== 0) {
        labelsAreElements = false;
        break;
      }
    }
    this.labelsAreElements = labelsAreElements;
  }

  /**
   * The graph of a vectors file, read whole on the thread pool, searched with `distance` (hnswlib's on this build, as
   * the caller has found it): in WebAssembly when that is the SSE sum and the runtime has SIMD. Undefined when the
   * file cannot be read or its layout is not one this reads (another dimension, sizes not in 4-byte words, a file
   * shorter than it says). A DamagedFileError when the bytes read do not have the `sha256` given.
   */
  static async read(file: string, dimensions: number, distance: InnerProductDistance, sha256?: string): Promise<SavedGraph | undefined> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(file, 'r');
      const fileBytes = (await handle.stat()).size;
      const header = Buffer.alloc(HEADER_BYTES);
      if ((await handle.read(header, 0, HEADER_BYTES, 0)).bytesRead < HEADER_BYTES) return undefined;
      const layout = layoutOf(header, dimensions);
      if (layout === undefined) return undefined;
      const simd = distance === sseDistance ? floatDistances(dimensions, layout.maxIds, fileBytes) : undefined;
      const bytes = simd === undefined ? new Uint8Array(fileBytes) : new Uint8Array(simd.buffer, simd.scratchBytes, fileBytes);
      for (let at = 0; at < fileBytes;) {
        const { bytesRead } = await handle.read(bytes, at, Math.min(READ_BYTES, fileBytes - at), at);
        if (bytesRead === 0) return undefined;
        at += bytesRead;
      }
      if (sha256 !== undefined && (await sha256InTurns(bytes)) !== sha256) throw new DamagedFileError(file);
      return SavedGraph.over(bytes, dimensions, distance, simd);
    } catch (error) {
      if (error instanceof DamagedFileError) throw error;
      return undefined;
    } finally {
      await handle?.close();
    }
  }

  /** The same over bytes already read (4-byte aligned); `simd`: the memory they sit in, when it computes the distances. */
  static over(bytes: Uint8Array, dimensions: number, distance: InnerProductDistance, simd?: FloatDistances): SavedGraph | undefined {
    if (bytes.byteLength < HEADER_BYTES || bytes.byteOffset % 4 !== 0) return undefined;
    const layout = layoutOf(bytes, dimensions);
    if (layout === undefined) return undefined;
    const { count, elementBytes, dataOffset, labelOffset, maxM, maxLevel, entryPoint } = layout;
    if (HEADER_BYTES + count * elementBytes > bytes.byteLength) return undefined;
    // Every element's upper-layer size must lie inside the file.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = HEADER_BYTES + count * elementBytes;
    for (let element = 0; element < count; element += 1) {
      if (at + 4 > bytes.byteLength) return undefined;
      const upperBytes = view.getUint32(at, true);
      if (upperBytes % 4 !== 0) return undefined;
      at += 4 + upperBytes;
    }
    if (at > bytes.byteLength) return undefined;
    return new SavedGraph(bytes, distance, simd, count, elementBytes >>> 2, dataOffset >>> 2, labelOffset >>> 2, maxM + 1, maxLevel, entryPoint, dimensions);
  }

  get size(): number {
    return this.count;
  }

  /** The distance the graph is searched with. */
  get distanceFunction(): InnerProductDistance {
    return this.distance;
  }

  /** A copy of the vectors labelled `from` ≤ label < `to`, in label order; undefined when labels are not element numbers. */
  vectors(from: number, to: number): Float32Array | undefined {
    if (!this.labelsAreElements || from < 0 || to > this.count || to <= from) return undefined;
    const copy = new Float32Array((to - from) * this.dimensions);
    const first = (HEADER_BYTES >>> 2) + this.dataWord;
    for (let element = from; element < to; element += 1) {
      const at = first + element * this.elementWords;
      copy.set(this.floats.subarray(at, at + this.dimensions), (element - from) * this.dimensions);
    }
    return copy;
  }

  /** The element's label (hnswlib's external label). */
  labelOf(element: number): number {
    const word = element * this.elementWords + (HEADER_BYTES >>> 2) + this.labelWord;
    return (this.links[word] as number) + (this.links[word + 1] as number) * 2 ** 32;
  }

  /**
   * `searchKnn(query, k, label => from <= label < to)` with the index's ef set to `ef` (no filter without `range`):
   * [label, distance] pairs, nearest first (ties by label), as hnswlib-node returns them. `query` must be normalised
   * as hnswlib-node normalises it.
   */
  search(query: Float32Array, k: number, ef: number, range?: { readonly from: number; readonly to: number }): [number, number][] {
    this.query.set(query);
    const { ids, out, links } = this;
    ids[0] = this.entryPoint;
    this.distances(1);
    let current = this.entryPoint;
    let currentDistance = out[0] as number;
    for (let level = this.maxLevel; level > 0; level -= 1) {
      let changed = true;
      while (changed) {
        changed = false;
        const list = (this.upper[current] as number) + (level - 1) * this.upperWords;
        const size = (links[list] as number) & 0xffff;
        for (let index = 0; index < size; index += 1) ids[index] = links[list + 1 + index] as number;
        this.distances(size);
        for (let index = 0; index < size; index += 1) {
          if ((out[index] as number) < currentDistance) {
            currentDistance = out[index] as number;
            current = ids[index] as number;
            changed = true;
          }
        }
      }
    }
    const top = this.searchBaseLayer(current, Math.max(ef, k), range);
    while (top.size > k) top.pop();
    const found: [number, number][] = [];
    for (let place = 0; place < top.size; place += 1) found.push([this.labelOf(top.ids[place] as number), top.keys[place] as number]);
    found.sort((first, second) => first[1] - second[1] || first[0] - second[0]);
    return found;
  }

  /**
   * searchBaseLayerST. The distances of a node's unvisited neighbours are computed together before they are weighed
   * one by one in their order, as hnswlib weighs them: marking a node visited does not depend on any distance.
   */
  private searchBaseLayer(entry: number, ef: number, range: { readonly from: number; readonly to: number } | undefined): StdHeap {
    const tag = this.nextVisitTag();
    const { visited, links, ids, out } = this;
    const top = this.top.clear();
    const candidates = this.candidates.clear();
    const bareBone = range === undefined;
    const from = range?.from ?? 0;
    const to = range?.to ?? 0;
    const allowed = (element: number) => {
      const label = this.labelsAreElements ? element : this.labelOf(element);
      return label >= from && label < to;
    };
    let lowerBound: number;
    if (bareBone || allowed(entry)) {
      ids[0] = entry;
      this.distances(1);
      const entryDistance = out[0] as number;
      lowerBound = entryDistance;
      top.push(entryDistance, entry);
      candidates.push(-entryDistance, entry);
    } else {
      lowerBound = FLOAT_MAX;
      candidates.push(-lowerBound, entry);
    }
    visited[entry] = tag;
    const base = HEADER_BYTES >>> 2;
    while (candidates.size > 0) {
      const candidateDistance = -candidates.topKey();
      const stop = bareBone ? candidateDistance > lowerBound : candidateDistance > lowerBound && top.size === ef;
      if (stop) break;
      const node = candidates.topId();
      candidates.pop();
      const list = base + node * this.elementWords;
      const size = (links[list] as number) & 0xffff;
      let fresh = 0;
      for (let index = 1; index <= size; index += 1) {
        const neighbour = links[list + index] as number;
        if (visited[neighbour] === tag) continue;
        visited[neighbour] = tag;
        ids[fresh] = neighbour;
        fresh += 1;
      }
      this.distances(fresh);
      for (let index = 0; index < fresh; index += 1) {
        const neighbour = ids[index] as number;
        const neighbourDistance = out[index] as number;
        if (top.size < ef || lowerBound > neighbourDistance) {
          candidates.push(-neighbourDistance, neighbour);
          if (bareBone || allowed(neighbour)) top.push(neighbourDistance, neighbour);
          while (top.size > ef) top.pop();
          if (top.size > 0) lowerBound = top.topKey();
        }
      }
    }
    return top;
  }

  /** out[i] = the query's distance to element ids[i], for i < count. */
  private distances(count: number): void {
    const vectorsWord = (HEADER_BYTES >>> 2) + this.dataWord;
    if (this.simd !== undefined) {
      this.simd.compute(count, this.simd.scratchBytes + vectorsWord * 4, this.elementWords * 4);
      return;
    }
    for (let index = 0; index < count; index += 1)
      this.out[index] = this.distance(this.query, this.floats, vectorsWord + (this.ids[index] as number) * this.elementWords);
  }

  private nextVisitTag(): number {
    this.visitTag += 1;
    if (this.visitTag === 0xffffffff) {
      this.visited.fill(0);
      this.visitTag = 1;
    }
    return this.visitTag;
  }
}
