/**
 * Server libraries in the shared PostgreSQL database: the contract of library-store.ts. Adding takes a
 * per-library advisory lock, so two processes adding to one library at once both land, each once, and the
 * quota counts both. Every change is announced on the `footnote_library` channel (LISTEN/NOTIFY) in the
 * same transaction, so other processes hear of it only once it is committed.
 */
import type { PoolClient } from 'pg';
import type { PostgresDatabase } from '../database/postgres.js';
import { COLUMNS, insertDocument, quotaProblem, toRecord, type AddDocumentOutcome, type AsyncLibraryStore, type LibraryRow } from './library-store.js';

export const LIBRARY_CHANNEL = 'footnote_library';

async function usage(client: Pick<PoolClient, 'query'>, libraryId: string): Promise<{ documents: number; bytes: number }> {
  const result = await client.query<{ documents: number; bytes: number }>(
    'SELECT count(*) AS documents, coalesce(sum(original_bytes), 0)::bigint AS bytes FROM library_documents WHERE library_id = $1',
    [libraryId],
  );
  return result.rows[0] ?? { documents: 0, bytes: 0 };
}

/** The NOTIFY payload: which library changed, and which process changed it (it has already refreshed). */
export interface LibraryChange {
  readonly libraryId: string;
  readonly origin: string;
}

export function postgresLibraryStore(database: PostgresDatabase, options: { origin?: string } = {}): AsyncLibraryStore {
  const { pool } = database;
  const change = (libraryId: string) => JSON.stringify({ libraryId, origin: options.origin ?? '' } satisfies LibraryChange);
  return {
    async list(libraryId) {
      const result = await pool.query<LibraryRow>(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = $1 ORDER BY added_at, document_id`, [libraryId]);
      return result.rows.map(toRecord);
    },
    async libraries() {
      const result = await pool.query<{ library_id: string }>('SELECT DISTINCT library_id FROM library_documents ORDER BY library_id');
      return result.rows.map((row) => row.library_id);
    },
    async text(libraryId, documentId) {
      const result = await pool.query<{ text: string }>('SELECT text FROM library_documents WHERE library_id = $1 AND document_id = $2', [
        libraryId,
        documentId,
      ]);
      return result.rows[0]?.text;
    },
    async original(libraryId, documentId) {
      const result = await pool.query<{ original: Buffer }>('SELECT original FROM library_documents WHERE library_id = $1 AND document_id = $2', [
        libraryId,
        documentId,
      ]);
      return result.rows[0]?.original;
    },
    async add({ record, text, original, quota }) {
      return database.transaction(async (client): Promise<AddDocumentOutcome> => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`library:${record.libraryId}`]);
        const existing = await client.query<LibraryRow>(`SELECT ${COLUMNS} FROM library_documents WHERE library_id = $1 AND content_hash = $2`, [
          record.libraryId,
          record.contentHash,
        ]);
        const found = existing.rows[0];
        if (found !== undefined) return { kind: 'duplicate', existing: toRecord(found) };
        const problem = quotaProblem(await usage(client, record.libraryId), record.originalBytes, quota);
        if (problem !== undefined) return { kind: 'over-quota', message: problem };
        const insert = insertDocument({ record, text, original }, (position) => `$${position}`);
        await client.query(insert.sql, insert.values);
        await client.query('SELECT pg_notify($1, $2)', [LIBRARY_CHANNEL, change(record.libraryId)]);
        return { kind: 'added', record: { ...record, textCharacters: text.length } };
      });
    },
    async remove(libraryId, documentId) {
      return database.transaction(async (client) => {
        const result = await client.query<LibraryRow>(
          `DELETE FROM library_documents WHERE library_id = $1 AND document_id = $2
           RETURNING ${COLUMNS.replace('length(text)', 'length(library_documents.text)')}`,
          [libraryId, documentId],
        );
        const row = result.rows[0];
        if (row === undefined) return undefined;
        await client.query('SELECT pg_notify($1, $2)', [LIBRARY_CHANNEL, change(libraryId)]);
        return toRecord(row);
      });
    },
    usage: (libraryId) => usage(pool, libraryId),
    async editorRole(libraryId) {
      const result = await pool.query<{ editor_role_id: string | null }>('SELECT editor_role_id FROM library_settings WHERE library_id = $1', [libraryId]);
      return result.rows[0]?.editor_role_id ?? undefined;
    },
    async setEditorRole(libraryId, roleId) {
      await pool.query(
        'INSERT INTO library_settings (library_id, editor_role_id) VALUES ($1, $2) ON CONFLICT (library_id) DO UPDATE SET editor_role_id = excluded.editor_role_id',
        [libraryId, roleId ?? null],
      );
    },
    // The pool belongs to whoever opened the database.
    async close() {},
  };
}
