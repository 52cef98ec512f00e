/** A 50 MB document, in `npm run test:load`: writing and parsing it takes a while. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { OwnTimeClock } from '../helpers/own-time-clock.js';
import { articleFile, temporaryFolder } from '../helpers/test-config.js';

const article = readFileSync(articleFile, 'utf8');

test('GIVEN a 50 MB document THEN it loads (the limit is 64 MiB per file) with exact offsets, in the time budget', async (t) => {
  const folder = temporaryFolder('fifty-megabytes');
  try {
    // 50 MB of distinct paragraphs, fast to write: a block of the article's paragraphs, numbered, repeated.
    const paragraphs = article.split('\n').filter((line) => line.length > 200);
    const block = paragraphs.join('\n\n');
    const parts = ['A fifty megabyte reading list\n25 July 2025\nBy A. Compiler\n'];
    let bytes = parts[0]?.length ?? 0;
    for (let copy = 1; bytes < 50_000_000; copy += 1) {
      const part = `\nPart ${copy}\n\nCopy ${copy}. ${block}\n`;
      parts.push(part);
      bytes += Buffer.byteLength(part);
    }
    const text = parts.join('');
    writeFileSync(path.join(folder.path, 'big.txt'), text);

    const clock = new OwnTimeClock();
    const started = clock.now();
    const { corpus, warnings } = await loadCorpus(folder.path);
    const seconds = (clock.now() - started) / 1000;
    t.diagnostic(`50 MB document: loaded in ${seconds.toFixed(1)} s of this process's own time`);
    assert.deepEqual(
      corpus.documents.map((document) => document.id),
      ['big.txt'],
    );
    assert.deepEqual(warnings, []);
    const document = corpus.documents[0];
    assert.ok(document !== undefined && document.paragraphs.length > 10_000, `${document?.paragraphs.length} paragraphs`);
    const last = document.paragraphs.at(-1)?.sentences.at(-1);
    assert.ok(last !== undefined && text.slice(last.start, last.end) === last.text, 'offsets hold at the end of the file');
    // A generous budget: what it catches is a return to super-linear parsing (minutes), not a slow machine.
    assert.ok(seconds < 60, `loading took ${seconds.toFixed(1)} s`);
  } finally {
    folder.remove();
  }
});
