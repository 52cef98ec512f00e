/**
 * Bytes → text without losing a character: UTF-8 when the bytes are valid UTF-8 (a BOM is kept as the
 * first character so offsets match the file), otherwise Windows-1252, the usual culprit for "odd" files.
 */
export interface DecodedFile {
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252';
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

export function decodeFile(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  let file: DecodedFile;
  try {
    file = { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    file = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  if (file.text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, reason: 'empty' };
  return { ok: true, file };
}

/** NUL bytes or many control characters in the first 8 KB mean this is not a text document. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control / sample.length > 0.1;
}
