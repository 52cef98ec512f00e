/**
 * Passages for retrieval: a paragraph is one chunk; a long paragraph becomes overlapping windows of
 * whole sentences. Chunks never cross a paragraph, so never a section. A section's heading leads the
 * chunk of its first paragraph (headings are text too: "which three causes does it name?"), and the
 * title, date line and byline form one small chunk of their own (paragraph 0).
 */
import type { Citation, Corpus, CorpusDocument, Sentence } from '../corpus/types.js';

/** Bump when chunk boundaries change: an index built by another version is rebuilt. */
export const CHUNKER_VERSION = 3;
export const HEADER_SECTION = 'Title and byline';

/** A passage: where it stands (document, section, paragraph, offsets) and its text. */
export interface Chunk extends Citation {
  readonly id: string;
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export interface ChunkOptions {
  /** A paragraph longer than this is split into sentence windows. */
  readonly maxCharacters: number;
}

const DEFAULT_OPTIONS: ChunkOptions = { maxCharacters: 900 };

export function chunkCorpus(corpus: Corpus, options: Partial<ChunkOptions> = {}): Chunk[] {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  return corpus.documents.flatMap((document) => chunkDocument(document, settings));
}

function chunkDocument(document: CorpusDocument, options: ChunkOptions): Chunk[] {
  const chunks: Chunk[] = [];
  const headerSentences: Sentence[] = document.header.map((line) => ({
    documentId: document.id,
    paragraph: 0,
    section: HEADER_SECTION,
    ordinal: -1,
    start: line.start,
    end: line.end,
    text: line.text,
    kind: 'header' as const,
  }));
  if (headerSentences.length > 0) chunks.push(makeChunk(document, `${document.id}#header`, headerSentences));

  const sectionsWithHeading = new Map(document.sections.filter((section) => section.headingStart !== undefined).map((section) => [section.index, section]));
  let previousSectionIndex: number | undefined;
  for (const paragraph of document.paragraphs) {
    const section = sectionsWithHeading.get(paragraph.sectionIndex);
    // Paragraphs come in document order, so a section's first paragraph is the one where the section changes.
    const leadsSection = section !== undefined && paragraph.sectionIndex !== previousSectionIndex;
    previousSectionIndex = paragraph.sectionIndex;
    const heading: Sentence[] =
      leadsSection && section.headingStart !== undefined && section.headingEnd !== undefined
        ? [
            {
              documentId: document.id,
              paragraph: paragraph.number,
              section: section.title,
              ordinal: -1,
              start: section.headingStart,
              end: section.headingEnd,
              text: document.text.slice(section.headingStart, section.headingEnd),
              kind: 'heading',
            },
          ]
        : [];
    const sentences = [...heading, ...paragraph.sentences];
    if (paragraph.end - paragraph.start <= options.maxCharacters || paragraph.sentences.length <= 1) {
      chunks.push(makeChunk(document, `${document.id}#p${paragraph.number}`, sentences));
      continue;
    }
    // Windows of whole sentences up to maxCharacters, each starting one sentence before the last one ended.
    let first = 0;
    let part = 1;
    while (first < sentences.length) {
      let last = first;
      while (last + 1 < sentences.length && (sentences[last + 1]?.end ?? 0) - (sentences[first]?.start ?? 0) <= options.maxCharacters) last += 1;
      chunks.push(makeChunk(document, `${document.id}#p${paragraph.number}.${part}`, sentences.slice(first, last + 1)));
      if (last + 1 >= sentences.length) break;
      first = last > first ? last : last + 1;
      part += 1;
    }
  }
  return chunks;
}

function makeChunk(document: CorpusDocument, id: string, sentences: readonly Sentence[]): Chunk {
  const first = sentences[0] as Sentence;
  const last = sentences.at(-1) as Sentence;
  return {
    id,
    documentId: document.id,
    documentTitle: document.title,
    section: first.section,
    paragraph: first.paragraph,
    start: first.start,
    end: last.end,
    text: document.text.slice(first.start, last.end),
    sentences,
  };
}
