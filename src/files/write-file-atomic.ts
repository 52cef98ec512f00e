/** Writing files so a crash or a concurrent reader never sees half of one. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';

/** A name beside `file` that no other writer (process, or earlier write of this one) uses. */
function temporaryName(file: string): string {
  return `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
}

/** Temporary file, fsync, rename: readers see the old content or the new, never half of it. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = temporaryName(file);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/**
 * The same, synchronously, for files written during start-up (converted word vectors, their lookup tables) where
 * nothing else would run meanwhile anyway. The parts are written in order, so a large file is never copied whole;
 * the temporary file is removed when a write fails, and the error is thrown.
 */
export function writeFileAtomicSync(file: string, parts: readonly Uint8Array[]): void {
  const temporary = temporaryName(file);
  const descriptor = openSync(temporary, 'w');
  try {
    for (const part of parts) {
      for (let written = 0; written < part.byteLength;) written += writeSync(descriptor, part, written);
    }
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(descriptor);
  renameSync(temporary, file);
}

/** Makes a rename inside a directory durable; a no-op where the file system refuses. */
export async function fsyncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse to fsync a directory; the rename is still atomic there.
  }
}
