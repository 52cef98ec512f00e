/**
 * What one server reads: the operator's shared corpus, then the server's own documents in the order they were
 * added, parsed from the text the library store keeps. Used by the bot's per-server engines (parsed in the
 * ingest worker) and by the command line's `--server ID`.
 */
import { createHash } from 'node:crypto';
import { loadCorpus, type LoadedCorpus } from '../corpus/load-corpus.js';
import { parseDocument } from '../corpus/parse-document.js';
import type { CorpusDocument } from '../corpus/types.js';
import type { AsyncLibraryStore } from './library-store.js';

/** One document of a library as the store keeps it: what parsing and the corpus hash need. */
export interface LibraryText {
  readonly documentId: string;
  readonly title: string;
  readonly contentHash: string;
  readonly text: string;
}

/** The library's documents' texts, in the order they were added. */
export async function readLibraryTexts(store: AsyncLibraryStore, libraryId: string): Promise<LibraryText[]> {
  const texts: LibraryText[] = [];
  for (const record of await store.list(libraryId)) {
    const text = await store.text(libraryId, record.documentId);
    if (text !== undefined) texts.push({ documentId: record.documentId, title: record.title, contentHash: record.contentHash, text });
  }
  return texts;
}

/** The shared corpus followed by the library's documents, with a content hash over both. */
export function libraryCorpusFrom(shared: LoadedCorpus, texts: readonly LibraryText[]): LoadedCorpus {
  const own: CorpusDocument[] = [];
  const hash = createHash('sha256').update(shared.corpus.contentHash);
  for (const entry of texts) {
    own.push({
      ...parseDocument({ id: entry.documentId, text: entry.text, encoding: 'utf-8', markdown: entry.documentId.endsWith('.md') }),
      title: entry.title,
    });
    hash.update(entry.documentId).update('\0').update(entry.contentHash);
  }
  return { corpus: { documents: [...shared.corpus.documents, ...own], contentHash: hash.digest('hex') }, warnings: shared.warnings };
}

export async function loadLibraryCorpus(corpusDir: string, store: AsyncLibraryStore, libraryId: string): Promise<LoadedCorpus> {
  return libraryCorpusFrom(await loadCorpus(corpusDir), await readLibraryTexts(store, libraryId));
}
