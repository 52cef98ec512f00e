/** The header of a vectors file hnswlib saved (hnswalg.h saveIndex), as saved-graph.ts reads it. */

export const HEADER_BYTES = 96;

export interface GraphLayout {
  readonly count: number;
  readonly elementBytes: number;
  readonly dataOffset: number;
  readonly labelOffset: number;
  readonly maxM: number;
  readonly maxLevel: number;
  readonly entryPoint: number;
  /** The most links one list holds (maxM0 at level 0, maxM above). */
  readonly maxIds: number;
}

/** The header's sizes (saveIndex: six size_t, maxlevel, the entry point, maxM, maxM0, M, mult, ef_construction), when they fit `dimensions`. */
export function layoutOf(header: Uint8Array, dimensions: number): GraphLayout | undefined {
  const view = new DataView(header.buffer, header.byteOffset, HEADER_BYTES);
  const size = (at: number) => Number(view.getBigUint64(at, true));
  const [offsetLevel0, , count, elementBytes, labelOffset, dataOffset] = [0, 8, 16, 24, 32, 40].map(size) as [number, number, number, number, number, number];
  const maxLevel = view.getInt32(48, true);
  const entryPoint = view.getUint32(52, true);
  const [maxM, maxM0] = [size(56), size(64)];
  if (offsetLevel0 !== 0 || labelOffset - dataOffset !== dimensions * 4 || dataOffset !== maxM0 * 4 + 4 || labelOffset + 8 > elementBytes) return undefined;
  if (elementBytes % 4 !== 0 || count === 0 || entryPoint >= count || maxLevel < 0 || maxM > 0xffff || maxM0 > 0xffff) return undefined;
  return { count, elementBytes, dataOffset, labelOffset, maxM, maxLevel, entryPoint, maxIds: Math.max(maxM, maxM0) };
}
