/**
 * Passages for retrieval: a paragraph is one chunk; a long paragraph becomes overlapping windows of
 * whole sentences, and a run of short paragraphs in one section (a man page's options, list items) is
 * grouped into one chunk up to the same size. Chunks never cross a section. A section's heading leads the
 * chunk of its first paragraph (headings are text too: "which three causes does it name?"), and the
 * title, date line and byline form one small chunk of their own (paragraph 0).
 */
import { layoutOf, type DocumentLayout } from '../corpus/document-layout.js';
import type { Citation, Corpus, CorpusDocument, Paragraph, Section, Sentence } from '../corpus/types.js';

/** Bump when chunk or sentence boundaries change: an index built by another version is rebuilt (5: "a.m. Shift workers…" splits). */
export const CHUNKER_VERSION = 5;
export const HEADER_SECTION = 'Title and byline';

/** A passage: where it stands (document, section, paragraph, offsets) and its text. */
export interface Chunk extends Citation {
  readonly id: string;
  readonly text: string;
  readonly sentences: readonly Sentence[];
  /** sentences.length, known without making them. */
  readonly sentenceCount: number;
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
  // Chunk boundaries come from the offsets alone (document-layout.ts): a chunk's sentences are made when first read.
  // No object is made per group but the chunk itself: a 20 MB corpus has 97k of them, and what a start makes, it collects.
  const layout = layoutOf(document);
  const headerLines = layout.headerStart.length;
  if (headerLines > 0) chunks.push(new HeaderChunk(document, layout.headerStart[0] as number, layout.headerEnd[headerLines - 1] as number, headerLines));

  const sectionsWithHeading = new Map(document.sections.filter((section) => section.headingStart !== undefined).map((section) => [section.index, section]));
  const groups = paragraphGroups(layout, options);
  let previousSectionIndex: number | undefined;
  for (let group = 0; group < groups.length; group += 2) {
    const first = groups[group] as number;
    const last = groups[group + 1] as number;
    const sectionIndex = layout.sectionIndex[first] as number;
    const section = sectionsWithHeading.get(sectionIndex);
    // Paragraphs come in document order, so a section's first paragraph is the one where the section changes.
    const leadsSection = section !== undefined && sectionIndex !== previousSectionIndex;
    previousSectionIndex = sectionIndex;
    const heading = leadsSection && section.headingStart !== undefined && section.headingEnd !== undefined ? section : undefined;
    const number = first + 1;
    // The group's sentences as offsets (slots): the heading's, then every paragraph's.
    const slots = { layout, heading, from: layout.firstSentence[first] as number };
    const count = (layout.firstSentence[last + 1] as number) - slots.from + (heading === undefined ? 0 : 1);
    const sectionTitle = heading !== undefined ? heading.title : (layout.paragraphSection[first] as string);
    const whole = { document, first, last, heading };
    if (last > first) {
      chunks.push(new GroupChunk(whole, `${document.id}#p${number}-${last + 1}`, sectionTitle, slotStart(slots, 0), slotEnd(slots, count - 1), 0, count));
      continue;
    }
    if (
      (layout.paragraphEnd[first] as number) - (layout.paragraphStart[first] as number) <= options.maxCharacters ||
      count - (heading === undefined ? 0 : 1) <= 1
    ) {
      chunks.push(new GroupChunk(whole, `${document.id}#p${number}`, sectionTitle, slotStart(slots, 0), slotEnd(slots, count - 1), 0, count));
      continue;
    }
    // Windows of whole sentences up to maxCharacters, each starting one sentence before the last one ended.
    let from = 0;
    let part = 1;
    while (from < count) {
      let to = from;
      while (to + 1 < count && slotEnd(slots, to + 1) - slotStart(slots, from) <= options.maxCharacters) to += 1;
      // A window's first sentence is the heading only in the first window.
      const windowSection = from === 0 ? sectionTitle : (layout.paragraphSection[first] as string);
      chunks.push(new GroupChunk(whole, `${document.id}#p${number}.${part}`, windowSection, slotStart(slots, from), slotEnd(slots, to), from, to + 1));
      if (to + 1 >= count) break;
      from = to > from ? to : to + 1;
      part += 1;
    }
  }
}

/** A group's sentence slots: the heading's (when it leads the group), then its paragraphs' sentences from `from` on. */
interface Slots {
  readonly layout: DocumentLayout;
  readonly heading: Section | undefined;
  readonly from: number;
}

function slotStart({ layout, heading, from }: Slots, slot: number): number {
  if (heading === undefined) return layout.sentenceStart[from + slot] as number;
  return slot === 0 ? (heading.headingStart as number) : (layout.sentenceStart[from + slot - 1] as number);
}

