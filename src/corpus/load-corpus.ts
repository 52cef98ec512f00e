/**
 * Reads every .txt / .md document under the corpus folder into a Corpus. Files that cannot be documents
 * (empty, binary, too large) are skipped with a warning that says which file and why; nothing else is lost.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeFile } from './decode-file.js';
import { parseDocument } from './parse-document.js';
import type { Corpus, CorpusDocument } from './types.js';

export interface LoadCorpusOptions {
  /** Files larger than this are skipped with a warning (default 64 MiB). */
  readonly maxFileBytes?: number;
}

export interface LoadedCorpus {
  readonly corpus: Corpus;
  readonly warnings: readonly string[];
}

export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

export async function loadCorpus(folder: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? 64 * 1024 * 1024;
  let files: string[];
  try {
    files = await listDocuments(folder);
  } catch (error) {
    throw new CorpusError(`cannot read the corpus folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}): create it and put .txt or .md files in it, or set FOOTNOTE_CORPUS_DIR`);
  }
  const documents: CorpusDocument[] = [];
  const warnings: string[] = [];
  const hash = createHash('sha256');
  for (const file of files) {
    const id = path.relative(folder, file).split(path.sep).join('/');
    const size = (await stat(file)).size;
    if (size > maxFileBytes) {
      warnings.push(`${id}: skipped, ${(size / 1048576).toFixed(1)} MiB is over the ${(maxFileBytes / 1048576).toFixed(0)} MiB limit for one document — split it into smaller files`);
      continue;
    }
    const bytes = await readFile(file);
    const decoded = decodeFile(bytes);
    if (!decoded.ok) {
      warnings.push(`${id}: skipped, the file is ${decoded.reason === 'empty' ? 'empty' : 'binary, not text'}`);
      continue;
    }
    if (decoded.file.encoding === 'windows-1252') warnings.push(`${id}: not valid UTF-8, read as Windows-1252 — save it as UTF-8 to be sure`);
    const document = parseDocument({ id, text: decoded.file.text, encoding: decoded.file.encoding, markdown: /\.(md|markdown)$/iu.test(file) });
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
  return { corpus: { documents, contentHash: hash.digest('hex') }, warnings };
}

async function listDocuments(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))
    .sort();
}
