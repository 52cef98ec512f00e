/**
 * The index on disk: `manifest.json` plus the files it names, each with its size and sha256.
 *
 * Writing is atomic: every file goes to a temporary name, is fsynced and renamed; the manifest is
 * written last, so it is the commit point. A crash at any moment leaves the previous manifest — and
 * the files it names — in place. hnswlib's own write is not atomic, hence the temporary file. Writers
 * take `index.lock` first, so two of them (an ingest beside a bot's /reindex) write one after the other.
 *
 * Format 2 keeps only the passages' ids (their text and citations come from the corpus the manifest's hash
 * pins; format 1 kept every passage as JSON, 40% of the index) and adds the lexical index's tables as an
 * opaque file the retrieval layer writes and reads (retrieval/lexical-tables.ts), and the corpus's parsed
 * structure as another (corpus/saved-parse.ts), read before the corpus is loaded so a start need not parse it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { isLockHeld, withLockFile } from '../files/lock-file.js';
import { fsyncDirectory, writeFileAtomic } from '../files/write-file-atomic.js';
import { sha256InTurns } from './sha256-in-turns.js';

export const INDEX_FORMAT_VERSION = 2;

export interface FileEntry {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface IndexManifest {
  readonly formatVersion: number;
  readonly provider: string;
  readonly model: string;
  readonly dimensions: number;
  readonly corpusHash: string;
  readonly chunkerVersion: number;
  readonly counts: { readonly documents: number; readonly chunks: number };
  readonly builtAt: string;
  readonly files: { readonly vectors: FileEntry; readonly documents: FileEntry; readonly lexical?: FileEntry; readonly parsed?: FileEntry };
}

/** A passage as the documents file keeps it: its id (format 1 also kept its text and citation). */
export interface StoredDocument {
  readonly id?: string | undefined;
  readonly pageContent?: string;
  readonly metadata?: Record<string, unknown>;
}

export type ReadIndexResult =
  | {
      readonly ok: true;
      readonly manifest: IndexManifest;
      readonly vectorsFile: string;
      readonly documents: StoredDocument[];
      /** The lexical index's saved tables, checked against the manifest; undefined when the writer saved none. */
      readonly lexical: Buffer | undefined;
    }
  | { readonly ok: false; readonly reason: 'missing' | 'corrupt' | 'newer-version' | 'older-version'; readonly detail: string };

const LOCK_FILE = 'index.lock';

export interface IndexFilesInput {
  readonly writeVectors: (file: string) => void | Promise<void>;
  readonly documents: readonly StoredDocument[];
  /** Saved as `lexical-<generation>.bin` and named in the manifest. */
  readonly lexical?: Uint8Array;
  /** Saved as `parsed-<generation>.bin` and named in the manifest. */
  readonly parsed?: Uint8Array;
  readonly manifest: Record<string, unknown>;
}

export async function writeIndexFiles(directory: string, input: IndexFilesInput): Promise<IndexManifest> {
  await mkdir(directory, { recursive: true });
  return withLockFile(path.join(directory, LOCK_FILE), { what: `the index in ${directory}` }, () => writeGeneration(directory, input));
}

/**
 * Removes temporary files a killed writer left behind (a 100 MB vectors file until the next good save, before
 * this). Done only when no writer holds the lock, so a running ingest's files are never touched.
 */
export async function removeOrphanedTemporaryFiles(directory: string): Promise<string[]> {
  if (await isLockHeld(path.join(directory, LOCK_FILE))) return [];
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return [];
  }
  const orphans = names.filter((name) => name.endsWith('.tmp'));
  for (const name of orphans) await rm(path.join(directory, name), { force: true });
  return orphans;
}

