/**
 * Issue #16, the library's truth in PostgreSQL and a vector index per process: a document added through one
 * process reaches the others' indexes (LISTEN/NOTIFY), a cold process serves the same answers after loading,
 * and a process killed in the middle of adding leaves nothing half-added.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openPostgres, type PostgresDatabase } from '../../src/database/postgres.js';
import { followLibraryChanges } from '../../src/library/follow-library-changes.js';
import { Libraries } from '../../src/library/libraries.js';
import { postgresLibraryStore } from '../../src/library/postgres-library-store.js';
import { silentLogger } from '../../src/logger.js';
import { realEngine, testConfig } from '../discord/bot-harness.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { scriptCommand } from '../helpers/footnote-command.js';
import { postgresForThisFile } from '../helpers/test-postgres.js';
import { secondArticleFile } from '../helpers/two-documents.js';

const { postgres, skip, cleanups } = await postgresForThisFile();

/** One bot process's view: its own pool, its own index folder, the same database. */
async function processOn(
  url: string,
  name: string,
  environment: Record<string, string> = {},
): Promise<{ libraries: Libraries; database: PostgresDatabase; origin: string }> {
  const data = temporaryFolder(`shared-library-${name}`);
  const database = await openPostgres({ url, logger: silentLogger });
  cleanups.push(
    () => data.remove(),
    () => database.close(),
  );
  const libraries = new Libraries({
    config: testConfig({ FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_MODEL_DIR: fileURLToPath(new URL('../../data/models', import.meta.url)), ...environment }),
    store: postgresLibraryStore(database, { origin: name }),
    shared: await realEngine(),
    logger: silentLogger,
  });
  return { libraries, database, origin: name };
}

const library = '222222222222222222';
const question = 'Where was European Sleeper founded?';

test(
  'GIVEN two processes on one database WHEN one adds a document THEN the other reloads its index from the database, and a cold third answers the same',
  { skip },
  async () => {
    if ('problem' in postgres) return;
    const url = await postgres.createDatabase();
    const adding = await processOn(url, 'adding');
    const serving = await processOn(url, 'serving');
    const follower = followLibraryChanges({ url, libraries: serving.libraries, origin: serving.origin, logger: silentLogger });
    cleanups.push(() => follower.close());
    await follower.ready;

    const first = await adding.libraries.addFile({
      libraryId: library,
      name: 'notes.md',
      bytes: Buffer.from('# Reading notes\n\nThe group meets on Tuesdays.\n'),
      addedBy: 'ana',
    });
    assert.ok(first.ok);
    // The serving process opens the library (one document) and builds its own index from the stored text.
    const before = await serving.libraries.engineFor(library);
    assert.equal(before.corpus.documents.filter((document) => document.id.startsWith('servers/')).length, 1);

    const reloaded = new Promise<string>((resolve) => {
      const original = serving.libraries.changedElsewhere.bind(serving.libraries);
      serving.libraries.changedElsewhere = async (libraryId) => {
        await original(libraryId);
        resolve(libraryId);
      };
    });
    const second = await adding.libraries.addFile({ libraryId: library, name: 'night-trains.md', bytes: readFileSync(secondArticleFile), addedBy: 'ana' });
    assert.ok(second.ok);
    assert.equal(await reloaded, library);

    const served = await (await serving.libraries.engineFor(library)).ask(question);
    assert.ok(served.ok);
    assert.match(served.answer.answer, /European Sleeper, founded in the Netherlands/u);
    assert.equal(served.answer.quotes[0]?.documentId, second.value.documentId);

    const cold = await processOn(url, 'cold');
    const coldAnswer = await (await cold.libraries.engineFor(library)).ask(question);
    assert.ok(coldAnswer.ok);
    assert.equal(coldAnswer.answer.answer, served.answer.answer);
    assert.deepEqual(coldAnswer.answer.quotes, served.answer.quotes);
  },
);

