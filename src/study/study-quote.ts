/**
 * Every study item is grounded in a verbatim quote, built only through `quoteSpan`, which re-reads the span
 * from the document text: a quote whose text is not exactly `document.text.slice(start, end)` never leaves
 * this module.
 */
import type { Quote } from '../answering/types.js';
import type { Corpus, CorpusDocument, Paragraph, Sentence } from '../corpus/types.js';

export type { Quote } from '../answering/types.js';

/** A span of one paragraph; the text is read from the document, never taken from the caller. */
export function quoteSpan(document: CorpusDocument, paragraph: Paragraph, start: number, end: number): Quote | undefined {
  if (!(paragraph.start <= start && start < end && end <= paragraph.end)) return undefined;
  const text = document.text.slice(start, end);
  // Defensive: a paragraph of another document would slice the wrong text.
  if (paragraph.documentId !== document.id || text.trim() !== text || text === '') return undefined;
  return { text, documentId: document.id, documentTitle: document.title, section: paragraph.section, paragraph: paragraph.number, start, end };
}

export function quoteSentence(document: CorpusDocument, paragraph: Paragraph, sentence: Sentence): Quote | undefined {
  return quoteSpan(document, paragraph, sentence.start, sentence.end);
}

/** True when the quote's text is exactly what the corpus holds at its offsets. */
export function isLocated(corpus: Corpus, quote: Quote): boolean {
  const document = corpus.documents.find((candidate) => candidate.id === quote.documentId);
  return document !== undefined && document.text.slice(quote.start, quote.end) === quote.text;
}

/** The shape the command line prints: `{text, documentId, section, paragraph, start, end}`. */
export function quoteJson(quote: Quote): { text: string; documentId: string; section: string; paragraph: number; start: number; end: number } {
  const { text, documentId, section, paragraph, start, end } = quote;
  return { text, documentId, section, paragraph, start, end };
}

/** "Section, ¶ 3", with the document title first when the corpus has several documents. */
export function citationLabel(quote: Quote, options: { withDocument: boolean }): string {
  const where = `${quote.section}, ¶ ${quote.paragraph}`;
  return options.withDocument ? `${quote.documentTitle} — ${where}` : where;
}
