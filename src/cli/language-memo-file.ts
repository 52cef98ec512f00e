/**
 * The study commands' language memo on disk (language/language-memo.ts): `<dataDir>/study/language-memo.json`,
 * read before a command reads the text and written after it, when the command worked out anything new. It is a
 * cache: a file that cannot be read or written is only a slower run.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finishLanguageMemo, startLanguageMemo } from '../language/language-memo.js';

let memoFile: string | undefined;

export function openLanguageMemo(dataDir: string): void {
  memoFile = path.join(dataDir, 'study', 'language-memo.json');
  let saved: string | undefined;
  try {
    saved = readFileSync(memoFile, 'utf8');
  } catch {
    saved = undefined; // not written yet
  }
  startLanguageMemo(saved);
}

/** Writes what the command added to the memo; nothing when no memo was opened or nothing was added. */
export async function saveLanguageMemo(): Promise<void> {
  const file = memoFile;
  memoFile = undefined;
  const content = finishLanguageMemo();
  if (file === undefined || content === undefined) return;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const { writeFileAtomic } = await import('../files/write-file-atomic.js');
    await writeFileAtomic(file, content);
  } catch {
    // A read-only data folder: the next run works the answers out again.
  }
}
