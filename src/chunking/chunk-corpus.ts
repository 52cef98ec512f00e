/**
 * Passages for retrieval: a paragraph is one chunk; a long paragraph becomes overlapping windows of
 * whole sentences, and a run of short paragraphs in one section (a man page's options, list items) is
 * grouped into one chunk up to the same size. Chunks never cross a section. A section's heading leads the
 * chunk of its first paragraph (headings are text too: "which three causes does it name?"), and the
 * title, date line and byline form one small chunk of their own (paragraph 0).
 */
import type { Citation, Corpus, CorpusDocument, Paragraph, Sentence } from '../corpus/types.js';

/** Bump when chunk or sentence boundaries change: an index built by another version is rebuilt (5: "a.m. Shift workers…" splits). */
export const CHUNKER_VERSION = 5;
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
  /**
   * A paragraph shorter than this joins the short paragraphs next to it in its section. Half the paragraphs of
   * real documents (man pages, READMEs, reference text) are under 80 characters: one chunk each gave 136k
   * chunks for 20 MB, and a one-line chunk is too little text to rank or to answer from.
   */
  readonly shortParagraph: number;
}

const DEFAULT_OPTIONS: ChunkOptions = { maxCharacters: 900, shortParagraph: 100 };

export function chunkCorpus(corpus: Corpus, options: Partial<ChunkOptions> = {}): Chunk[] {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const chunks: Chunk[] = [];
  for (const document of corpus.documents) chunkDocument(document, settings, chunks);
  return chunks;
}

/** Appends the document's chunks to `chunks`. */
function chunkDocument(document: CorpusDocument, options: ChunkOptions, chunks: Chunk[]): void {
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
  for (const group of paragraphGroups(document.paragraphs, options)) {
    const paragraph = group[0] as Paragraph;
    const section = sectionsWithHeading.get(paragraph.sectionIndex);
    // Paragraphs come in document order, so a section's first paragraph is the one where the section changes.
    const leadsSection = section !== undefined && paragraph.sectionIndex !== previousSectionIndex;
    previousSectionIndex = paragraph.sectionIndex;
    // The heading, then every sentence of the group (a loop: spread and flatMap were half of chunking's time).
    const sentences: Sentence[] =
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
    for (const member of group) for (const sentence of member.sentences) sentences.push(sentence);
    if (group.length > 1) {
      chunks.push(makeChunk(document, `${document.id}#p${paragraph.number}-${(group.at(-1) as Paragraph).number}`, sentences));
      continue;
    }
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
}

/** Paragraphs in order, one per group, except that neighbouring short paragraphs of one section share a group up to maxCharacters. */
function paragraphGroups(paragraphs: readonly Paragraph[], options: ChunkOptions): Paragraph[][] {
  const groups: Paragraph[][] = [];
  let open: Paragraph[] | undefined;
  for (const paragraph of paragraphs) {
    const short = paragraph.end - paragraph.start < options.shortParagraph;
    const first = open?.[0];
    if (
      open !== undefined &&
      first !== undefined &&
      short &&
      paragraph.sectionIndex === first.sectionIndex &&
      paragraph.end - first.start <= options.maxCharacters
    ) {
      open.push(paragraph);
      continue;
    }
    const group = [paragraph];
    groups.push(group);
    open = short ? group : undefined;
  }
  return groups;
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
