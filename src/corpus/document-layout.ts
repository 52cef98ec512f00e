/**
 * A document's paragraphs and sentences as offsets only: what chunking needs, without a Paragraph or Sentence
 * object or a slice of the text. A document restored from the saved parse (saved-parse.ts) has its layout from the
 * saved numbers and makes its paragraph objects only when something reads them, so a start over a 20 MB corpus
 * does not build 180k sentence objects that the first question never looks at.
 */
import type { CorpusDocument, Paragraph, Sentence } from './types.js';

export interface DocumentLayout {
  readonly paragraphCount: number;
  /** Paragraph p (0-based; its number is p + 1): its section's index, offsets and section title. */
  readonly sectionIndex: readonly number[];
  readonly paragraphStart: readonly number[];
  readonly paragraphEnd: readonly number[];
  readonly paragraphSection: readonly string[];
  /** Paragraph p's sentences are sentenceStart/sentenceEnd[firstSentence[p] .. firstSentence[p + 1]). */
  readonly firstSentence: readonly number[];
  readonly sentenceStart: readonly number[];
  readonly sentenceEnd: readonly number[];
  /** The header lines' offsets (title, date line, byline). */
  readonly headerStart: readonly number[];
  readonly headerEnd: readonly number[];
}

/** Layouts of documents whose paragraphs are made on first use, given by whoever made the document. */
const knownLayouts = new WeakMap<CorpusDocument, DocumentLayout>();

export function rememberLayout(document: CorpusDocument, layout: DocumentLayout): void {
  knownLayouts.set(document, layout);
}

/** The document's layout: the one it came with, else read from its paragraphs. */
export function layoutOf(document: CorpusDocument): DocumentLayout {
  return knownLayouts.get(document) ?? layoutOfParagraphs(document);
}

/** How many paragraphs the document has, without making them. */
export function paragraphCountOf(document: CorpusDocument): number {
  return knownLayouts.get(document)?.paragraphCount ?? document.paragraphs.length;
}

function layoutOfParagraphs(document: CorpusDocument): DocumentLayout {
  const layout = {
    paragraphCount: document.paragraphs.length,
    sectionIndex: [] as number[],
    paragraphStart: [] as number[],
    paragraphEnd: [] as number[],
    paragraphSection: [] as string[],
    firstSentence: [0],
    sentenceStart: [] as number[],
    sentenceEnd: [] as number[],
    headerStart: document.header.map((line) => line.start),
    headerEnd: document.header.map((line) => line.end),
  };
  for (const paragraph of document.paragraphs) {
    layout.sectionIndex.push(paragraph.sectionIndex);
    layout.paragraphStart.push(paragraph.start);
    layout.paragraphEnd.push(paragraph.end);
    layout.paragraphSection.push(paragraph.section);
    for (const sentence of paragraph.sentences) {
      layout.sentenceStart.push(sentence.start);
      layout.sentenceEnd.push(sentence.end);
    }
    layout.firstSentence.push(layout.sentenceStart.length);
  }
  return layout;
}

/** How many restored documents have had their paragraph objects made (tests check a start makes none). */
let documentsExpanded = 0;

export function restoredDocumentsExpanded(): number {
  return documentsExpanded;
}

/** The paragraph objects parseDocument made, from the layout and the same text. */
export function paragraphsOf(id: string, text: string, layout: DocumentLayout): Paragraph[] {
  documentsExpanded += 1;
  const paragraphs: Paragraph[] = [];
  let ordinal = 0;
  for (let index = 0; index < layout.paragraphCount; index += 1) {
    const number = index + 1;
    const section = layout.paragraphSection[index] as string;
    const sentences: Sentence[] = [];
    for (let at = layout.firstSentence[index] as number; at < (layout.firstSentence[index + 1] as number); at += 1) {
      const start = layout.sentenceStart[at] as number;
      const end = layout.sentenceEnd[at] as number;
      sentences.push({ documentId: id, paragraph: number, section, ordinal: ordinal++, start, end, text: text.slice(start, end) });
    }
    const start = layout.paragraphStart[index] as number;
    const end = layout.paragraphEnd[index] as number;
    paragraphs.push({ documentId: id, number, section, sectionIndex: layout.sectionIndex[index] as number, start, end, text: text.slice(start, end), sentences });
  }
  return paragraphs;
}
