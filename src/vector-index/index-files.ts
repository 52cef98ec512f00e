/**
 * The index on disk: `manifest.json` plus the files it names, each with its size and sha256.
 *
 * Writing is atomic: every file goes to a temporary name, is fsynced and renamed; the manifest is
 * written last, so it is the commit point. A crash at any moment leaves the previous manifest — and
 * the files it names — in place. hnswlib's own write is not atomic, hence the temporary file.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const INDEX_FORMAT_VERSION = 1;

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
  readonly files: { readonly vectors: FileEntry; readonly documents: FileEntry };
}

export interface StoredDocument {
  readonly pageContent: string;
  readonly metadata: Record<string, unknown>;
  readonly id?: string | undefined;
}

export type ReadIndexResult =
  | { readonly ok: true; readonly manifest: IndexManifest; readonly vectorsFile: string; readonly documents: StoredDocument[] }
  | { readonly ok: false; readonly reason: 'missing' | 'corrupt' | 'newer-version'; readonly detail: string };

export async function writeIndexFiles(
  directory: string,
  input: { writeVectors: (file: string) => void; documents: readonly StoredDocument[]; manifest: Record<string, unknown> },
): Promise<IndexManifest> {
  await mkdir(directory, { recursive: true });
  const generation = `${Date.now().toString(36)}-${process.pid}`;
  const vectorsName = `vectors-${generation}.hnsw`;
  const documentsName = `documents-${generation}.json`;

  const vectorsTemporary = path.join(directory, `${vectorsName}.tmp`);
  input.writeVectors(vectorsTemporary);
  fsyncFile(vectorsTemporary);
  await rename(vectorsTemporary, path.join(directory, vectorsName));
  await writeFileAtomic(path.join(directory, documentsName), JSON.stringify(input.documents));

  const manifest = {
    ...input.manifest,
    formatVersion: INDEX_FORMAT_VERSION,
    files: { vectors: await describeFile(directory, vectorsName), documents: await describeFile(directory, documentsName) },
  } as unknown as IndexManifest;
  await writeFileAtomic(path.join(directory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fsyncDirectory(directory);
  await removeOtherGenerations(directory, new Set([vectorsName, documentsName, 'manifest.json']));
  return manifest;
}

export async function readIndexFiles(directory: string): Promise<ReadIndexResult> {
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
    return { ok: false, reason: 'newer-version', detail: `the index was written by a newer footnote (format ${manifest.formatVersion}, this one reads ${INDEX_FORMAT_VERSION})` };
  }
  for (const entry of [manifest.files.vectors, manifest.files.documents]) {
    const problem = await checkFile(directory, entry);
    if (problem !== undefined) return { ok: false, reason: 'corrupt', detail: problem };
  }
  let documents: StoredDocument[];
  try {
    documents = JSON.parse(await readFile(path.join(directory, manifest.files.documents.name), 'utf8')) as StoredDocument[];
  } catch {
    return { ok: false, reason: 'corrupt', detail: `${manifest.files.documents.name} is not valid JSON` };
  }
  return { ok: true, manifest, vectorsFile: path.join(directory, manifest.files.vectors.name), documents };
}

async function checkFile(directory: string, entry: FileEntry): Promise<string | undefined> {
  const file = path.join(directory, path.basename(entry.name));
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return `${entry.name} is missing`;
  }
  if (size !== entry.bytes) return `${entry.name} has ${size} bytes, the manifest says ${entry.bytes} (truncated or overwritten)`;
  const digest = createHash('sha256').update(await readFile(file)).digest('hex');
  return digest === entry.sha256 ? undefined : `${entry.name} does not match its checksum (damaged)`;
}

async function describeFile(directory: string, name: string): Promise<FileEntry> {
  const bytes = await readFile(path.join(directory, name));
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const descriptor = openSync(temporary, 'w');
  try {
    writeSync(descriptor, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  await rename(temporary, file);
}

function fsyncFile(file: string): void {
  const descriptor = openSync(file, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

function fsyncDirectory(directory: string): void {
  try {
    const descriptor = openSync(directory, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Some file systems refuse to fsync a directory; the rename is still atomic there.
  }
}

async function removeOtherGenerations(directory: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(directory)) {
    if (keep.has(name)) continue;
    if (/^(vectors|documents)-.+\.(hnsw|json)(\.tmp)?$/u.test(name) || /\.tmp$/u.test(name)) {
      await rm(path.join(directory, name), { force: true });
    }
  }
}