test(
  'GIVEN two processes adding to one library at the same moment THEN both documents land once each, the same text lands once, and the last free place goes to one of them',
  { skip },
  async () => {
    if ('problem' in postgres) return;
    const url = await postgres.createDatabase();
    const limits = { LIBRARY_MAX_DOCUMENTS: '4' };
    const [first, second] = await Promise.all([processOn(url, 'first', limits), processOn(url, 'second', limits)]);
    const file = (name: string, text: string) => ({ libraryId: library, name, bytes: Buffer.from(text), addedBy: 'ana' });

    const different = await Promise.all([
      first.libraries.addFile(file('tuesday.md', '# Tuesday notes\n\nThe group read the first chapter.\n')),
      second.libraries.addFile(file('thursday.md', '# Thursday notes\n\nThe group argued about the second chapter.\n')),
    ]);
    assert.deepEqual(
      different.map((outcome) => outcome.ok),
      [true, true],
    );
    const store = postgresLibraryStore(first.database);
    assert.deepEqual((await store.list(library)).map((record) => record.title).sort(), ['Thursday notes', 'Tuesday notes']);

    // The same text from both at once: one adds it, the other is told it is already there.
    const same = file('friday.md', '# Friday notes\n\nThe group finished the book.\n');
    const twice = await Promise.all([first.libraries.addFile(same), second.libraries.addFile(same)]);
    assert.deepEqual(twice.map((outcome) => outcome.ok).sort(), [false, true]);
    assert.match(twice.find((outcome) => !outcome.ok && 'message' in outcome)?.message ?? '', /already in this server's library/u);
    assert.equal((await store.list(library)).length, 3);

    // Two different texts at once into the last free place: exactly one lands, the other is told the library is full.
    const last = await Promise.all([
      first.libraries.addFile(file('saturday.md', '# Saturday notes\n\nNo meeting this week.\n')),
      second.libraries.addFile(file('sunday.md', '# Sunday notes\n\nA walk instead of a meeting.\n')),
    ]);
    assert.deepEqual(last.map((outcome) => outcome.ok).sort(), [false, true]);
    assert.equal((await store.list(library)).length, 4);
  },
);

test('GIVEN a process SIGKILLed while adding a document THEN no part of it is visible and the same document can be added again', { skip }, async () => {
  if ('problem' in postgres) return;
  const url = await postgres.createDatabase();
  const database = await openPostgres({ url, logger: silentLogger });
  cleanups.push(() => database.close());
  const text = 'A document that was being added when its process was killed.';
  // Another transaction holds the same text uncommitted, so the child's insert waits inside its transaction.
  const holder = await database.pool.connect();
  await holder.query('BEGIN');
  await holder.query(
    `INSERT INTO library_documents (library_id, document_id, title, format, source_name, content_hash, original, original_bytes, text, added_by, added_at)
     VALUES ($1, 'servers/holder.txt', 'holder', 'txt', 'holder.txt', encode(sha256(convert_to($2, 'UTF8')), 'hex'), '\\x00', 1, $2, 'holder', 0)`,
    [library, text],
  );
  const command = scriptCommand(fileURLToPath(new URL('fixtures/add-document-process.ts', import.meta.url)));
  const child = fork(command.at(-1) ?? '', [url, library, text], { execArgv: command.slice(0, -1) });
  const exited = once(child, 'exit');
  let childEnded = false;
  child.on('exit', () => (childEnded = true));
  const [message] = (await once(child, 'message')) as [string];
  assert.equal(message, 'adding');
  // Wait until the child's INSERT is in the database, waiting on the held row: mid-transaction.
  for (;;) {
    const waiting = await database.pool.query(
      "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO library_documents%' AND pid <> pg_backend_pid()",
    );
    if (waiting.rowCount === 1) break;
    assert.ok(!childEnded, 'the adding process ended before its insert');
    // Polled every 20 ms, not at every turn: the child takes seconds to start, and the server answers each poll.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  await exited;
  await holder.query('ROLLBACK');
  holder.release();

  const store = postgresLibraryStore(database);
  assert.deepEqual(await store.list(library), [], 'nothing of the killed add is visible');
  const again = await store.add({
    record: {
      libraryId: library,
      documentId: `servers/${library}/again.txt`,
      title: 'Added again',
      format: 'txt',
      sourceName: 'again.txt',
      sourceUrl: undefined,
      contentHash: (await database.pool.query<{ hash: string }>("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS hash", [text])).rows[0]?.hash ?? '',
      originalBytes: 1,
      textCharacters: text.length,
      addedBy: 'ana',
      addedAt: 1,
    },
    text,
    original: Buffer.from('x'),
    quota: { maxDocuments: 5, maxTotalBytes: 1_000 },
  });
  assert.equal(again.kind, 'added', 'the killed add left no duplicate behind and no lock held');
});
