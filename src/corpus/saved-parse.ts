/**
 * The parsed structure of every document — title, header lines, sections, paragraphs and sentences, as offsets
 * into the file's text — saved at ingest beside the index and read back at start, so a start re-reads the files
 * but does not parse them again (reading and parsing 18 MB of real text was a quarter of a cold start, and most
 * of its garbage). A document's entry is used only when its bytes have the same sha256 and the parser the same
 * version; any other document is parsed as before. Texts are never saved: every string is a slice of the file.
 *
 * Layout: a JSON list of each document's strings and counts, then the offsets as variable-length integers
 * (deltas from the previous offset, so most take one byte), all deflated.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import { paragraphsOf, rememberLayout, type DocumentLayout } from './document-layout.js';
import { sameStamp, type FileStamp } from './file-stamp.js';
import { NumberReader, NumberWriter } from './saved-numbers.js';
import type { CorpusDocument, HeaderLine, Paragraph, Section, TextEncoding } from './types.js';

export { restoredDocumentsExpanded } from './document-layout.js';

/** Bump whenever parse-document.ts (or what it calls) may parse a file differently: saved structures of another version are ignored. */
export const PARSER_VERSION = 1;
const FORMAT = 'footnote-parsed-corpus';

/** What is kept of one document, besides its offsets. */
interface SavedDocument {
  readonly id: string;
  readonly sha256: string;
  readonly title: string;
  readonly author?: string | undefined;
  readonly date?: string | undefined;
  readonly url?: string | undefined;
  readonly encoding: TextEncoding;
  readonly sections: readonly string[];
  /** The file as it stood when read (file-stamp.ts); absent when it was changed too close to the reading to vouch for it. */
  readonly stamp?: FileStamp | undefined;
}

interface SavedHeader {
  readonly format: typeof FORMAT;
  readonly parserVersion: number;
  readonly documents: readonly SavedDocument[];
  /** The corpus's hash over exactly these documents (load-corpus.ts), when they were the whole corpus. */
  readonly contentHash?: string | undefined;
}

/** What a saved parse keeps besides the structures: each file's stamp, and the corpus hash they make up. */
export interface SavedParseExtras {
  readonly stamp?: ((id: string) => FileStamp | undefined) | undefined;
  readonly contentHash?: string | undefined;
}

const HEADER_KINDS: readonly HeaderLine['kind'][] = ['title', 'date', 'byline'];
/** Written for an absent heading offset (0 is a real offset). */
const ABSENT = 0;

/** The documents' structures, deflated; `sha256` gives each document's file hash (hex) by id. */
export async function encodeSavedParse(
  documents: readonly CorpusDocument[],
  sha256: (id: string) => string | undefined,
  extras: SavedParseExtras = {},
): Promise<Uint8Array> {
  const numbers = new NumberWriter();
  const saved: SavedDocument[] = [];
  for (const document of documents) {
    const hash = sha256(document.id);
    if (hash === undefined) continue;
    saved.push({
      id: document.id,
      sha256: hash,
      title: document.title,
      author: document.author,
      date: document.date,
      url: document.url,
      encoding: document.encoding,
      sections: document.sections.map((section) => section.title),
      stamp: extras.stamp?.(document.id),
    });
    numbers.count(document.header.length);
    numbers.restart();
    for (const line of document.header) {
      numbers.count(HEADER_KINDS.indexOf(line.kind));
      numbers.offset(line.start);
      numbers.offset(line.end);
    }
    numbers.restart();
    for (const section of document.sections) {
      numbers.offset(section.start);
      numbers.offset(section.end);
      // Heading offsets as 1 + offset, 0 when there is no heading.
      numbers.count(section.headingStart === undefined ? ABSENT : section.headingStart + 1);
      numbers.count(section.headingEnd === undefined ? ABSENT : section.headingEnd - (section.headingStart ?? 0));
    }
    numbers.count(document.paragraphs.length);
    numbers.restart();
    for (const paragraph of document.paragraphs) {
      numbers.count(paragraph.sectionIndex);
      numbers.offset(paragraph.start);
      numbers.offset(paragraph.end);
      numbers.count(paragraph.sentences.length);
      for (const sentence of paragraph.sentences) {
        numbers.offset(sentence.start);
        numbers.offset(sentence.end);
      }
    }
  }
  const whole = saved.length === documents.length;
  const header: SavedHeader = { format: FORMAT, parserVersion: PARSER_VERSION, documents: saved, contentHash: whole ? extras.contentHash : undefined };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return promisify(deflateRaw)(Buffer.concat([length, json, numbers.bytes()]));
}

