/**
 * Word -> row for a vocabulary stored as UTF-8 lines, without making a string per word: an open-addressing
 * table of row numbers over the bytes themselves (FNV-1a hashes, linear probing). For the 341k words of the
 * word vectors it is built in a fraction of the time a Map of strings takes (~0.07 s against ~0.25 s at every
 * start), and looks words up as fast. A word listed twice keeps its first row, as its frequency rank.
 */
const NEWLINE = 10;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();
/** Words whose row is remembered as strings (~80 bytes each). */
const RECENT_KEPT = 50_000;

/** Where each word's line starts, and the open-addressing table of rows. */
export interface VocabularyTables {
  readonly starts: Uint32Array;
  readonly table: Int32Array;
}

/** Twice the words at least, a power of two. */
export function capacityFor(count: number): number {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  return capacity;
}

export class VocabularyRows {
  private readonly starts: Uint32Array;
  private readonly table: Int32Array;
  private readonly mask: number;
  private scratch = new Uint8Array(64);
  private decoded: readonly string[] | undefined;
  /** Rows (-1: absent) of words looked up lately: a question's words are looked up again and again (alignment). */
  private readonly recent = new Map<string, number>();

  /**
   * `lines`: the words, one per line (no trailing newline); `count`: how many lines there are; `saved`: the
   * tables `tables()` gave for these same lines (saved-vocabulary-rows.ts), used as they are instead of built.
   */
  constructor(
    private readonly lines: Uint8Array,
    readonly count: number,
    saved?: VocabularyTables,
  ) {
    const capacity = capacityFor(count);
    this.mask = capacity - 1;
    if (saved !== undefined && saved.starts.length === count + 1 && saved.table.length === capacity && saved.starts[count] === lines.length + 1) {
      this.starts = saved.starts;
      this.table = saved.table;
      return;
    }
    this.starts = new Uint32Array(count + 1);
    this.table = new Int32Array(capacity).fill(-1);
    let row = 0;
    let start = 0;
    let hash = FNV_OFFSET;
    for (let position = 0; position <= lines.length && row < count; position += 1) {
      const byte = position === lines.length ? NEWLINE : (lines[position] as number);
      if (byte !== NEWLINE) {
        hash = Math.imul(hash ^ byte, FNV_PRIME);
        continue;
      }
      this.starts[row] = start;
      this.starts[row + 1] = position + 1;
      this.insert(row, hash, start, position);
      row += 1;
      start = position + 1;
      hash = FNV_OFFSET;
    }
    if (row !== count) throw new RangeError(`the vocabulary holds ${row} words, not ${count}`);
  }

  /** The row of `word` (its first, when listed twice), or undefined. */
  get(word: string): number | undefined {
    let row = this.recent.get(word);
    if (row === undefined) {
      row = this.lookUp(word) ?? -1;
      if (this.recent.size >= RECENT_KEPT) this.recent.clear();
      this.recent.set(word, row);
    }
    return row === -1 ? undefined : row;
  }

  /** The table look-up itself: the word's UTF-8 bytes hashed and compared in place. */
  private lookUp(word: string): number | undefined {
    if (this.scratch.length < word.length * 3) this.scratch = new Uint8Array(word.length * 3);
    const { written } = encoder.encodeInto(word, this.scratch);
    let hash = FNV_OFFSET;
    for (let index = 0; index < written; index += 1) hash = Math.imul(hash ^ (this.scratch[index] as number), FNV_PRIME);
    for (let slot = (hash >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = this.table[slot] as number;
      if (row === -1) return undefined;
      if (this.equals(row, this.scratch, 0, written)) return row;
    }
  }

  /** The tables built from the lines, to be saved and given back to the constructor. */
  tables(): VocabularyTables {
    return { starts: this.starts, table: this.table };
  }

  /** Every word in row order, as strings (made on first use: few callers need them). */
  words(): readonly string[] {
    this.decoded ??= Buffer.from(this.lines.buffer, this.lines.byteOffset, this.lines.byteLength).toString('utf8').split('\n').slice(0, this.count);
    return this.decoded;
  }

  private insert(row: number, hash: number, start: number, end: number): void {
    for (let slot = (hash >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const other = this.table[slot] as number;
      if (other === -1) {
        this.table[slot] = row;
        return;
      }
      if (this.equals(other, this.lines, start, end)) return;
    }
  }

  /** Whether the word on `row` is the bytes `source[from, to)`. */
  private equals(row: number, source: Uint8Array, from: number, to: number): boolean {
    const start = this.starts[row] as number;
    const length = (this.starts[row + 1] as number) - 1 - start;
    if (length !== to - from) return false;
    for (let offset = 0; offset < length; offset += 1) if (this.lines[start + offset] !== source[from + offset]) return false;
    return true;
  }
}
