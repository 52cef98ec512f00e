/**
 * Reads every .txt / .md document under the corpus folder into a Corpus. Files that cannot be documents
 * (empty, binary, too large, unreadable) are skipped with a warning that says which file and why; nothing else is lost.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { decodeFile, decodeKnown, type DecodeResult } from './decode-file.js';
import { stampOf, stampToSave, type FileStamp } from './file-stamp.js';
import { paragraphCountOf } from './document-layout.js';
import { parseDocument } from './parse-document.js';
import type { SavedParse } from './saved-parse.js';
import type { Corpus, CorpusDocument, TextEncoding } from './types.js';

export interface LoadCorpusOptions {
  /** Files larger than this are skipped with a warning (default 64 MiB). */
  readonly maxFileBytes?: number;
  /** Reads one file (default: fs.readFileSync); a test passes one that fails like a file without read permission. */
  readonly readFile?: (file: string) => Buffer;
  /** Structures saved at the last ingest (saved-parse.ts): a document whose bytes are unchanged is not parsed again. */
  readonly saved?: SavedParse | undefined;
}

export interface LoadedCorpus {
  readonly corpus: Corpus;
  readonly warnings: readonly string[];
  /** Each document's sha256 (hex) by id: what a saved parse is keyed by. */
  readonly fileHashes?: ReadonlyMap<string, string>;
  /** Each document's file stamp by id, when it can vouch for the file at the next start (file-stamp.ts). */
  readonly fileStamps?: ReadonlyMap<string, FileStamp>;
}

export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

/** reStructuredText is plain text with underlined headings, which the plain-text reader understands. */
const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.rst']);
/** Reading gives the event loop a turn after this much work (a bot reloading a library keeps answering). */
const SLICE_MS = 8;

export async function loadCorpus(folder: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? 64 * 1024 * 1024;
  let files: string[];
  const warnings: string[] = [];
  try {
    const listed = await listDocuments(folder);
    files = listed.files;
    warnings.push(...listed.skipped);
  } catch (error) {
    throw new CorpusError(`cannot read the corpus folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}): create it and put .txt or .md files in it, or set FOOTNOTE_CORPUS_DIR`);
  }
  // Files unchanged since the saved parse (same stamps, same documents) are not even read: their text is, on first use.
  const unread = options.saved === undefined || options.readFile !== undefined ? undefined : await loadUnread(folder, files, options.saved, maxFileBytes);
  if (unread !== undefined) return { ...unread, warnings: [...warnings, ...unread.warnings] };
  const documents: CorpusDocument[] = [];
  const fileHashes = new Map<string, string>();
  const fileStamps = new Map<string, FileStamp>();
  const readAtNs = BigInt(Date.now()) * 1_000_000n;
  const hash = createHash('sha256');
  // Read synchronously, in slices of the event loop: on thousands of small files, fs/promises' file handles,
  // promises and buffers cost 3-4 times the CPU of plain reads (20 MB in 2,852 files: ~460 ms against ~120 ms).
  let sliceStarted = performance.now();
  for (const file of files) {
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
    const id = path.relative(folder, file).split(path.sep).join('/');
    const stamp = stampOf(file);
    const read = readOne(file, id, maxFileBytes, options, warnings);
    if (read === undefined) continue;
    const { bytes, sha256, document } = read;
    fileHashes.set(id, sha256);
    hash.update(id).update('\0').update(bytes).update('\0');
    // The stamp taken before reading: a change while reading leaves the file with another one.
    const saved = stampToSave(stamp, readAtNs);
    if (saved !== undefined && saved.size === bytes.length) fileStamps.set(id, saved);
    documents.push(document);
  }
  if (documents.length === 0) {
    throw new CorpusError(`no readable documents in ${folder}: add .txt or .md files${warnings.length > 0 ? ` (${warnings.join('; ')})` : ''}`);
  }
  return { corpus: { documents, contentHash: hash.digest('hex') }, warnings, fileHashes, fileStamps };
}

/** One file read, decoded and parsed (or restored); undefined, with a warning saying why, when it is no document. */
function readOne(
  file: string,
  id: string,
  maxFileBytes: number,
  options: Pick<LoadCorpusOptions, 'readFile' | 'saved'>,
  warnings: string[],
): { bytes: Buffer; sha256: string; document: CorpusDocument } | undefined {
  // A file that cannot be read (permissions, removed meanwhile) is skipped like an empty one, not fatal.
  const read = readDocumentFile(file, maxFileBytes, options.readFile);
  if (!read.ok) {
    warnings.push(`${id}: skipped, ${read.reason}`);
    return undefined;
  }
  const { bytes } = read;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // A file saved at ingest with these very bytes was text in this encoding then: it is decoded without a second look.
  const known = options.saved?.encodingOf(id, sha256);
  const decoded: DecodeResult = known === undefined ? decodeFile(bytes) : { ok: true, file: { text: decodeKnown(bytes, known), encoding: known } };
  if (!decoded.ok) {
    warnings.push(`${id}: skipped, the file is ${decoded.reason === 'empty' ? 'empty' : 'binary, not text'}`);
    return undefined;
  }
  if (decoded.file.encoding === 'windows-1252') warnings.push(`${id}: not valid UTF-8, read as Windows-1252 — save it as UTF-8 to be sure`);
  if (decoded.file.encoding.startsWith('utf-16')) warnings.push(`${id}: read as ${decoded.file.encoding.toUpperCase()} — it loads, but UTF-8 is smaller`);
  const document =
    options.saved?.restore(id, sha256, decoded.file.text) ??
    parseDocument({ id, text: decoded.file.text, encoding: decoded.file.encoding, markdown: /\.(md|markdown)$/iu.test(file) });
  if (paragraphCountOf(document) === 0) {
    warnings.push(`${id}: skipped, no paragraphs found`);
    return undefined;
  }
  return { bytes, sha256, document };
}