async function writeGeneration(directory: string, input: IndexFilesInput): Promise<IndexManifest> {
  const generation = `${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const vectorsName = `vectors-${generation}.hnsw`;
  const documentsName = `documents-${generation}.json.gz`;

  const vectorsTemporary = path.join(directory, `${vectorsName}.tmp`);
  await input.writeVectors(vectorsTemporary);
  const vectorsHandle = await open(vectorsTemporary, 'r+');
  try {
    await vectorsHandle.sync();
  } finally {
    await vectorsHandle.close();
  }
  await rename(vectorsTemporary, path.join(directory, vectorsName));
  // Ids only now (a few MB of JSON, much repeated), compressed on the thread pool: a bot keeps answering meanwhile.
  const documentsEntry = await writeBytesAtomic(directory, documentsName, await promisify(gzip)(JSON.stringify(input.documents)));
  const lexicalName = `lexical-${generation}.bin`;
  const lexicalEntry = input.lexical === undefined ? undefined : await writeBytesAtomic(directory, lexicalName, input.lexical);
  const parsedName = `parsed-${generation}.bin`;
  const parsedEntry = input.parsed === undefined ? undefined : await writeBytesAtomic(directory, parsedName, input.parsed);

  const manifest = {
    ...input.manifest,
    formatVersion: INDEX_FORMAT_VERSION,
    files: {
      vectors: await describeFile(directory, vectorsName),
      documents: documentsEntry,
      ...(lexicalEntry ? { lexical: lexicalEntry } : {}),
      ...(parsedEntry ? { parsed: parsedEntry } : {}),
    },
  } as unknown as IndexManifest;
  await writeFileAtomic(path.join(directory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await fsyncDirectory(directory);
  await removeOtherGenerations(directory, new Set([vectorsName, documentsName, lexicalName, parsedName, 'manifest.json']));
  return manifest;
}

/**
 * The manifest and the files it names, each checked against its size and sha256. `hashVectors: false` leaves the
 * vectors file's sha256 to whoever reads it (HnswVectorStore.readGraph hashes the bytes it reads): only its size is checked here.
 */
export async function readIndexFiles(directory: string, options: { readonly hashVectors?: boolean } = {}): Promise<ReadIndexResult> {
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(directory, 'manifest.json'), 'utf8')) as IndexManifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, reason: missing ? 'missing' : 'corrupt', detail: missing ? 'no index has been built yet' : 'manifest.json is not valid JSON' };
  }
  if (typeof manifest.formatVersion !== 'number' || manifest.files?.vectors === undefined || manifest.files.documents === undefined) {
    return { ok: false, reason: 'corrupt', detail: 'manifest.json lacks its format version or file list' };
  }
  if (manifest.formatVersion > INDEX_FORMAT_VERSION) {
    return {
      ok: false,
      reason: 'newer-version',
      detail: `the index was written by a newer footnote (format ${manifest.formatVersion}, this one reads ${INDEX_FORMAT_VERSION})`,
    };
  }
  if (manifest.formatVersion < INDEX_FORMAT_VERSION) {
    return {
      ok: false,
      reason: 'older-version',
      detail: `the index is in format ${manifest.formatVersion} from an older footnote, without a saved word index; rebuilt once in format ${INDEX_FORMAT_VERSION}`,
    };
  }
  const checked: (Buffer | undefined)[] = [];
  for (const entry of [manifest.files.vectors, manifest.files.documents, ...(manifest.files.lexical ? [manifest.files.lexical] : [])]) {
    const read = entry === manifest.files.vectors && options.hashVectors === false ? await checkSize(directory, entry) : await readChecked(directory, entry);
    if (typeof read === 'string') return { ok: false, reason: 'corrupt', detail: read };
    checked.push(read);
  }
  let documents: StoredDocument[];
  try {
    const bytes = checked[1] as Buffer;
    documents = JSON.parse((manifest.files.documents.name.endsWith('.gz') ? await promisify(gunzip)(bytes) : bytes).toString('utf8')) as StoredDocument[];
  } catch {
    return { ok: false, reason: 'corrupt', detail: `${manifest.files.documents.name} is not valid (gzipped) JSON` };
  }
  return { ok: true, manifest, vectorsFile: path.join(directory, manifest.files.vectors.name), documents, lexical: checked[2] };
}

/**
 * The saved parsed corpus the manifest names, when it checks out; undefined otherwise (no index, an older one, a
 * damaged file): the corpus is then parsed, as it always can be. Read before the corpus, without the other files.
 */
export async function readSavedParse(directory: string): Promise<Buffer | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(directory, 'manifest.json'), 'utf8')) as Partial<IndexManifest>;
    const entry = manifest.formatVersion === INDEX_FORMAT_VERSION ? manifest.files?.parsed : undefined;
    if (entry === undefined) return undefined;
    const read = await readChecked(directory, entry);
    return typeof read === 'string' ? undefined : read;
  } catch {
    return undefined;
  }
}

/** The file's bytes when its size and checksum are the manifest's; otherwise what is wrong with it. */
async function readChecked(directory: string, entry: FileEntry): Promise<Buffer | string> {
  const sized = await checkSize(directory, entry);
  if (typeof sized === 'string') return sized;
  const bytes = await readFile(path.join(directory, path.basename(entry.name)));
  return (await sha256InTurns(bytes)) === entry.sha256 ? bytes : `${entry.name} does not match its checksum (damaged)`;
}

/** Undefined when the file has the manifest's size; otherwise what is wrong with it. */
async function checkSize(directory: string, entry: FileEntry): Promise<undefined | string> {
  let size: number;
  try {
    size = (await stat(path.join(directory, path.basename(entry.name)))).size;
  } catch {
    return `${entry.name} is missing`;
  }
  return size === entry.bytes ? undefined : `${entry.name} has ${size} bytes, the manifest says ${entry.bytes} (truncated or overwritten)`;
}

async function describeFile(directory: string, name: string): Promise<FileEntry> {
  const hash = createHash('sha256');
  const handle = await open(path.join(directory, name), 'r');
  const buffer = Buffer.alloc(1 << 20);
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await handle.close();
  }
  return { name, bytes, sha256: hash.digest('hex') };
}

async function writeBytesAtomic(directory: string, name: string, bytes: Uint8Array): Promise<FileEntry> {
  await writeFileAtomic(path.join(directory, name), bytes);
  return { name, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function removeOtherGenerations(directory: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(directory)) {
    if (keep.has(name)) continue;
    if (/^(vectors|documents|lexical|parsed)-.+\.(hnsw|json|json\.gz|bin)(\.tmp)?$/u.test(name) || /\.tmp$/u.test(name)) {
      await rm(path.join(directory, name), { force: true });
    }
  }
}
