/**
 * Each Discord server's library: its documents (the original file, the extracted text that is quoted,
 * metadata) and who may change it. `LibraryStore` is the contract; `SqliteLibraryStore` keeps it in the
 * bot's SQLite file, and a second implementation (PostgreSQL, issue #16) fills the same interface.
 */
import Database from 'better-sqlite3';
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
const COLUMNS = 'library_id, document_id, title, format, source_name, source_url, content_hash, original_bytes, length(text) AS text_characters, added_by, added_at';
function toRecord(row) {
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
export class SqliteLibraryStore {
    database;
    constructor(file) {
        this.database = new Database(file);
        this.database.pragma('journal_mode = WAL');
        this.database.pragma('busy_timeout = 5000');
        this.database.exec(SCHEMA);
    }
    list(libraryId) {
        const rows = this.database.prepare(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = ? ORDER BY added_at, document_id`).all(libraryId);
        return rows.map(toRecord);
    }
    libraries() {
        return this.database.prepare('SELECT DISTINCT library_id FROM library_documents ORDER BY library_id').all().map((row) => row.library_id);
    }
    text(libraryId, documentId) {
        const row = this.database.prepare('SELECT text FROM library_documents WHERE library_id = ? AND document_id = ?').get(libraryId, documentId);
        return row?.text;
    }
    original(libraryId, documentId) {
        const row = this.database.prepare('SELECT original FROM library_documents WHERE library_id = ? AND document_id = ?').get(libraryId, documentId);
        return row?.original;
    }
    add(input) {
        const { record, quota } = input;
        return this.database.transaction(() => {
            const existing = this.database
                .prepare(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = ? AND content_hash = ?`)
                .get(record.libraryId, record.contentHash);
            if (existing !== undefined)
                return { kind: 'duplicate', existing: toRecord(existing) };
            const usage = this.usage(record.libraryId);
            if (usage.documents + 1 > quota.maxDocuments)
                return { kind: 'over-quota', message: `This server's library is full (${quota.maxDocuments} documents): remove one with /library remove first.` };
            if (usage.bytes + record.originalBytes > quota.maxTotalBytes)
                return {
                    kind: 'over-quota',
                    message: `This server's library would hold more than ${(quota.maxTotalBytes / 1048576).toFixed(0)} MiB: remove a document with /library remove first.`,
                };
            this.database
                .prepare(`INSERT INTO library_documents (library_id, document_id, title, format, source_name, source_url, content_hash, original, original_bytes, text, added_by, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
                .run(record.libraryId, record.documentId, record.title, record.format, record.sourceName, record.sourceUrl ?? null, record.contentHash, input.original, record.originalBytes, input.text, record.addedBy, record.addedAt);
            return { kind: 'added', record: { ...record, textCharacters: input.text.length } };
        })();
    }
    remove(libraryId, documentId) {
        return this.database.transaction(() => {
            const row = this.database.prepare(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = ? AND document_id = ?`).get(libraryId, documentId);
            if (row === undefined)
                return undefined;
            this.database.prepare('DELETE FROM library_documents WHERE library_id = ? AND document_id = ?').run(libraryId, documentId);
            return toRecord(row);
        })();
    }
    usage(libraryId) {
        const row = this.database
            .prepare('SELECT count(*) AS documents, coalesce(sum(original_bytes), 0) AS bytes FROM library_documents WHERE library_id = ?')
            .get(libraryId);
        return row;
    }
    editorRole(libraryId) {
        const row = this.database.prepare('SELECT editor_role_id FROM library_settings WHERE library_id = ?').get(libraryId);
        return row?.editor_role_id ?? undefined;
    }
    setEditorRole(libraryId, roleId) {
        this.database
            .prepare('INSERT INTO library_settings (library_id, editor_role_id) VALUES (?, ?) ON CONFLICT (library_id) DO UPDATE SET editor_role_id = excluded.editor_role_id')
            .run(libraryId, roleId ?? null);
    }
    close() {
        this.database.close();
    }
}
//# sourceMappingURL=library-store.js.map