let textsRead = 0;

/** How many documents restored unread have had their file read since (tests check a start reads none). */
export function unreadTextsRead(): number {
  return textsRead;
}

/**
 * The corpus from the saved parse alone, when every saved document's file has its saved stamp and the saved documents
 * are still exactly the corpus's (a file not saved must be one skipped again: empty, binary, without paragraphs);
 * undefined otherwise, and the corpus is read as usual. The corpus hash is the saved one, taken over these very bytes.
 */
async function loadUnread(folder: string, files: readonly string[], saved: SavedParse, maxFileBytes: number): Promise<LoadedCorpus | undefined> {
  if (saved.contentHash === undefined) return undefined;
  const documents: CorpusDocument[] = [];
  const warnings: string[] = [];
  const fileHashes = new Map<string, string>();
  const fileStamps = new Map<string, FileStamp>();
  const readAtNs = BigInt(Date.now()) * 1_000_000n;
  let sliceStarted = performance.now();
  for (const file of files) {
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
    const id = path.relative(folder, file).split(path.sep).join('/');
    const stamp = stampOf(file);
    if (stamp === undefined || stamp.size > maxFileBytes) return undefined;
    const found = saved.unread(id, stamp, (expected) => readUnread(file, id, expected));
    if (found === undefined) {
      // Not saved, changed, or not vouched for by its stamp: read. A file of the very bytes saved keeps the saved hash true.
      const read = readOne(file, id, maxFileBytes, { saved }, warnings);
      if (read === undefined) continue;
      if (saved.encodingOf(id, read.sha256) === undefined) return undefined;
      fileHashes.set(id, read.sha256);
      const readStamp = stampToSave(stamp, readAtNs);
      if (readStamp !== undefined && readStamp.size === read.bytes.length) fileStamps.set(id, readStamp);
      documents.push(read.document);
      continue;
    }
    if (found.encoding === 'windows-1252') warnings.push(`${id}: not valid UTF-8, read as Windows-1252 — save it as UTF-8 to be sure`);
    if (found.encoding.startsWith('utf-16')) warnings.push(`${id}: read as ${found.encoding.toUpperCase()} — it loads, but UTF-8 is smaller`);
    fileHashes.set(id, found.sha256);
    fileStamps.set(id, stamp);
    documents.push(found.document);
  }
  const ids = saved.ids();
  if (documents.length !== ids.length || documents.some((document, position) => document.id !== ids[position])) return undefined;
  return { corpus: { documents, contentHash: saved.contentHash }, warnings, fileHashes, fileStamps };
}

/** The text of a document restored unread, from its file, which must still be the bytes saved. */
function readUnread(file: string, id: string, expected: { readonly sha256: string; readonly encoding: TextEncoding }): string {
  textsRead += 1;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CorpusError(`${id} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}) after footnote started: run the command again`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== expected.sha256) {
    throw new CorpusError(`${id} changed after footnote started: run the command again (or /reindex) to read the new text`);
  }
  return decodeKnown(bytes, expected.encoding);
}

function readDocumentFile(file: string, maxFileBytes: number, read: ((file: string) => Buffer) | undefined): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const size = fstatSync(descriptor).size;
    if (size > maxFileBytes) {
      return {
        ok: false,
        reason: `${(size / 1048576).toFixed(1)} MiB is over the ${(maxFileBytes / 1048576).toFixed(0)} MiB limit for one document — split it into smaller files`,
      };
    }
    return { ok: true, bytes: read === undefined ? readInto(descriptor, size) : read(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const fix = code === 'EACCES' || code === 'EPERM' ? ': make it readable (chmod a+r) or move it out of the corpus folder' : '';
    return { ok: false, reason: `it cannot be read (${code})${fix}` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * The file's bytes, for a small file in one buffer reused from file to file (valid until the next read: they are
 * decoded and hashed at once), so thousands of files leave no buffers behind for the garbage collector.
 */
const sharedBuffer = Buffer.allocUnsafe(1 << 20);
function readInto(descriptor: number, size: number): Buffer {
  // One byte more than the size asked for: a file that grew since fstat is read to its end all the same.
  let buffer = size < sharedBuffer.length ? sharedBuffer : Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const grown = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const count = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (count === 0) return buffer.subarray(0, length);
    length += count;
  }
}

/**
 * The documents under the folder, and every file left out with the reason: a symbolic link (it may point
 * anywhere, even outside the corpus — copy the file in), a hidden file, or a kind of file that is not text.
 */
async function listDocuments(folder: string): Promise<{ files: string[]; skipped: string[] }> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const files: string[] = [];
  const skipped: string[] = [];
  const otherKinds: string[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    const id = path.relative(folder, full).split(path.sep).join('/');
    const hidden = id.split('/').some((part) => part.startsWith('.'));
    const isDocument = DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase());
    if (entry.isSymbolicLink()) skipped.push(`${id}: skipped, a symbolic link — copy the file into the corpus folder instead`);
    else if (!entry.isFile()) continue;
    else if (hidden) {
      if (isDocument) skipped.push(`${id}: skipped, a hidden file (its name or folder starts with a dot)`);
    } else if (isDocument) files.push(full);
    else otherKinds.push(id);
  }
  if (otherKinds.length > 0) {
    const named = otherKinds.sort().slice(0, 5).join(', ');
    skipped.push(
      `${otherKinds.length} file(s) skipped, not .txt, .md or .rst: ${named}${otherKinds.length > 5 ? `, and ${otherKinds.length - 5} more` : ''} — save them as text to include them`,
    );
  }
  return { files: files.sort(), skipped };
}
