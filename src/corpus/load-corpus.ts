/**
 * Reads every .txt / .md document under the corpus folder into a Corpus. Files that cannot be documents
 * (empty, binary, too large, unreadable) are skipped with a warning that says which file and why; nothing else is lost.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { decodeFile } from './decode-file.js';
import { paragraphCountOf } from './document-layout.js';
import { parseDocument } from './parse-document.js';
import type { SavedParse } from './saved-parse.js';
import type { Corpus, CorpusDocument } from './types.js';

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
  const documents: CorpusDocument[] = [];
  const fileHashes = new Map<string, string>();
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
    // A file that cannot be read (permissions, removed meanwhile) is skipped like an empty one, not fatal.
    const read = readDocumentFile(file, maxFileBytes, options.readFile);
    if (!read.ok) {
      warnings.push(`${id}: skipped, ${read.reason}`);
      continue;
    }
    const { bytes } = read;
    const decoded = decodeFile(bytes);
    if (!decoded.ok) {
      warnings.push(`${id}: skipped, the file is ${decoded.reason === 'empty' ? 'empty' : 'binary, not text'}`);
      continue;
    }
    if (decoded.file.encoding === 'windows-1252') warnings.push(`${id}: not valid UTF-8, read as Windows-1252 — save it as UTF-8 to be sure`);
    if (decoded.file.encoding.startsWith('utf-16')) warnings.push(`${id}: read as ${decoded.file.encoding.toUpperCase()} — it loads, but UTF-8 is smaller`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    fileHashes.set(id, sha256);
    const document =
      options.saved?.restore(id, sha256, decoded.file.text) ??
      parseDocument({ id, text: decoded.file.text, encoding: decoded.file.encoding, markdown: /\.(md|markdown)$/iu.test(file) });
    if (paragraphCountOf(document) === 0) {
      warnings.push(`${id}: skipped, no paragraphs found`);
      continue;
    }
    hash.update(id).update('\0').update(bytes).update('\0');
    documents.push(document);
  }
  if (documents.length === 0) {
    throw new CorpusError(`no readable documents in ${folder}: add .txt or .md files${warnings.length > 0 ? ` (${warnings.join('; ')})` : ''}`);
  }
  return { corpus: { documents, contentHash: hash.digest('hex') }, warnings, fileHashes };
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
