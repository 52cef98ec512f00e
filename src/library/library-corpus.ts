/**
 * What one server reads: the operator's shared corpus, then the server's own documents in the order they were
 * added, parsed from the text the library store keeps. Used by the bot's per-server engines and by the command
 * line's `--server ID`.
 */
import { createHash } from 'node:crypto';
import { loadCorpus, type LoadedCorpus } from '../corpus/load-corpus.js';
import { parseDocument } from '../corpus/parse-document.js';
import type { CorpusDocument } from '../corpus/types.js';
import type { AsyncLibraryStore } from './library-store.js';

export async function loadLibraryCorpus(corpusDir: string, store: AsyncLibraryStore, libraryId: string): Promise<LoadedCorpus> {
  const shared = await loadCorpus(corpusDir);
  const own: CorpusDocument[] = [];
  const hash = createHash('sha256').update(shared.corpus.contentHash);
  for (const record of await store.list(libraryId)) {
    const text = await store.text(libraryId, record.documentId);
    if (text === undefined) continue;
    own.push({ ...parseDocument({ id: record.documentId, text, encoding: 'utf-8', markdown: record.documentId.endsWith('.md') }), title: record.title });
    hash.update(record.documentId).update('\0').update(record.contentHash);
  }
  return { corpus: { documents: [...shared.corpus.documents, ...own], contentHash: hash.digest('hex') }, warnings: shared.warnings };
}
