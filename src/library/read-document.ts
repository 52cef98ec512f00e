/**
 * A file's bytes → the document a library stores: its extracted text, the id it is cited by, its title and its
 * content hash, or a problem to tell the member. The slow part of adding a document (pdf.js reads every page,
 * the text is parsed into paragraphs): it runs in the ingest worker (ingest-worker.ts), off the bot's event loop.
 */
import { createHash } from 'node:crypto';
import { parseDocument } from '../corpus/parse-document.js';
import { fileNameSlug } from '../files/file-name-slug.js';
import { extractText, type DocumentFormat, type ExtractLimits } from './extract-text.js';

/** Where a server's documents are cited from: their ids name the server, so no two libraries share one. */
export const LIBRARY_FOLDER = 'servers';

export interface ReadDocumentInput {
  readonly libraryId: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string | undefined;
  readonly limits: ExtractLimits;
}

export interface ReadDocument {
  readonly documentId: string;
  readonly title: string;
  readonly format: DocumentFormat;
  /** What is stored and quoted. */
  readonly text: string;
  /** sha256 of the text: the same text added twice is one document. */
  readonly contentHash: string;
}

export type ReadDocumentOutcome = { readonly ok: true; readonly document: ReadDocument } | { readonly ok: false; readonly message: string };

export async function readDocument(input: ReadDocumentInput): Promise<ReadDocumentOutcome> {
  const extracted = await extractText({ name: input.name, bytes: input.bytes, contentType: input.contentType, limits: input.limits });
  if (!extracted.ok) return { ok: false, message: extracted.message };
  const { text, markdown, format } = extracted.extracted;
  const contentHash = createHash('sha256').update(text).digest('hex');
  const slug = slugOf(input.name.replace(/\.[a-z]+$/iu, ''));
  const documentId = `${LIBRARY_FOLDER}/${input.libraryId}/${slug}-${contentHash.slice(0, 8)}.${markdown ? 'md' : 'txt'}`;
  const parsed = parseDocument({ id: documentId, text, encoding: 'utf-8', markdown });
  if (parsed.paragraphs.length === 0) return { ok: false, message: `No paragraphs of text found in “${input.name}”.` };
  const fallbackTitle = documentId.replace(/\.(txt|md)$/u, '');
  const title = parsed.title !== fallbackTitle ? parsed.title : (extracted.extracted.title ?? input.name.replace(/\.[a-z]+$/iu, ''));
  return { ok: true, document: { documentId, title: title.slice(0, 200), format, text, contentHash } };
}

export function slugOf(text: string): string {
  const slug = fileNameSlug(text, 40);
  return slug === '' ? 'document' : slug;
}
