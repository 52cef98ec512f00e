/**
 * Quotes and where they stand. A quote is built only by `quoteSpan`, which re-reads the span from the
 * document text, so a quote whose text is not exactly `document.text.slice(start, end)` never leaves here;
 * `citationLabel` is the one way a citation is written ("Title — Section, ¶ 3").
 */
import type { Citation, Corpus, CorpusDocument, Paragraph, Sentence } from './types.js';

/** A verbatim quote: `text` is exactly `document.text.slice(start, end)`. */
export interface Quote extends Citation {
  readonly text: string;
}

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

export interface CitationLabelOptions {
  /** Name the document first: only useful when the corpus holds several. */
  readonly withDocument: boolean;
  /** Add the character offsets ("[chars 120–245]"), as the command line does. */
  readonly withOffsets?: boolean;
}

/** "Section, ¶ 3", after the document title when asked ("Title — Section, ¶ 3"); ¶ 0 (the title block) is the section alone. */
export function citationLabel(citation: Pick<Citation, 'documentTitle' | 'section' | 'paragraph'> & Partial<Pick<Citation, 'start' | 'end'>>, options: CitationLabelOptions): string {
  const where = citation.paragraph === 0 ? citation.section : `${citation.section}, ¶ ${citation.paragraph}`;
  const label = options.withDocument ? `${citation.documentTitle} — ${where}` : where;
  return options.withOffsets === true && citation.start !== undefined && citation.end !== undefined ? `${label} [chars ${citation.start}–${citation.end}]` : label;
}
