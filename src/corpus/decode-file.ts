/**
 * Bytes → text without losing a character: UTF-16 when a byte-order mark or the pattern of zero bytes
 * says so (Windows editors save "Unicode" text that way), UTF-8 when the bytes are valid UTF-8 (a BOM
 * is kept as the first character so offsets match the file), otherwise Windows-1252, the usual culprit
 * for "odd" files — unless most bytes are high bytes, which is binary, not text in a Western code page.
 */
import type { TextEncoding } from './types.js';

export interface DecodedFile {
  readonly text: string;
  readonly encoding: TextEncoding;
}

export type DecodeResult = { readonly ok: true; readonly file: DecodedFile } | { readonly ok: false; readonly reason: 'empty' | 'binary' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €...). Node's TextDecoder
 * decodes the 'windows-1252' label as Latin-1, so those 27 characters are mapped here.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

let encodingsDetected = 0;

/** How many files have had their encoding worked out (tests check a start does not for files it saved). */
export function encodingDetections(): number {
  return encodingsDetected;
}

export function decodeFile(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  encodingsDetected += 1;
  const utf16 = utf16Order(bytes);
  let file: DecodedFile;
  if (utf16 !== undefined) {
    try {
      file = { text: new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes), encoding: utf16 };
    } catch {
      return { ok: false, reason: 'binary' };
    }
    if (looksBinary(new TextEncoder().encode(file.text.slice(0, 8192)))) return { ok: false, reason: 'binary' };
  } else {
    if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
    try {
      file = { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
    } catch {
      if (mostlyHighBytes(bytes)) return { ok: false, reason: 'binary' };
      file = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
  }
  // Only white space (a BOM is white space to trim() and \s alike): a search, not trim()'s copy of the whole text.
  if (!/\S/u.test(file.text)) return { ok: false, reason: 'empty' };
  return { ok: true, file };
}

/**
 * The text of bytes whose encoding is already known (decodeFile found it for these very bytes, at ingest): the same
 * decoder, without looking for zero bytes, control characters or byte-order patterns again.
 */
export function decodeKnown(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'utf-8') return strictUtf8.decode(bytes);
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** A byte-order mark, or (without one) zero bytes in every other position as ASCII text in UTF-16 has. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  if (sample.length < 4 || sample.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let position = 0; position < sample.length; position += 2) {
    if (sample[position] === 0) evenZeros += 1;
    if (sample[position + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros / pairs > 0.6 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.6 && oddZeros / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Text in a Western code page is mostly ASCII; compressed or encrypted data is not. */
function mostlyHighBytes(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let high = 0;
  for (const byte of sample) if (byte >= 0x80) high += 1;
  return high / sample.length > 0.3;
}

/** NUL bytes or many control characters in the first 8 KB mean this is not a text document. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  // An indexed loop: this runs over every file of the corpus at every start, and a typed array's iterator is slower.
  for (let position = 0; position < sample.length; position += 1) {
    const byte = sample[position] as number;
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control / sample.length > 0.1;
}
