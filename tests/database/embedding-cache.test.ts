/**
 * Issue #16, passages and their embeddings in PostgreSQL: with an embedding server, the process that builds a
 * library's index first embeds its passages and stores them; another process (a cold start, or one that takes
 * over the server) builds its own index from the stored vectors and sends the server no passage at all. The
 * real @langchain/openai client talks to the fake OpenAI server.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openPostgres } from '../../src/database/postgres.js';
import { postgresEmbeddingCache } from '../../src/database/postgres-embedding-cache.js';
import { CachedEmbeddings, type EmbeddingCache } from '../../src/embeddings/cached-embeddings.js';
import { Libraries } from '../../src/library/libraries.js';
import { postgresLibraryStore } from '../../src/library/postgres-library-store.js';
import { silentLogger } from '../../src/logger.js';
import { realEngine, testConfig } from '../discord/bot-harness.js';
import { startFakeOpenAi } from '../fakes/fake-openai.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { postgresForThisFile } from '../helpers/test-postgres.js';

const { postgres, skip, cleanups } = await postgresForThisFile();

test(
  'GIVEN an embedding server and one database WHEN a second process opens a library THEN it builds its index from the stored embeddings, sending the server no passage',
  { skip },
  async () => {
    if ('problem' in postgres) return;
    const fake = await startFakeOpenAi({ dimensions: 12 });
    cleanups.push(() => fake.close());
    const url = await postgres.createDatabase();
    const library = '555555555555555555';
    const processOn = async (name: string) => {
      const data = temporaryFolder(`embedding-cache-${name}`);
      const database = await openPostgres({ url, logger: silentLogger });
      cleanups.push(
        () => data.remove(),
        () => database.close(),
      );
      const config = testConfig({
        FOOTNOTE_DATA_DIR: data.path,
        FOOTNOTE_MODEL_DIR: fileURLToPath(new URL('../../data/models', import.meta.url)),
        OPENAI_BASE_URL: fake.baseUrl,
        EMBEDDING_MODEL: 'nomic-embed-text',
      });
      return new Libraries({
        config,
        store: postgresLibraryStore(database, { origin: name }),
        shared: await realEngine(),
        logger: silentLogger,
        embeddingCache: postgresEmbeddingCache(database),
      });
    };
    const passagesSent = (from: number) =>
      fake
        .embeddingInputs()
        .slice(from)
        .flat()
        .filter((input) => input.length > 60);

    const first = await processOn('first');
    const added = await first.addFile({
      libraryId: library,
      name: 'notes.md',
      bytes: Buffer.from('# Reading notes\n\nThe group meets on Tuesdays in the old library to argue about the chapter it read that week.\n'),
      addedBy: 'ana',
    });
    assert.ok(added.ok);
    const question = 'Where does the group meet?';
    const firstAnswer = await (await first.engineFor(library)).ask(question);
    assert.ok(firstAnswer.ok);
    assert.ok(passagesSent(0).length > 0, 'the first process embedded the passages');

    const before = fake.embeddingInputs().length;
    const second = await processOn('second');
    const secondAnswer = await (await second.engineFor(library)).ask(question);
    assert.ok(secondAnswer.ok);
    assert.deepEqual(passagesSent(before), [], 'the second process sent no passage to the server');
    assert.equal(secondAnswer.answer.answer, firstAnswer.answer.answer);
    assert.deepEqual(secondAnswer.answer.quotes, firstAnswer.answer.quotes);
  },
);

test('GIVEN a cache that fails THEN every passage is embedded by the server and nothing fails', async () => {
  const asked: string[][] = [];
  const inner = {
    embedDocuments: async (texts: string[]) => {
      asked.push(texts);
      return texts.map((text) => [text.length, 1]);
    },
    embedQuery: async (text: string) => [text.length, 0],
  };
  const broken: EmbeddingCache = {
    read: () => Promise.reject(new Error('connection refused')),
    write: () => Promise.reject(new Error('connection refused')),
  };
  const embeddings = new CachedEmbeddings(inner, broken, 'model', () => undefined);
  assert.deepEqual(await embeddings.embedDocuments(['ab', 'abc', 'ab']), [
    [2, 1],
    [3, 1],
    [2, 1],
  ]);
  assert.deepEqual(asked, [['ab', 'abc']], 'the same text is embedded once');

  const stored = new Map<string, number[]>();
  const working: EmbeddingCache = {
    read: async (_model, hashes) => new Map(hashes.filter((hash) => stored.has(hash)).map((hash) => [hash, stored.get(hash) as number[]])),
    write: async (_model, entries) => void entries.forEach(([hash, vector]) => stored.set(hash, [...vector])),
  };
  const cached = new CachedEmbeddings(inner, working, 'model', () => undefined);
  await cached.embedDocuments(['abcd']);
  await cached.embedDocuments(['abcd', 'abcde']);
  assert.deepEqual(asked.slice(1), [['abcd'], ['abcde']], 'a stored passage is not asked for again');
});
