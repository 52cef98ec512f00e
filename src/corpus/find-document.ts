/**
 * One document of a library, chosen the way a person names it: its title or file name, or a unique part
 * of either (case and curly quotes ignored). Several matches are reported, never resolved silently.
 */
import { normalizeForMatch } from '../language/normalize.js';
import type { Corpus, CorpusDocument } from './types.js';

export type DocumentChoice =
  | { readonly ok: true; readonly document: CorpusDocument }
  | { readonly ok: false; readonly problem: { readonly kind: 'unknown-document' | 'ambiguous-document'; readonly message: string } };

/** Titles in library order, for autocomplete and messages. */
export function documentTitles(corpus: Corpus): string[] {
  return corpus.documents.map((document) => document.title);
}

export function findDocument(corpus: Corpus, typed: string): DocumentChoice {
  const wanted = normalizeForMatch(typed);
  const names = (document: CorpusDocument) => [normalizeForMatch(document.title), normalizeForMatch(document.id)];
  const exact = corpus.documents.filter((document) => names(document).includes(wanted));
  const prefix = corpus.documents.filter((document) => names(document).some((name) => name.startsWith(wanted)));
  const fragment = corpus.documents.filter((document) => names(document).some((name) => name.includes(wanted)));
  const matches = exact.length > 0 ? exact : prefix.length > 0 ? prefix : fragment;
  const [document] = matches;
  const shown = typed.slice(0, 100);
  if (document === undefined || wanted === '') {
    const titles = documentTitles(corpus).slice(0, 20).map((title) => `“${title}”`);
    return { ok: false, problem: { kind: 'unknown-document', message: `No document is called “${shown}”. Documents: ${titles.join(' · ')}` } };
  }
  if (matches.length > 1) {
    const titles = matches.slice(0, 20).map((match) => `“${match.title}”`);
    return {
      ok: false,
      problem: { kind: 'ambiguous-document', message: `“${shown}” matches several documents: ${titles.join(' · ')}. Give more of the title.` },
    };
  }
  return { ok: true, document };
}

/** The corpus narrowed to one document, for the study tools that read a whole corpus. */
export function corpusOf(corpus: Corpus, document: CorpusDocument): Corpus {
  return { documents: [document], contentHash: `${corpus.contentHash}#${document.id}` };
}

/** The corpus as one-document corpora, in library order: each study tool's output grouped per document. */
export function perDocument(corpus: Corpus): Corpus[] {
  return corpus.documents.map((document) => corpusOf(corpus, document));
}
