/**
 * Reads every .txt / .md document under the corpus folder into a Corpus. Files that cannot be documents
 * (empty, binary, too large, unreadable) are skipped with a warning that says which file and why; nothing else is lost.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeFile } from './decode-file.js';
import { parseDocument } from './parse-document.js';
import type { SavedParse } from './saved-parse.js';
import type { Corpus, CorpusDocument } from './types.js';

export interface LoadCorpusOptions {
  /** Files larger than this are skipped with a warning (default 64 MiB). */
  readonly maxFileBytes?: number;
  /** Reads one file (default: fs.readFile); a test passes one that fails like a file without read permission. */
  readonly readFile?: (file: string) => Promise<Buffer>;
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
const READS_IN_FLIGHT = 16;

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
  // A few reads in flight while the earlier files are parsed: thousands of small files, one at a time, waited on
  // the disk more than they took to parse. Each is still parsed and hashed in order.
  const reads: (Promise<Awaited<ReturnType<typeof readDocumentFile>>> | undefined)[] = [];
  const startRead = (position: number) => {
    const file = files[position];
    if (file !== undefined) reads[position] = readDocumentFile(file, maxFileBytes, options.readFile ?? ((name) => readFile(name)));
  };
  for (let position = 0; position < READS_IN_FLIGHT; position += 1) startRead(position);
  for (const [position, file] of files.entries()) {
    const id = path.relative(folder, file).split(path.sep).join('/');
    // A file that cannot be read (permissions, removed meanwhile) is skipped like an empty one, not fatal.
    const read = await (reads[position] as Promise<Awaited<ReturnType<typeof readDocumentFile>>>);
    reads[position] = undefined;
    startRead(position + READS_IN_FLIGHT);
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
    if (document.paragraphs.length === 0) {
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

async function readDocumentFile(
  file: string,
  maxFileBytes: number,
  read: (file: string) => Promise<Buffer>,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  try {
    const size = (await stat(file)).size;
    if (size > maxFileBytes) {
      return {
        ok: false,
        reason: `${(size / 1048576).toFixed(1)} MiB is over the ${(maxFileBytes / 1048576).toFixed(0)} MiB limit for one document — split it into smaller files`,
      };
    }
    return { ok: true, bytes: await read(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const fix = code === 'EACCES' || code === 'EPERM' ? ': make it readable (chmod a+r) or move it out of the corpus folder' : '';
    return { ok: false, reason: `it cannot be read (${code})${fix}` };
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
