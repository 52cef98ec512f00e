/**
 * What the lexical index knows, as flat tables: the vocabulary (word → stem), how each word is written
 * (capitalised inside a sentence, in lower case), each distinct sentence's content words as word ids, and
 * each chunk's sentences. Tokenising every sentence is the only slow step, so it is done once, at ingest;
 * the tables are saved beside the vector index as one deflated binary file and read back at start in
 * milliseconds (re-tokenising 100k passages took 3–4 s of every cold start, plus the garbage it left).
 * Ingest also saves what a start would count from them (postings, sentence frequencies: ~0.3 s of CPU on
 * 20 MB), the sentence vectors' common direction (2,000 sentences embedded) and, in a library, each document's
 * own (a question asked of a long document embedded up to 2,000 of its sentences first); files without them still load.
 */
import { endianness } from 'node:os';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';
import type { Chunk } from '../chunking/chunk-corpus.js';
import { isContentWord, tokenize } from '../language/tokenize.js';

export interface LexicalTables {
  /** Content words of the corpus, in the order they first appear. */
  readonly words: readonly string[];
  readonly stems: readonly string[];
  /** Stem id of each word. */
  readonly wordStem: Uint32Array;
  /** NAME_FLAG and LOWERCASE_FLAG of each word. */
  readonly wordFlags: Uint8Array;
  /** Chunk c's sentences are positions chunkSentences[chunkStart[c] .. chunkStart[c + 1]). */
  readonly chunkStart: Uint32Array;
  /** Sentence positions, numbered in the order the sentences first appear (a sentence in two windows has one). */
  readonly chunkSentences: Uint32Array;
  /** Sentence s's content words are word ids sentenceWords[sentenceStart[s] .. sentenceStart[s + 1]). */
  readonly sentenceStart: Uint32Array;
  readonly sentenceWords: Uint32Array;
  /** Saved with the tables at ingest, when known: the direction the sentence vectors share (sentence-vectors.ts). */
  readonly commonDirection?: SavedCommonDirection | undefined;
  /** Saved with the tables at ingest: what derive-lexical-index.ts counts from them, so a start does not count it again. */
  readonly counts?: LexicalCounts | undefined;
  /** Saved with the tables at ingest in a library: each document's own sentence-vector direction. */
  readonly documentDirections?: SavedDocumentDirections | undefined;
}

/** The postings, frequencies and first places of sentences that deriveIndex counts from the tables (see DerivedIndex). */
export interface LexicalCounts {
  readonly sentenceFrequency: Uint32Array;
  readonly postingStart: Uint32Array;
  readonly postingChunk: Uint32Array;
  readonly postingFrequency: Uint32Array;
  readonly chunkLengths: Uint32Array;
  readonly sentenceChunk: Uint32Array;
  readonly sentenceSlot: Uint32Array;
}

/** A sentence-vector direction computed over these tables' sentences, and what it was computed with. */
export interface SavedCommonDirection {
  /** The local word vectors' model (LocalEmbeddings.model) and how many sentences were sampled. */
  readonly model: string;
  readonly sample: number;
  /** Float32 values, written as the doubles they are equal to (so they read back to the same bits). */
  readonly values: readonly number[];
}

/** Each document's own common direction (SentenceVectors.ofDocument), in the order the documents' chunks come. */
export interface SavedDocumentDirections {
  readonly model: string;
  readonly sample: number;
  readonly dimensions: number;
  /** `dimensions` values per document. */
  readonly values: Float32Array;
}

/** Written with a capital inside a sentence at least once (a name, if never also in lower case). */
export const NAME_FLAG = 1;
/** Written in lower case at least once. */
export const LOWERCASE_FLAG = 2;

