/**
 * Issue #13: adding a document runs off the bot's event loop. pdf.js, the parser, the chunker, the embeddings
 * and the index build run in the ingest worker's thread; the bot's thread gets the parsed corpus back in pieces
 * and opens the index the worker saved. Checked without a clock: by thread ids, by the bot's own event loop
 * turning meanwhile, and by the corpus and answers being those of the work done in place.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { threadId } from 'node:worker_threads';
import { longPdf } from '../../src/benchmark/measure-library-pdf.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { openEngine } from '../../src/engine.js';
import { IngestThread } from '../../src/library/ingest-thread.js';
import { Libraries } from '../../src/library/libraries.js';
import { libraryCorpusFrom } from '../../src/library/library-corpus.js';
import { asyncLibraryStore, SqliteLibraryStore } from '../../src/library/library-store.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { articleCorpus, temporaryFolder, testConfig } from '../helpers/test-config.js';

const PAGES = 12;

/** Counts the turns of this thread's event loop until stopped. */
function countTurns(): { stop: () => number } {
  let turns = 0;
  let running = true;
  const turn = () => {
    turns += 1;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

test('GIVEN a PDF added to a library THEN it is read, parsed and indexed in the worker thread while this thread keeps turning, and answered from', async (t) => {
  const data = temporaryFolder('ingest-worker');
  t.after(() => data.remove());
  const config = testConfig({ FOOTNOTE_DATA_DIR: data.path });
  const { corpus: article } = await loadCorpus(articleCorpus);
  const sentences = article.documents.flatMap((document) => document.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)));
  const pdf = longPdf({ sourceSentences: sentences, pages: PAGES, seed: 11 });

  const ingest = new IngestThread();
  t.after(() => ingest.close());
  const turnsWhileReading = countTurns();
  const read = await ingest.read({ libraryId: 'server-a', name: 'reading-list.pdf', bytes: pdf, limits: { maxUnzippedBytes: 1 << 24 } });
  assert.ok(turnsWhileReading.stop() > 0, 'the event loop turned while the worker read the PDF');
  assert.ok(read.ok, read.ok ? '' : read.message);
  assert.notEqual(read.threadId, threadId, 'the PDF was read in another thread');
  assert.match(read.document.text, /^## Page 12$/mu, 'every page is read, one section each');

  const texts = [{ documentId: read.document.documentId, title: read.document.title, contentHash: read.document.contentHash, text: read.document.text }];
  const indexDirectory = path.join(data.path, 'index', 'servers', 'server-a');
  const turnsWhilePreparing = countTurns();
  const prepared = await ingest.prepare({ config, texts, indexDirectory });
  assert.ok(turnsWhilePreparing.stop() > 0, 'the event loop turned while the worker parsed and indexed');
  assert.notEqual(prepared.threadId, threadId);
  assert.equal(prepared.indexed, true, 'with the local embeddings the worker saves the index');
  // What came back in pieces is what parsing here gives, object for object.
  assert.deepEqual(prepared.loaded, libraryCorpusFrom(await loadCorpus(articleCorpus), texts));

  // Through Libraries, as /library add does (another server, so nothing saved above is reused): the engine opens the
  // index the worker saved, and answers from the PDF.
  const store = new SqliteLibraryStore(path.join(data.path, 'footnote.sqlite'));
  t.after(() => store.close());
  const shared = await openEngine(config, { logger: silentLogger });
  // The bot's thread says when it builds an index itself; the worker's own log is silent.
  const logged: string[] = [];
  const logger = createLogger({ level: 'info', write: (line) => logged.push(line) });
  const libraries = new Libraries({ config, store: asyncLibraryStore(store), shared, logger, ingest });
  const steps: string[] = [];
  const added = await libraries.addFile({ libraryId: 'server-b', name: 'reading-list.pdf', bytes: pdf, addedBy: 'member' }, (step) => steps.push(step));
  assert.ok(added.ok, added.ok ? '' : added.message);
  assert.equal(steps[0], 'Reading “reading-list.pdf”…');
  assert.ok(
    steps.some((step) => /^Indexing “A long reading list”: 100% of \d+ passages…$/u.test(step)),
    `indexing progress is reported: ${steps.join(' | ')}`,
  );
  const engine = await libraries.engineFor('server-b');
  const lastPage = read.document.text.slice(read.document.text.lastIndexOf('## Page'));
  const sentence = lastPage.split('\n\n')[1]?.split(/(?<=\.) /u)[0] ?? '';
  const passages = await engine.search(sentence, 3, { documentId: added.value.documentId });
  assert.ok(
    passages.some((passage) => passage.text.includes(sentence)),
    `a sentence of the last page is found in the library: ${sentence}`,
  );
  assert.equal(engine.index.documents, 2, 'the shared article and the PDF');
  const builtHere = () => logged.filter((line) => line.includes('building the index'));
  assert.deepEqual(builtHere(), [], 'the index the worker saved is opened, not built again on this thread');

  // /reindex of a server's library rebuilds in the worker too: a new index (new build time), none built here.
  const before = engine.index.builtAt;
  const turnsWhileReindexing = countTurns();
  const rebuilt = await engine.reindex();
  assert.ok(turnsWhileReindexing.stop() > 0, 'the event loop turned while the library was reindexed');
  assert.notEqual(rebuilt.builtAt, before, 'the index was built again');
  assert.equal(rebuilt.chunks, engine.index.chunks);
  assert.deepEqual(builtHere(), [], 'the rebuild ran in the worker');
});
