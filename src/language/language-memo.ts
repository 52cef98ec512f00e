/**
 * The language models' answers for the texts a study command read — wink-nlp's tags and lexicon look-ups,
 * chrono-node's date readings — kept between runs, so the next `footnote quiz`, `who`, `timeline` or
 * `studyguide` on the same text loads neither package: wink's model alone is ~0.2 s of CPU at each start, and
 * chrono's first parses run in V8's interpreter. An answer is recalled by the exact text asked about, and the
 * memo is stamped with the packages' versions and MEMO_VERSION: another stamp and it is ignored. Only a
 * process that starts a memo uses one (the study commands of the CLI); the bot and `ask` never do.
 * The file itself is read and written by the caller (cli/language-memo-file.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Bump whenever what a table holds changes (a field added to a tag, another chrono reading kept). */
const MEMO_VERSION = 1;
const FORMAT = 'footnote-language-memo';
/** Entries a table keeps at most: the ones used in the last run first, then those saved before. */
const TABLE_LIMIT = 50_000;

export type MemoTableName = 'tags' | 'dictionary' | 'dates';

interface MemoFile {
  readonly format: typeof FORMAT;
  readonly stamp: string;
  readonly tables: Partial<Record<MemoTableName, Record<string, unknown>>>;
}

interface Session {
  readonly saved: Partial<Record<MemoTableName, Record<string, unknown>>>;
  readonly used: Record<MemoTableName, Map<string, unknown>>;
  added: number;
}

let session: Session | undefined;

/** Starts using a memo: `saved` is the content of the last run's file (undefined when there is none). */
export function startLanguageMemo(saved: string | undefined): void {
  let tables: MemoFile['tables'] = {};
  try {
    const file = saved === undefined ? undefined : (JSON.parse(saved) as Partial<MemoFile>);
    if (file?.format === FORMAT && file.stamp === stamp() && typeof file.tables === 'object') tables = file.tables;
  } catch {
    // A damaged file is a memo that was never saved: the answers are worked out again.
  }
  session = { saved: tables, used: { tags: new Map(), dictionary: new Map(), dates: new Map() }, added: 0 };
}

/** The saved answer for `key`, undefined when there is none (or no memo was started). */
export function recall(table: MemoTableName, key: string): unknown {
  if (session === undefined) return undefined;
  const used = session.used[table];
  if (used.has(key)) return used.get(key);
  const saved = session.saved[table];
  if (saved === undefined || !Object.hasOwn(saved, key)) return undefined;
  const value = saved[key];
  used.set(key, value);
  return value;
}

/** Keeps an answer worked out now (in a form JSON keeps as it is), when a memo was started. */
export function remember(table: MemoTableName, key: string, value: unknown): void {
  if (session === undefined || session.used[table].has(key)) return;
  session.used[table].set(key, value);
  session.added += 1;
}

/** Ends the memo: the file's new content, or undefined when nothing new was worked out (nothing to write). */
export function finishLanguageMemo(): string | undefined {
  const ending = session;
  session = undefined;
  if (ending === undefined || ending.added === 0) return undefined;
  const tables: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(ending.used) as MemoTableName[]) {
    const table: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let count = 0;
    for (const [key, value] of ending.used[name]) {
      if (count++ >= TABLE_LIMIT) break;
      table[key] = value;
    }
    for (const [key, value] of Object.entries(ending.saved[name] ?? {})) {
      if (count >= TABLE_LIMIT) break;
      if (Object.hasOwn(table, key)) continue;
      table[key] = value;
      count += 1;
    }
    tables[name] = table;
  }
  return JSON.stringify({ format: FORMAT, stamp: stamp(), tables } satisfies MemoFile);
}

let stampText: string | undefined;

/** The versions whose answers the memo holds. */
function stamp(): string {
  if (stampText === undefined) {
    const require = createRequire(import.meta.url);
    const versionOf = (name: string): string => {
      // chrono-node's exports map hides its package.json: it is found from the entry point up.
      let folder = path.dirname(require.resolve(name));
      while (path.basename(folder) !== name && path.dirname(folder) !== folder) folder = path.dirname(folder);
      return String((JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version?: unknown }).version);
    };
    stampText = [MEMO_VERSION, ...['wink-nlp', 'wink-eng-lite-web-model', 'chrono-node'].map((name) => `${name}@${versionOf(name)}`)].join(' ');
  }
  return stampText;
}