export function buildLexicalTables(chunks: readonly Chunk[]): LexicalTables {
  const wordIds = new Map<string, number>();
  const stemIds = new Map<string, number>();
  const words: string[] = [];
  const stems: string[] = [];
  const wordStem: number[] = [];
  const wordFlags: number[] = [];
  const sentenceByKey = new Map<string, number>();
  const chunkStart = new Uint32Array(chunks.length + 1);
  const chunkSentences: number[] = [];
  const sentenceStart: number[] = [0];
  const sentenceWords: number[] = [];
  chunks.forEach((chunk, chunkPosition) => {
    for (const sentence of chunk.sentences) {
      const key = `${sentence.documentId}:${sentence.start}`;
      let position = sentenceByKey.get(key);
      if (position === undefined) {
        position = sentenceStart.length - 1;
        sentenceByKey.set(key, position);
        for (const token of tokenize(sentence.text)) {
          if (!isContentWord(token.word)) continue;
          let id = wordIds.get(token.word);
          if (id === undefined) {
            id = words.length;
            wordIds.set(token.word, id);
            words.push(token.word);
            let stem = stemIds.get(token.stem);
            if (stem === undefined) stemIds.set(token.stem, (stem = stems.push(token.stem) - 1));
            wordStem.push(stem);
            wordFlags.push(0);
          }
          sentenceWords.push(id);
          const capitalised = startsUpperCase(sentence.text, token.start);
          if (token.start > 0 && capitalised) wordFlags[id] = (wordFlags[id] as number) | NAME_FLAG;
          else if (!capitalised) wordFlags[id] = (wordFlags[id] as number) | LOWERCASE_FLAG;
        }
        sentenceStart.push(sentenceWords.length);
      }
      chunkSentences.push(position);
    }
    chunkStart[chunkPosition + 1] = chunkSentences.length;
  });
  return {
    words,
    stems,
    wordStem: Uint32Array.from(wordStem),
    wordFlags: Uint8Array.from(wordFlags),
    chunkStart,
    chunkSentences: Uint32Array.from(chunkSentences),
    sentenceStart: Uint32Array.from(sentenceStart),
    sentenceWords: Uint32Array.from(sentenceWords),
  };
}

/** Whether the letter at `at` is upper case: ASCII by its code, anything else by Unicode's Lu class. */
function startsUpperCase(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

const MAGIC = 'FNLX';
/** 2: stems read irregular verbs as their base form ("began" → begin; tokenize.ts), so tables of format 1 are rebuilt. */
const FORMAT = 2;
const ARRAYS = ['wordStem', 'wordFlags', 'chunkStart', 'chunkSentences', 'sentenceStart', 'sentenceWords'] as const;
type ArrayName = (typeof ARRAYS)[number];
const COUNTS = ['sentenceFrequency', 'postingStart', 'postingChunk', 'postingFrequency', 'chunkLengths', 'sentenceChunk', 'sentenceSlot'] as const;
type CountName = (typeof COUNTS)[number];

interface Header {
  readonly format: number;
  readonly littleEndian: boolean;
  /** Bytes of the words and of the stems, each joined by newlines (a word never holds one). */
  readonly text: readonly [number, number];
  readonly lengths: Readonly<Record<ArrayName, number>>;
  readonly commonDirection?: SavedCommonDirection;
  /** Lengths of the saved counts, which follow the arrays; absent in files written before they were saved. */
  readonly counts?: Readonly<Record<CountName, number>>;
  /** What the documents' directions were computed with and how many values follow the counts; absent before they were saved. */
  readonly documentDirections?: Omit<SavedDocumentDirections, 'values'> & { readonly length: number };
}

/** Saved beside the tables at ingest (both optional: a file without them is read as before). */
export interface LexicalExtras {
  readonly commonDirection?: SavedCommonDirection | undefined;
  readonly counts?: LexicalCounts | undefined;
  readonly documentDirections?: SavedDocumentDirections | undefined;
}

/** MAGIC, then deflated: header length (u32), header JSON, the two word lists, the arrays (each 4-byte aligned). */
export async function encodeLexicalTables(tables: LexicalTables, extras: LexicalExtras = {}): Promise<Uint8Array> {
  const { commonDirection, counts, documentDirections } = extras;
  const wordText = Buffer.from(tables.words.join('\n'), 'utf8');
  const stemText = Buffer.from(tables.stems.join('\n'), 'utf8');
  const header: Header = {
    format: FORMAT,
    littleEndian: endianness() === 'LE',
    text: [wordText.length, stemText.length],
    lengths: Object.fromEntries(ARRAYS.map((name) => [name, tables[name].length])) as Record<ArrayName, number>,
    ...(commonDirection === undefined ? {} : { commonDirection }),
    ...(counts === undefined ? {} : { counts: Object.fromEntries(COUNTS.map((name) => [name, counts[name].length])) as Record<CountName, number> }),
    ...(documentDirections === undefined
      ? {}
      : {
          documentDirections: {
            model: documentDirections.model,
            sample: documentDirections.sample,
            dimensions: documentDirections.dimensions,
            length: documentDirections.values.length,
          },
        }),
  };
  const headerText = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerText.length);
  const parts: Uint8Array[] = [length, headerText, wordText, stemText];
  let offset = 4 + headerText.length + wordText.length + stemText.length;
  const arrays: (Uint32Array | Uint8Array | Float32Array)[] = [
    ...ARRAYS.map((name) => tables[name]),
    ...(counts === undefined ? [] : COUNTS.map((name) => counts[name])),
    ...(documentDirections === undefined ? [] : [documentDirections.values]),
  ];
  for (const array of arrays) {
    parts.push(Buffer.alloc(padding(offset)));
    offset += padding(offset);
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    offset += array.byteLength;
  }
  // Deflated on libuv's thread pool: a bot rebuilding its index keeps answering meanwhile.
  const deflated = await promisify(deflateRaw)(Buffer.concat(parts), { level: 6 });
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), deflated]);
}

