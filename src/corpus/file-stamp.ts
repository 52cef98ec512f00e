/**
 * A file's stamp: its size, modification and change times (nanoseconds) and inode, as a saved parse keeps them so a
 * later start can tell an unchanged file without reading it (as git's index does): any write sets the modification
 * and change times to the time of writing. A file modified within STAMP_MARGIN of being read gets no stamp, since a
 * second write in the same clock tick could leave its times as they were (git's "racily clean" files).
 */
import { statSync } from 'node:fs';

export interface FileStamp {
  readonly size: number;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
}

/** File systems keep coarse times (a kernel tick; 2 s on FAT): a file changed closer than this to its reading is not vouched for. */
const STAMP_MARGIN_NS = 3_000_000_000n;

/** The file's stamp now; undefined when it cannot be read. */
export function stampOf(file: string): FileStamp | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return { size: Number(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs), ino: String(stat.ino) };
  } catch {
    return undefined;
  }
}

/** The stamp to save for a file read at `readAtNs` (the wall clock, as file times are), or none when it was modified too close to that. */
export function stampToSave(stamp: FileStamp | undefined, readAtNs: bigint): FileStamp | undefined {
  if (stamp === undefined) return undefined;
  return BigInt(stamp.mtimeNs) + STAMP_MARGIN_NS < readAtNs ? stamp : undefined;
}

export function sameStamp(saved: FileStamp, now: FileStamp): boolean {
  return saved.size === now.size && saved.mtimeNs === now.mtimeNs && saved.ctimeNs === now.ctimeNs && saved.ino === now.ino;
}
