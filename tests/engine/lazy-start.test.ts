/**
 * A start over a saved index reads the corpus's structure from it and makes paragraph and sentence objects only
 * for the documents a question reads (issue 12: on a 20 MB corpus, making all 180k of them was most of a cold
 * start's garbage collection). Counted, not timed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chunkCorpus, passageSentenceListsMade } from '../../src/chunking/chunk-corpus.js';
import { loadCorpus, unreadTextsRead } from '../../src/corpus/load-corpus.js';
import { encodeSavedParse, restoredDocumentsExpanded, SavedParse } from '../../src/corpus/saved-parse.js';
import type { TextAnswerer } from '../../src/engine/answer-from-text.js';
import { warmUp } from '../../src/engine/warm-up.js';
import { openEngine } from '../../src/engine.js';
import { articleFile, projectRoot, temporaryFolder, testConfig } from '../helpers/test-config.js';

const files = [
  articleFile,
  path.join(projectRoot, 'eval/texts/how-valencia-rationed-its-water.txt'),
  path.join(projectRoot, 'eval/texts/lindmark-night-trams.txt'),
  path.join(projectRoot, 'tests/corpus/fixtures/real-text/ls-manual-page.txt'),
  path.join(projectRoot, 'tests/corpus/fixtures/real-text/apache-license-2.0.txt'),
];

test('GIVEN a saved index and unchanged files WHEN an engine starts THEN it reads no file and makes no paragraph objects; a question reads and makes those of the documents it reads, and answers as the engine that built the index', async () => {
  const data = temporaryFolder('lazy-start');
  const corpus = temporaryFolder('lazy-corpus');
  try {
    // Files last written a minute ago: a file written within seconds of being read is always read again (file-stamp.ts).
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const file of files) {
      copyFileSync(file, path.join(corpus.path, path.basename(file)));
      utimesSync(path.join(corpus.path, path.basename(file)), minuteAgo, minuteAgo);
    }
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_CORPUS_DIR: corpus.path });
    const built = await openEngine(config);
    const question = 'Why did Baku close the Russian House?';
    const expected = await built.ask(question);

    const before = restoredDocumentsExpanded();
    const readBefore = unreadTextsRead();
    const started = await openEngine(config);
    assert.equal(restoredDocumentsExpanded(), before, 'opening the saved index made no paragraph objects');
    assert.equal(unreadTextsRead(), readBefore, 'opening the saved index read no corpus file');
    assert.equal(started.index.corpusHash, built.index.corpusHash);
    const answer = await started.ask(question);
    const expanded = restoredDocumentsExpanded() - before;
    assert.ok(expanded >= 1 && expanded < files.length, `the question made the paragraphs of ${expanded} of ${files.length} documents`);
    const read = unreadTextsRead() - readBefore;
    assert.ok(read >= 1 && read < files.length, `the question read ${read} of ${files.length} files`);
    assert.deepStrictEqual(answer, expected);
    // Every paragraph is still there for whoever lists them (/passage, /about).
    assert.equal(started.paragraphs().length, built.paragraphs().length);
    assert.deepStrictEqual(started.sentences(), built.sentences());
  } finally {
    data.remove();
    corpus.remove();
  }
});

test('GIVEN a saved index WHEN a long-lived engine warms up THEN it holds every passage, and a question makes no sentence list, paragraph or file read of its own', async () => {
  const data = temporaryFolder('lazy-warm');
  const corpus = temporaryFolder('lazy-warm-corpus');
  try {
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const file of files) {
      copyFileSync(file, path.join(corpus.path, path.basename(file)));
      utimesSync(path.join(corpus.path, path.basename(file)), minuteAgo, minuteAgo);
    }
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_CORPUS_DIR: corpus.path });
    await openEngine(config);
    const engine = await openEngine(config);
    const listsBefore = passageSentenceListsMade();
    await engine.warmUp();
    // Every passage but the header ones (made with their chunk) has its list now.
    assert.ok(
      passageSentenceListsMade() - listsBefore >= engine.index.chunks - engine.index.documents,
      `${passageSentenceListsMade() - listsBefore} of ${engine.index.chunks}`,
    );
    const counts = () => [passageSentenceListsMade(), restoredDocumentsExpanded(), unreadTextsRead()];
    const before = counts();
    for (const question of ['What does the license say about trademarks?', 'which option lists entries by columns?', 'How much water did Valencia ration?'])
      await engine.ask(question);
    assert.deepEqual(counts(), before);
  } finally {
    data.remove();
    corpus.remove();
  }
});

test('GIVEN the chunks of a restored corpus WHEN the warm-up runs THEN every passage has its sentence list before the first question', async () => {
  const folder = path.join(projectRoot, 'tests/corpus/fixtures/real-text');
  const parsed = await loadCorpus(folder);
  const saved = SavedParse.decode(await encodeSavedParse(parsed.corpus.documents, (id) => parsed.fileHashes?.get(id)));
  const chunks = chunkCorpus((await loadCorpus(folder, { saved })).corpus);
  // An answerer that answers nothing: what is counted here is the warm-up's own work on the passages.
  const silent = { answer: () => Promise.resolve(undefined) } as unknown as TextAnswerer;
  const before = passageSentenceListsMade();
  await warmUp(silent, [], chunks);
  const headers = chunks.filter((chunk) => chunk.id.endsWith('#header')).length;
  assert.equal(passageSentenceListsMade() - before, chunks.length - headers);
});