function slotEnd({ layout, heading, from }: Slots, slot: number): number {
  if (heading === undefined) return layout.sentenceEnd[from + slot] as number;
  return slot === 0 ? (heading.headingEnd as number) : (layout.sentenceEnd[from + slot - 1] as number);
}

/** Paragraphs in order as first, last pairs (0-based, inclusive) in one flat list, one pair per group, except that neighbouring short paragraphs of one section share a group up to maxCharacters. */
function paragraphGroups(layout: DocumentLayout, options: ChunkOptions): number[] {
  const groups: number[] = [];
  let open = -1;
  for (let paragraph = 0; paragraph < layout.paragraphCount; paragraph += 1) {
    const start = layout.paragraphStart[paragraph] as number;
    const end = layout.paragraphEnd[paragraph] as number;
    const short = end - start < options.shortParagraph;
    if (
      open >= 0 &&
      short &&
      layout.sectionIndex[paragraph] === layout.sectionIndex[open] &&
      end - (layout.paragraphStart[open] as number) <= options.maxCharacters
    ) {
      groups[groups.length - 1] = paragraph;
      continue;
    }
    groups.push(paragraph, paragraph);
    open = short ? paragraph : -1;
  }
  return groups;
}

/** A run of paragraphs and the section heading leading them. */
interface ParagraphGroup {
  readonly document: CorpusDocument;
  readonly first: number;
  readonly last: number;
  readonly heading: Section | undefined;
}

/** The group's sentences: the heading's, then every paragraph's (a loop: spread and flatMap were half of chunking's time). */
function sentencesOf({ document, first, last, heading }: ParagraphGroup): Sentence[] {
  const paragraphs = document.paragraphs;
  const sentences: Sentence[] =
    heading !== undefined
      ? [
          {
            documentId: document.id,
            paragraph: first + 1,
            section: heading.title,
            ordinal: -1,
            start: heading.headingStart as number,
            end: heading.headingEnd as number,
            text: document.text.slice(heading.headingStart, heading.headingEnd),
            kind: 'heading',
          },
        ]
      : [];
  for (let index = first; index <= last; index += 1) for (const sentence of (paragraphs[index] as Paragraph).sentences) sentences.push(sentence);
  return sentences;
}

/** The chunk's text and sentences are read from the document when first asked for (most chunks never are in a run). */
abstract class LazyChunk implements Chunk {
  private madeText: string | undefined;

  constructor(
    readonly id: string,
    protected readonly document: CorpusDocument,
    readonly section: string,
    readonly paragraph: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get documentId(): string {
    return this.document.id;
  }

  get documentTitle(): string {
    return this.document.title;
  }

  get text(): string {
    this.madeText ??= this.document.text.slice(this.start, this.end);
    return this.madeText;
  }

  abstract get sentences(): readonly Sentence[];
  abstract get sentenceCount(): number;

  toJSON(): Omit<Chunk, 'sentenceCount'> {
    const { id, documentId, documentTitle, section, paragraph, start, end, text, sentences } = this;
    return { id, documentId, documentTitle, section, paragraph, start, end, text, sentences };
  }
}

/** The title, date line and byline: one sentence each. */
class HeaderChunk extends LazyChunk {
  private made: readonly Sentence[] | undefined;

  constructor(
    document: CorpusDocument,
    start: number,
    end: number,
    readonly sentenceCount: number,
  ) {
    super(`${document.id}#header`, document, HEADER_SECTION, 0, start, end);
  }

  get sentences(): readonly Sentence[] {
    const { document } = this;
    this.made ??= document.header.map((line) => ({
      documentId: document.id,
      paragraph: 0,
      section: HEADER_SECTION,
      ordinal: -1,
      start: line.start,
      end: line.end,
      text: line.text,
      kind: 'header' as const,
    }));
    return this.made;
  }
}

/** Sentences from..to (exclusive) of a paragraph group: all of them, or one window of a long paragraph. */
class GroupChunk extends LazyChunk {
  private made: readonly Sentence[] | undefined;

  constructor(
    private readonly group: ParagraphGroup,
    id: string,
    section: string,
    start: number,
    end: number,
    private readonly from: number,
    private readonly to: number,
  ) {
    super(id, group.document, section, group.first + 1, start, end);
  }

  get sentences(): readonly Sentence[] {
    if (this.made === undefined) {
      const all = sentencesOf(this.group);
      this.made = this.from === 0 && this.to === all.length ? all : all.slice(this.from, this.to);
    }
    return this.made;
  }

  get sentenceCount(): number {
    return this.to - this.from;
  }
}