/** Saved structures by document id; rebuild one with `restore` once its file's hash is known to match. */
export class SavedParse {
  private readonly byId = new Map<string, { document: SavedDocument; at: number }>();

  private constructor(
    private readonly numbers: Uint8Array,
    documents: readonly SavedDocument[],
    positions: readonly number[],
    /** The corpus hash of all the saved documents, in order (when saved). */
    readonly contentHash: string | undefined,
  ) {
    documents.forEach((document, index) => this.byId.set(document.id, { document, at: positions[index] as number }));
  }

  /** Undefined when the bytes are not a saved parse of this parser version (an older or damaged file): every document is parsed. */
  static decode(bytes: Uint8Array): SavedParse | undefined {
    try {
      const raw = inflateRawSync(bytes);
      const jsonLength = raw.readUInt32LE(0);
      const header = JSON.parse(raw.subarray(4, 4 + jsonLength).toString('utf8')) as SavedHeader;
      if (header.format !== FORMAT || header.parserVersion !== PARSER_VERSION) return undefined;
      const numbers = new Uint8Array(raw.buffer, raw.byteOffset + 4 + jsonLength, raw.length - 4 - jsonLength);
      // Where each document's numbers begin, found by skipping through them once.
      const reader = new NumberReader(numbers, 0);
      const positions = header.documents.map((document) => {
        const at = reader.position;
        skipDocument(reader, document);
        return at;
      });
      if (reader.position !== numbers.length) return undefined;
      return new SavedParse(numbers, header.documents, positions, header.contentHash);
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The saved documents' ids, in corpus order. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The document as parseDocument made it, from the same text; undefined when none was saved under this id and hash. */
  restore(id: string, sha256: string, text: string): CorpusDocument | undefined {
    const entry = this.byId.get(id);
    if (entry === undefined || entry.document.sha256 !== sha256) return undefined;
    return this.build(id, entry, () => text);
  }

  /**
   * The document saved under this id when its file still has the stamp it had then (same size, times and inode), without
   * reading the file: `read` gives its text when something first asks for it (and checks it is still those bytes).
   */
  unread(id: string, stamp: FileStamp, read: (saved: { readonly sha256: string; readonly encoding: TextEncoding }) => string): { document: CorpusDocument; sha256: string; encoding: TextEncoding } | undefined {
    const entry = this.byId.get(id);
    const saved = entry?.document.stamp;
    if (entry === undefined || saved === undefined || !sameStamp(saved, stamp)) return undefined;
    let text: string | undefined;
    const { sha256, encoding } = entry.document;
    return { document: this.build(id, entry, () => (text ??= read({ sha256, encoding }))), sha256, encoding };
  }

  /** The document from its saved numbers; its text, header lines and paragraphs are read from `textOf` when first asked for. */
  private build(id: string, entry: { document: SavedDocument; at: number }, textOf: () => string): CorpusDocument {
    const { document } = entry;
    const reader = new NumberReader(this.numbers, entry.at);
    const headerLines: { kind: HeaderLine['kind']; start: number; end: number }[] = [];
    const headerCount = reader.count();
    reader.restart();
    for (let line = 0; line < headerCount; line += 1) {
      const kind = HEADER_KINDS[reader.count()] as HeaderLine['kind'];
      const start = reader.offset();
      const end = reader.offset();
      headerLines.push({ kind, start, end });
    }
    reader.restart();
    const sections: Section[] = document.sections.map((title, position) => {
      const start = reader.offset();
      const end = reader.offset();
      const headingStart = reader.count();
      const headingLength = reader.count();
      return {
        title,
        index: position + 1,
        start,
        end,
        headingStart: headingStart === ABSENT ? undefined : headingStart - 1,
        headingEnd: headingStart === ABSENT ? undefined : headingStart - 1 + headingLength,
      };
    });
    const layout = { ...readLayout(reader, sections), headerStart: headerLines.map((line) => line.start), headerEnd: headerLines.map((line) => line.end) };
    let paragraphs: Paragraph[] | undefined;
    let header: HeaderLine[] | undefined;
    // Text, paragraphs and header lines are made when first read (own properties, so a copy or JSON of the document has
    // them): chunking needs the layout only.
    const restored: CorpusDocument = {
      id,
      title: document.title,
      author: document.author,
      date: document.date,
      url: document.url,
      get text(): string {
        return textOf();
      },
      encoding: document.encoding,
      sections,
      get paragraphs(): Paragraph[] {
        paragraphs ??= paragraphsOf(id, textOf(), layout);
        return paragraphs;
      },
      get header(): HeaderLine[] {
        header ??= headerLines.map(({ kind, start, end }) => ({ kind, start, end, text: textOf().slice(start, end) }));
        return header;
      },
    };
    rememberLayout(restored, layout);
    return restored;
  }

  /** The encoding the document was read with, when one is saved under this id and hash (its bytes need no second look). */
  encodingOf(id: string, sha256: string): TextEncoding | undefined {
    const entry = this.byId.get(id);
    return entry !== undefined && entry.document.sha256 === sha256 ? entry.document.encoding : undefined;
  }
}

/** The paragraphs' and sentences' offsets, as numbers (document-layout.ts). */
function readLayout(reader: NumberReader, sections: readonly Section[]): Omit<DocumentLayout, 'headerStart' | 'headerEnd'> {
  const paragraphCount = reader.count();
  reader.restart();
  const layout = {
    paragraphCount,
    sectionIndex: new Array<number>(paragraphCount),
    paragraphStart: new Array<number>(paragraphCount),
    paragraphEnd: new Array<number>(paragraphCount),
    paragraphSection: new Array<string>(paragraphCount),
    firstSentence: new Array<number>(paragraphCount + 1),
    sentenceStart: [] as number[],
    sentenceEnd: [] as number[],
  };
  layout.firstSentence[0] = 0;
  for (let paragraph = 0; paragraph < paragraphCount; paragraph += 1) {
    const sectionIndex = reader.count();
    layout.sectionIndex[paragraph] = sectionIndex;
    layout.paragraphSection[paragraph] = sections[sectionIndex - 1]?.title ?? 'Introduction';
    layout.paragraphStart[paragraph] = reader.offset();
    layout.paragraphEnd[paragraph] = reader.offset();
    const sentenceCount = reader.count();
    for (let position = 0; position < sentenceCount; position += 1) {
      layout.sentenceStart.push(reader.offset());
      layout.sentenceEnd.push(reader.offset());
    }
    layout.firstSentence[paragraph + 1] = layout.sentenceStart.length;
  }
  return layout;
}

function skipDocument(reader: NumberReader, document: SavedDocument): void {
  const headerCount = reader.count();
  for (let line = 0; line < headerCount * 3; line += 1) reader.count();
  for (let section = 0; section < document.sections.length * 4; section += 1) reader.count();
  const paragraphCount = reader.count();
  for (let paragraph = 0; paragraph < paragraphCount; paragraph += 1) {
    reader.count();
    reader.count();
    reader.count();
    const sentences = reader.count();
    for (let value = 0; value < sentences * 2; value += 1) reader.count();
  }
}
