/**
 * The shapes every later stage shares. Offsets (`start`, `end`) are indices into `CorpusDocument.text`,
 * which is the corpus file decoded exactly as it is on disk (a UTF-8 BOM and CRLF line ends included),
 * so `text.slice(start, end)` is the quoted text, character for character.
 */

/** How a file's bytes were read: UTF-8, UTF-16 (with or without a byte-order mark), or the Windows-1252 fallback. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CorpusDocument {
  /** Path relative to the corpus folder, with forward slashes: the citation's document id. */
  readonly id: string;
  readonly title: string;
  readonly author: string | undefined;
  /** ISO date (YYYY-MM-DD) when the document states one. */
  readonly date: string | undefined;
  readonly url: string | undefined;
  /** The decoded file, unchanged. */
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
  /** Header lines (title, date line, byline) located in the text, for metadata answers. */
  readonly header: readonly HeaderLine[];
}

export interface HeaderLine {
  readonly kind: 'title' | 'date' | 'byline';
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Section {
  /** The heading as written; "Introduction" for text before the first heading. */
  readonly title: string;
  /** 1-based position among the document's sections. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly headingStart: number | undefined;
  readonly headingEnd: number | undefined;
}

export interface Paragraph {
  readonly documentId: string;
  /** 1-based body paragraph number within the document (title, date line, byline and headings are not counted). */
  readonly number: number;
  readonly section: string;
  readonly sectionIndex: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export interface Sentence {
  readonly documentId: string;
  readonly paragraph: number;
  readonly section: string;
  /** Position of the sentence in the document, 0-based, across paragraphs. */
  readonly ordinal: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Set on the title/date/byline lines and section headings when they are treated as sentences. */
  readonly kind?: 'header' | 'heading';
}

export interface Corpus {
  readonly documents: readonly CorpusDocument[];
  /** sha256 over every document's id and bytes, in id order. */
  readonly contentHash: string;
}

/** Where a quote or passage stands: what a user sees as "Section, ¶ 3". */
export interface Citation {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly section: string;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}
