/**
 * Issue #13: `--server ID` on the command line reads that Discord server's library (the shared corpus and the
 * documents the server added) from the bot's database, as the bot does for that server.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SqliteLibraryStore } from '../../src/library/library-store.js';
import { runFootnote } from '../helpers/run-footnote.js';
import { sharedModelDir, temporaryFolder } from '../helpers/test-config.js';
import { secondArticleFile } from '../helpers/two-documents.js';

const data = temporaryFolder('server-option');
const savedEnvironment = { ...process.env };
const server = '333333333333333333';
const documentId = `servers/${server}/night-trains-return.md`;

before(() => {
  Object.assign(process.env, { FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_MODEL_DIR: sharedModelDir, LOG_LEVEL: 'silent' });
  delete process.env.DATABASE_URL;
  const text = readFileSync(secondArticleFile, 'utf8');
  const store = new SqliteLibraryStore(path.join(data.path, 'footnote.sqlite'));
  const added = store.add({
    record: {
      libraryId: server,
      documentId,
      title: "Night trains return to Europe's rails",
      format: 'md',
      sourceName: 'night-trains-return.md',
      sourceUrl: undefined,
      contentHash: 'night-trains',
      originalBytes: text.length,
      textCharacters: text.length,
      addedBy: 'ana',
      addedAt: 1,
    },
    text,
    original: Buffer.from(text),
    quota: { maxDocuments: 5, maxTotalBytes: 1_000_000 },
  });
  assert.equal(added.kind, 'added');
  store.close();
});
after(() => {
  process.env = savedEnvironment;
  data.remove();
});

test('GIVEN --server with a library THEN ask answers from the server’s own document, which the shared corpus alone does not have', async () => {
  const question = 'Where was European Sleeper founded?';
  const withServer = await runFootnote('ask', '--server', server, '--json', question);
  assert.equal(withServer.code, 0, withServer.stderr);
  const answer = JSON.parse(withServer.stdout) as { abstained: boolean; quotes: { documentId: string; text: string }[] };
  assert.equal(answer.abstained, false);
  assert.equal(answer.quotes[0]?.documentId, documentId);
  assert.match(answer.quotes[0]?.text ?? '', /founded in the Netherlands/u);

  const shared = JSON.parse((await runFootnote('ask', '--json', question)).stdout) as { quotes: { documentId: string }[] };
  assert.ok(!shared.quotes.some((quote) => quote.documentId === documentId));
});

test('GIVEN --server THEN the study tools read the shared corpus and the server’s documents, one group each', async () => {
  const summary = await runFootnote('summary', '--server', server, '--json');
  assert.equal(summary.code, 0, summary.stderr);
  const grouped = JSON.parse(summary.stdout) as { documents: { documentId: string }[] };
  assert.deepEqual(
    grouped.documents.map((group) => group.documentId),
    ['how-baku-is-playing-with-fire.txt', documentId],
  );
  const who = await runFootnote('who', '--server', server, '--document', 'night trains', '--json');
  assert.equal(who.code, 0, who.stderr);
});

test('GIVEN --server of a server without documents, or without an id THEN a usage message says what to do', async () => {
  const empty = await runFootnote('ask', '--server', '444444444444444444', 'Who wrote it?');
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /server 444444444444444444 has no documents of its own .* it reads the shared corpus \(leave out --server\)/u);
  const missing = await runFootnote('summary', '--server');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--server needs a value\nusage: npx footnote summary .*\[--server ID\]/u);
});
