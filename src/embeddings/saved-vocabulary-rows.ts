/**
 * The word vectors' lookup tables (vocabulary-rows.ts) saved beside the vectors file, `<file>.rows`, so a start
 * reads 5 MB instead of hashing 341k words (~0.07-0.1 s of CPU at every cold `ask` and bot start). The tables
 * are used only while the vectors file has the size and modification time they were saved for; otherwise they
 * are built and saved again. A cache: a file that cannot be read or written is only a slower start.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../files/write-file-atomic.js';
import { capacityFor, VocabularyRows, type VocabularyTables } from './vocabulary-rows.js';

const MAGIC = 'FNVR0001';
const HEADER_BYTES = 32;

/** Which vectors file the tables belong to. */
export interface VectorsFileStamp {
  readonly size: number;
  readonly modifiedMs: number;
}

/** The rows of `lines`, from the saved tables when they are the vectors file's, else built (and saved). */
export function vocabularyRowsOf(lines: Uint8Array, count: number, vectorsFile: string, stamp: VectorsFileStamp): VocabularyRows {
  const tablesFile = `${vectorsFile}.rows`;
  const saved = readTables(tablesFile, count, stamp);
  const rows = new VocabularyRows(lines, count, saved);
  if (saved === undefined) writeTables(tablesFile, count, stamp, rows.tables());
  return rows;
}

function readTables(file: string, count: number, stamp: VectorsFileStamp): VocabularyTables | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // not saved yet
  }
  const capacity = capacityFor(count);
  const fits =
    bytes.length === HEADER_BYTES + (count + 1 + capacity) * 4 &&
    bytes.toString('latin1', 0, 8) === MAGIC &&
    bytes.readUInt32LE(8) === count &&
    bytes.readUInt32LE(12) === capacity &&
    bytes.readDoubleLE(16) === stamp.size &&
    bytes.readDoubleLE(24) === stamp.modifiedMs;
  if (!fits) return undefined;
  // Typed arrays need aligned offsets: a buffer of this size is its own allocation, but copy if it is not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const starts = new Uint32Array(aligned.buffer, aligned.byteOffset + HEADER_BYTES, count + 1);
  const table = new Int32Array(aligned.buffer, aligned.byteOffset + HEADER_BYTES + (count + 1) * 4, capacity);
  return { starts, table };
}

function writeTables(file: string, count: number, stamp: VectorsFileStamp, tables: VocabularyTables): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(tables.table.length, 12);
  header.writeDoubleLE(stamp.size, 16);
  header.writeDoubleLE(stamp.modifiedMs, 24);
  try {
    writeFileAtomicSync(file, [
      header,
      new Uint8Array(tables.starts.buffer, tables.starts.byteOffset, tables.starts.byteLength),
      new Uint8Array(tables.table.buffer, tables.table.byteOffset, tables.table.byteLength),
    ]);
  } catch {
    // A read-only model folder: the tables are built at each start, as before.
  }
}
