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
  if (headerSentences.length > 0) chunks.push(new SentencesChunk(document, `${document.id}#header`, headerSentences));

  // Chunk boundaries come from the offsets alone (document-layout.ts): a chunk's sentences are made when first read.
  const layout = layoutOf(document);
  const sectionsWithHeading = new Map(document.sections.filter((section) => section.headingStart !== undefined).map((section) => [section.index, section]));
  let previousSectionIndex: number | undefined;
  for (const [first, last] of paragraphGroups(layout, options)) {
    const sectionIndex = layout.sectionIndex[first] as number;
    const section = sectionsWithHeading.get(sectionIndex);
    // Paragraphs come in document order, so a section's first paragraph is the one where the section changes.
    const leadsSection = section !== undefined && sectionIndex !== previousSectionIndex;
    previousSectionIndex = sectionIndex;
    const heading = leadsSection && section.headingStart !== undefined && section.headingEnd !== undefined ? section : undefined;
    const group = new ParagraphGroup(document, first, last, heading);
    const number = first + 1;
    // The group's sentences as offsets: the heading's, then every paragraph's.
    const sentenceFrom = layout.firstSentence[first] as number;
    const sentenceTo = layout.firstSentence[last + 1] as number;
    const offset = heading === undefined ? 0 : 1;
    const count = sentenceTo - sentenceFrom + offset;
    const startOf = (slot: number) => (slot < offset ? (heading?.headingStart as number) : (layout.sentenceStart[sentenceFrom + slot - offset] as number));
    const endOf = (slot: number) => (slot < offset ? (heading?.headingEnd as number) : (layout.sentenceEnd[sentenceFrom + slot - offset] as number));
    const sectionTitle = heading !== undefined ? heading.title : (layout.paragraphSection[first] as string);
    if (last > first) {
      chunks.push(new GroupChunk(group, `${document.id}#p${number}-${last + 1}`, sectionTitle, startOf(0), endOf(count - 1), 0, count));
      continue;
    }
    if ((layout.paragraphEnd[first] as number) - (layout.paragraphStart[first] as number) <= options.maxCharacters || sentenceTo - sentenceFrom <= 1) {
      chunks.push(new GroupChunk(group, `${document.id}#p${number}`, sectionTitle, startOf(0), endOf(count - 1), 0, count));
      continue;
    }
    // Windows of whole sentences up to maxCharacters, each starting one sentence before the last one ended.
    let from = 0;
    let part = 1;
    while (from < count) {
      let to = from;
      while (to + 1 < count && endOf(to + 1) - startOf(from) <= options.maxCharacters) to += 1;
      // A window's first sentence is the heading only in the first window.
      const windowSection = from < offset ? sectionTitle : (layout.paragraphSection[first] as string);
      chunks.push(new GroupChunk(group, `${document.id}#p${number}.${part}`, windowSection, startOf(from), endOf(to), from, to + 1));
      if (to + 1 >= count) break;
      from = to > from ? to : to + 1;
      part += 1;
    }
  }
}

/** Paragraphs in order as [first, last] (0-based, inclusive), one per group, except that neighbouring short paragraphs of one section share a group up to maxCharacters. */
function paragraphGroups(layout: DocumentLayout, options: ChunkOptions): [number, number][] {
  const groups: [number, number][] = [];
  let open: [number, number] | undefined;
  for (let paragraph = 0; paragraph < layout.paragraphCount; paragraph += 1) {
    const start = layout.paragraphStart[paragraph] as number;
    const end = layout.paragraphEnd[paragraph] as number;
    const short = end - start < options.shortParagraph;
    if (
      open !== undefined &&
      short &&
      layout.sectionIndex[paragraph] === layout.sectionIndex[open[0]] &&
      end - (layout.paragraphStart[open[0]] as number) <= options.maxCharacters
    ) {
      open[1] = paragraph;
      continue;
    }
    const group: [number, number] = [paragraph, paragraph];
    groups.push(group);
    open = short ? group : undefined;
  }
  return groups;
}

/** A run of paragraphs and the section heading leading them: their sentences, made once when a chunk first asks. */
class ParagraphGroup {
  private made: Sentence[] | undefined;

  constructor(
    readonly document: CorpusDocument,
    private readonly first: number,
    private readonly last: number,
    private readonly heading: Section | undefined,
  ) {}

  /** The first paragraph's number. */
  get number(): number {
    return this.first + 1;
  }

  sentences(): Sentence[] {
    if (this.made !== undefined) return this.made;
    const { document, heading } = this;
    const paragraphs = document.paragraphs;
    const first = paragraphs[this.first] as Paragraph;
    const sentences: Sentence[] =
      heading !== undefined
        ? [
            {
              documentId: document.id,
              paragraph: first.number,
              section: heading.title,
              ordinal: -1,
              start: heading.headingStart as number,
              end: heading.headingEnd as number,
              text: document.text.slice(heading.headingStart, heading.headingEnd),
              kind: 'heading',
            },
          ]
        : [];
    // A loop: spread and flatMap were half of chunking's time.
    for (let index = this.first; index <= this.last; index += 1) for (const sentence of (paragraphs[index] as Paragraph).sentences) sentences.push(sentence);
    this.made = sentences;
    return sentences;
  }
}

/** The chunk's text and sentences are read from the document when first asked for (most chunks never are in a run). */
abstract class LazyChunk implements Chunk {
  private madeText: string | undefined;

  constructor(
    readonly id: string,
    private readonly document: CorpusDocument,
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

/** The title, date line and byline: a few sentences, made with the chunk. */
class SentencesChunk extends LazyChunk {
  constructor(
    document: CorpusDocument,
    id: string,
    private readonly made: readonly Sentence[],
  ) {
    const first = made[0] as Sentence;
    super(id, document, first.section, first.paragraph, first.start, (made.at(-1) as Sentence).end);
  }

  get sentences(): readonly Sentence[] {
    return this.made;
  }

  get sentenceCount(): number {
    return this.made.length;
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
    super(id, group.document, section, group.number, start, end);
  }

  get sentences(): readonly Sentence[] {
    if (this.made === undefined) {
      const all = this.group.sentences();
      this.made = this.from === 0 && this.to === all.length ? all : all.slice(this.from, this.to);
    }
    return this.made;
  }

  get sentenceCount(): number {
    return this.to - this.from;
  }
}
