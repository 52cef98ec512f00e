/**
 * A document's paragraphs and sentences as offsets only: what chunking needs, without a Paragraph or Sentence
 * object or a slice of the text. A document restored from the saved parse (saved-parse.ts) has its layout from the
 * saved numbers and makes its paragraph objects only when something reads them, so a start over a 20 MB corpus
 * does not build 180k sentence objects that the first question never looks at.
 */
import type { CorpusDocument } from './types.js';

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