/** Throws, with what is wrong, when the bytes are not tables this footnote wrote on a machine of this byte order. */
export function decodeLexicalTables(bytes: Uint8Array): LexicalTables {
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== MAGIC) throw new Error('not a footnote word index');
  return tablesFrom(inflateRawSync(bytes.subarray(4)));
}

/** The same, inflated on the thread pool (a library's tables run to megabytes). */
export async function readLexicalTables(bytes: Uint8Array): Promise<LexicalTables> {
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== MAGIC) throw new Error('not a footnote word index');
  return tablesFrom(await promisify(inflateRaw)(bytes.subarray(4)));
}

function tablesFrom(inflated: Buffer): LexicalTables {
  // Typed-array views need 4-byte alignment; a small result may sit in Node's shared pool at any offset.
  const payload = inflated.byteOffset % 4 === 0 ? inflated : Buffer.from(new Uint8Array(inflated).buffer);
  const headerLength = payload.readUInt32LE(0);
  const header = JSON.parse(payload.toString('utf8', 4, 4 + headerLength)) as Header;
  if (header.format !== FORMAT) throw new Error(`word index format ${header.format}, this footnote reads ${FORMAT}`);
  if (header.littleEndian !== (endianness() === 'LE')) throw new Error('the word index was written on a machine of the other byte order');
  let offset = 4 + headerLength;
  const words = payload.toString('utf8', offset, (offset += header.text[0])).split('\n');
  const stems = payload.toString('utf8', offset, (offset += header.text[1])).split('\n');
  const view = (length: number, type: typeof Uint32Array | typeof Uint8Array | typeof Float32Array) => {
    offset += padding(offset);
    const array = new type(payload.buffer as ArrayBuffer, payload.byteOffset + offset, length);
    offset += array.byteLength;
    return array;
  };
  const tables = {
    words: header.text[0] === 0 ? [] : words,
    stems: header.text[1] === 0 ? [] : stems,
    wordStem: view(header.lengths.wordStem, Uint32Array) as Uint32Array,
    wordFlags: view(header.lengths.wordFlags, Uint8Array) as Uint8Array,
    chunkStart: view(header.lengths.chunkStart, Uint32Array) as Uint32Array,
    chunkSentences: view(header.lengths.chunkSentences, Uint32Array) as Uint32Array,
    sentenceStart: view(header.lengths.sentenceStart, Uint32Array) as Uint32Array,
    sentenceWords: view(header.lengths.sentenceWords, Uint32Array) as Uint32Array,
    ...(header.commonDirection === undefined ? {} : { commonDirection: header.commonDirection }),
  };
  const savedCounts = header.counts;
  const counts =
    savedCounts === undefined
      ? undefined
      : (Object.fromEntries(COUNTS.map((name) => [name, view(savedCounts[name], Uint32Array) as Uint32Array])) as unknown as LexicalCounts);
  const directions = header.documentDirections;
  const documentDirections =
    directions === undefined
      ? undefined
      : {
          model: directions.model,
          sample: directions.sample,
          dimensions: directions.dimensions,
          values: view(directions.length, Float32Array) as Float32Array,
        };
  if (tables.words.length !== tables.wordStem.length || offset > payload.length) throw new Error('the word index is truncated');
  return { ...tables, ...(counts === undefined ? {} : { counts }), ...(documentDirections === undefined ? {} : { documentDirections }) };
}

function padding(offset: number): number {
  return (4 - (offset % 4)) % 4;
}
