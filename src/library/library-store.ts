/**
 * Each Discord server's library: its documents (the original file, the extracted text that is quoted,
 * metadata) and who may change it. `LibraryStore` is the contract; `SqliteLibraryStore` keeps it in the
 * bot's SQLite file, and a second implementation (PostgreSQL, issue #16) fills the same interface.
 */
import Database from 'better-sqlite3';
import { asAsync, type Async } from '../database/as-async.js';

export interface LibraryDocumentRecord {
  readonly libraryId: string;
  /** Unique in the whole bot (it names the library): the citation's document id. */
  readonly documentId: string;
  readonly title: string;
  readonly format: string;
  /** The file name as added, or the link's last path part. */
  readonly sourceName: string;
  readonly sourceUrl: string | undefined;
  /** sha256 of the extracted text: the same text added twice is one document. */
  readonly contentHash: string;
  readonly originalBytes: number;
  readonly textCharacters: number;
  readonly addedBy: string;
  /** ms since the epoch. */
  readonly addedAt: number;
}

export type AddDocumentOutcome =
  | { readonly kind: 'added'; readonly record: LibraryDocumentRecord }
  | { readonly kind: 'duplicate'; readonly existing: LibraryDocumentRecord }
  | { readonly kind: 'over-quota'; readonly message: string };

export interface LibraryQuota {
  readonly maxDocuments: number;
  readonly maxTotalBytes: number;
}

export interface LibraryStore {
  list(libraryId: string): LibraryDocumentRecord[];
  /** Every library that holds at least one document. */
  libraries(): string[];
  text(libraryId: string, documentId: string): string | undefined;
  original(libraryId: string, documentId: string): Buffer | undefined;
  /** Adds unless the same text is already there or the quota would be passed, in one transaction. */
  add(input: { record: LibraryDocumentRecord; text: string; original: Buffer; quota: LibraryQuota }): AddDocumentOutcome;
  remove(libraryId: string, documentId: string): LibraryDocumentRecord | undefined;
  usage(libraryId: string): { documents: number; bytes: number };
  editorRole(libraryId: string): string | undefined;
  setEditorRole(libraryId: string, roleId: string | undefined): void;
  close(): void;
}

/** What the bot uses: SQLite (wrapped by `asyncLibraryStore`) or PostgreSQL (postgres-library-store.ts). */
export type AsyncLibraryStore = Async<LibraryStore>;

export function asyncLibraryStore(store: LibraryStore): AsyncLibraryStore {
  return asAsync(store, ['list', 'libraries', 'text', 'original', 'add', 'remove', 'usage', 'editorRole', 'setEditorRole', 'close']);
}

