/**
 * sha256 of an index file, computed on this thread a few megabytes at a time with a turn of the event loop between
 * pieces: a bot opening a library's index keeps answering, and the bytes are hashed where they already are (the
 * vectors file is hashed from the very bytes its graph is read into, not read a second time). WebCrypto's digest,
 * used before, ran on the thread pool but copied the whole buffer first: 53 MB of vectors cost 0.18 s of CPU
 * against 0.10 s here.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Bytes hashed between two turns of the event loop (~8 ms on this machine). */
const PIECE_BYTES = 4 << 20;

let hashed = 0;

/** Bytes hashed so far by this process (a test checks that a start hashes each index file once). */
export function bytesHashed(): number {
  return hashed;
}

export async function sha256InTurns(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.byteLength; at += PIECE_BYTES) {
    if (at > 0) await nextTurn();
    hash.update(bytes.subarray(at, Math.min(bytes.byteLength, at + PIECE_BYTES)));
  }
  hashed += bytes.byteLength;
  return hash.digest('hex');
}

/** The same over a file, read a piece at a time. */
export async function fileSha256InTurns(file: string): Promise<{ readonly sha256: string; readonly bytes: number }> {
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  const buffer = Buffer.alloc(PIECE_BYTES);
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      hashed += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** A file whose bytes are not those its checksum was taken of. */
export class DamagedFileError extends Error {
  override readonly name = 'DamagedFileError';

  constructor(readonly file: string) {
    super(`${file.split(/[\\/]/u).at(-1) ?? file} does not match its checksum (damaged)`);
  }
}
