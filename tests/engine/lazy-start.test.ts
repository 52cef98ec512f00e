/**
 * A start over a saved index reads the corpus's structure from it and makes paragraph and sentence objects only
 * for the documents a question reads (issue 12: on a 20 MB corpus, making all 180k of them was most of a cold
 * start's garbage collection). Counted, not timed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { unreadTextsRead } from '../../src/corpus/load-corpus.js';
import { restoredDocumentsExpanded } from '../../src/corpus/saved-parse.js';
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