/** The over-quota messages, the same from both implementations. */
export function quotaProblem(usage: { documents: number; bytes: number }, addedBytes: number, quota: LibraryQuota): string | undefined {
  if (usage.documents + 1 > quota.maxDocuments)
    return `This server's library is full (${quota.maxDocuments} documents): remove one with /library remove first.`;
  if (usage.bytes + addedBytes > quota.maxTotalBytes)
    return `This server's library would hold more than ${(quota.maxTotalBytes / 1048576).toFixed(0)} MiB: remove a document with /library remove first.`;
  return undefined;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS library_documents (
  library_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  title TEXT NOT NULL,
  format TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_url TEXT,
  content_hash TEXT NOT NULL,
  original BLOB NOT NULL,
  original_bytes INTEGER NOT NULL,
  text TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (library_id, document_id),
  UNIQUE (library_id, content_hash)
);
CREATE TABLE IF NOT EXISTS library_settings (
  library_id TEXT PRIMARY KEY,
  editor_role_id TEXT
);
`;

export interface LibraryRow {
  library_id: string;
  document_id: string;
  title: string;
  format: string;
  source_name: string;
  source_url: string | null;
  content_hash: string;
  original_bytes: number;
  text_characters: number;
  added_by: string;
  added_at: number;
}

export const COLUMNS =
  'library_id, document_id, title, format, source_name, source_url, content_hash, original_bytes, length(text) AS text_characters, added_by, added_at';

export function toRecord(row: LibraryRow): LibraryDocumentRecord {
  return {
    libraryId: row.library_id,
    documentId: row.document_id,
    title: row.title,
    format: row.format,
    sourceName: row.source_name,
    sourceUrl: row.source_url ?? undefined,
    contentHash: row.content_hash,
    originalBytes: row.original_bytes,
    textCharacters: row.text_characters,
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}

/** The INSERT of a new document both stores run (`placeholder(n)`: `?` in SQLite, `$n` in PostgreSQL) and its values. */
export function insertDocument(
  input: { readonly record: LibraryDocumentRecord; readonly text: string; readonly original: Buffer },
  placeholder: (position: number) => string,
): { sql: string; values: unknown[] } {
  const { record } = input;
  const values = [
    record.libraryId,
    record.documentId,
    record.title,
    record.format,
    record.sourceName,
    record.sourceUrl ?? null,
    record.contentHash,
    input.original,
    record.originalBytes,
    input.text,
    record.addedBy,
    record.addedAt,
  ];
  const columns = 'library_id, document_id, title, format, source_name, source_url, content_hash, original, original_bytes, text, added_by, added_at';
  return { sql: `INSERT INTO library_documents (${columns}) VALUES (${values.map((_value, index) => placeholder(index + 1)).join(', ')})`, values };
}

export class SqliteLibraryStore implements LibraryStore {
  private readonly database: Database.Database;

  constructor(file: string) {
    this.database = new Database(file);
    this.database.pragma('journal_mode = WAL');
    this.database.pragma('busy_timeout = 5000');
    this.database.exec(SCHEMA);
  }

  list(libraryId: string): LibraryDocumentRecord[] {
    const rows = this.database
      .prepare(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = ? ORDER BY added_at, document_id`)
      .all(libraryId) as LibraryRow[];
    return rows.map(toRecord);
  }

  libraries(): string[] {
    return (this.database.prepare('SELECT DISTINCT library_id FROM library_documents ORDER BY library_id').all() as { library_id: string }[]).map(
      (row) => row.library_id,
    );
  }

  text(libraryId: string, documentId: string): string | undefined {
    const row = this.database.prepare('SELECT text FROM library_documents WHERE library_id = ? AND document_id = ?').get(libraryId, documentId) as
      { text: string } | undefined;
    return row?.text;
  }

  original(libraryId: string, documentId: string): Buffer | undefined {
    const row = this.database.prepare('SELECT original FROM library_documents WHERE library_id = ? AND document_id = ?').get(libraryId, documentId) as
      { original: Buffer } | undefined;
    return row?.original;
  }

  add(input: { record: LibraryDocumentRecord; text: string; original: Buffer; quota: LibraryQuota }): AddDocumentOutcome {
    const { record, quota } = input;
    return this.database.transaction((): AddDocumentOutcome => {
      const existing = this.database
        .prepare(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = ? AND content_hash = ?`)
        .get(record.libraryId, record.contentHash) as LibraryRow | undefined;
      if (existing !== undefined) return { kind: 'duplicate', existing: toRecord(existing) };
      const problem = quotaProblem(this.usage(record.libraryId), record.originalBytes, quota);
      if (problem !== undefined) return { kind: 'over-quota', message: problem };
      const insert = insertDocument(input, () => '?');
      this.database.prepare(insert.sql).run(...insert.values);
      return { kind: 'added', record: { ...record, textCharacters: input.text.length } };
    })();
  }

  remove(libraryId: string, documentId: string): LibraryDocumentRecord | undefined {
    return this.database.transaction(() => {
      const row = this.database.prepare(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = ? AND document_id = ?`).get(libraryId, documentId) as
        LibraryRow | undefined;
      if (row === undefined) return undefined;
      this.database.prepare('DELETE FROM library_documents WHERE library_id = ? AND document_id = ?').run(libraryId, documentId);
      return toRecord(row);
    })();
  }

  usage(libraryId: string): { documents: number; bytes: number } {
    const row = this.database
      .prepare('SELECT count(*) AS documents, coalesce(sum(original_bytes), 0) AS bytes FROM library_documents WHERE library_id = ?')
      .get(libraryId) as {
      documents: number;
      bytes: number;
    };
    return row;
  }

  editorRole(libraryId: string): string | undefined {
    const row = this.database.prepare('SELECT editor_role_id FROM library_settings WHERE library_id = ?').get(libraryId) as
      { editor_role_id: string | null } | undefined;
    return row?.editor_role_id ?? undefined;
  }

  setEditorRole(libraryId: string, roleId: string | undefined): void {
    this.database
      .prepare(
        'INSERT INTO library_settings (library_id, editor_role_id) VALUES (?, ?) ON CONFLICT (library_id) DO UPDATE SET editor_role_id = excluded.editor_role_id',
      )
      .run(libraryId, roleId ?? null);
  }

  close(): void {
    this.database.close();
  }
}
