import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { encodingDetections } from '../../src/corpus/decode-file.js';
import { loadCorpus, unreadTextsRead } from '../../src/corpus/load-corpus.js';
import { chunkCorpus, type Chunk } from '../../src/chunking/chunk-corpus.js';
import { encodeSavedParse, restoredDocumentsExpanded, SavedParse } from '../../src/corpus/saved-parse.js';
import { temporaryFolder } from '../helpers/test-config.js';

const folders = ['../../corpus', '../../eval/texts', '../fixtures', './fixtures/real-text'].map((folder) => fileURLToPath(new URL(folder, import.meta.url)));

test('GIVEN real files of every kind (the article, Markdown, hard-wrapped text, man pages) THEN the saved structure gives back exactly what parsing gives', async () => {
  let documents = 0;
  for (const folder of folders) {
    const parsed = await loadCorpus(folder);
    const saved = SavedParse.decode(await encodeSavedParse(parsed.corpus.documents, (id) => parsed.fileHashes?.get(id)));
    assert.ok(saved !== undefined, folder);
    assert.equal(saved.size, parsed.corpus.documents.length);
    const restored = await loadCorpus(folder, { saved });
    assert.deepStrictEqual(restored.corpus, parsed.corpus, folder);
    assert.deepEqual(restored.warnings, parsed.warnings);
    documents += parsed.corpus.documents.length;
  }
  assert.ok(documents >= 8, `documents compared: ${documents}`);
});

test('GIVEN a saved structure WHEN a file changes THEN that file is parsed again (its new text and sections) and the others are restored', async () => {
  const temporary = temporaryFolder('saved-parse');
  const folder = temporary.path;
  writeFileSync(path.join(folder, 'one.txt'), 'One\n\nThe first paragraph. It has two sentences.\n');
  writeFileSync(path.join(folder, 'two.md'), '# Two\n\nA paragraph.\n\n## Later\n\nAnother one.\n');
  const first = await loadCorpus(folder);
  const saved = SavedParse.decode(await encodeSavedParse(first.corpus.documents, (id) => first.fileHashes?.get(id)));
  writeFileSync(path.join(folder, 'two.md'), '# Two\n\nA changed paragraph.\n\n## Renamed\n\nAnother one.\n');
  let parsedAgain = 0;
  const savedParse = saved as SavedParse;
  // loadCorpus asks the saved structure for each document; one it cannot give is parsed.
  const counting = {
    restore: (id: string, sha256: string, text: string) => {
      const restored = savedParse.restore(id, sha256, text);
      if (restored === undefined) parsedAgain += 1;
      return restored;
    },
    encodingOf: (id: string, sha256: string) => savedParse.encodingOf(id, sha256),
  } as Pick<SavedParse, 'restore' | 'encodingOf'> as SavedParse;
  const second = await loadCorpus(folder, { saved: counting });
  assert.equal(parsedAgain, 1, 'only the changed file is parsed');
  const two = second.corpus.documents.find((document) => document.id === 'two.md');
  assert.deepEqual(two?.sections.map((section) => section.title), ['Introduction', 'Renamed']);
  assert.equal(two?.paragraphs[0]?.text, 'A changed paragraph.');
  assert.deepStrictEqual(second.corpus.documents[0], first.corpus.documents[0]);
  temporary.remove();
});

test('GIVEN bytes that are not a saved structure of this version THEN none is used', () => {
  assert.equal(SavedParse.decode(new Uint8Array([1, 2, 3])), undefined);
  assert.equal(SavedParse.decode(new Uint8Array()), undefined);
});

test('GIVEN a saved structure THEN chunking the restored corpus makes no paragraph or sentence object, and gives the chunks of the parsed corpus once they are read', async () => {
  for (const folder of folders) {
    const parsed = await loadCorpus(folder);
    const saved = SavedParse.decode(await encodeSavedParse(parsed.corpus.documents, (id) => parsed.fileHashes?.get(id)));
    const before = restoredDocumentsExpanded();
    const restored = await loadCorpus(folder, { saved });
    const chunks = chunkCorpus(restored.corpus);
    assert.equal(chunks.map((chunk) => chunk.sentenceCount).length, chunks.length);
    assert.equal(restoredDocumentsExpanded(), before, `${folder}: loading and chunking made no paragraph objects`);
    // Reading one chunk's sentences makes its own document's paragraphs, not the others'.
    const last = chunks.at(-1);
    assert.ok(last !== undefined && last.sentences.length === last.sentenceCount);
    assert.equal(restoredDocumentsExpanded(), before + 1);
    const plain = ({ id, documentId, documentTitle, section, paragraph, start, end, text, sentences, sentenceCount }: Chunk) => ({
      ...{ id, documentId, documentTitle, section, paragraph, start, end, text, sentences, sentenceCount },
    });
    assert.deepStrictEqual(chunks.map(plain), chunkCorpus(parsed.corpus).map(plain), folder);
  }
});

test('GIVEN files in UTF-16, Windows-1252 and UTF-8 with a byte-order mark, saved THEN a start decodes them as at ingest without working their encodings out again, with the same warnings', async () => {
  const temporary = temporaryFolder('saved-encodings');
  const folder = temporary.path;
  const text = 'Café\n\nThe first paragraph says “hello”. It has two sentences.\n';
  writeFileSync(path.join(folder, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  writeFileSync(path.join(folder, 'western.txt'), Buffer.from(text.replace(/[“”]/gu, '"'), 'latin1'));
  writeFileSync(path.join(folder, 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# Title\n\n${text}`, 'utf8')]));
  const parsed = await loadCorpus(folder);
  assert.deepEqual(
    parsed.corpus.documents.map((document) => document.encoding),
    ['utf-8', 'utf-16le', 'windows-1252'],
  );
  const saved = SavedParse.decode(await encodeSavedParse(parsed.corpus.documents, (id) => parsed.fileHashes?.get(id)));
  const before = encodingDetections();
  const restored = await loadCorpus(folder, { saved });
  assert.equal(encodingDetections(), before, 'no file had its encoding worked out again');
  assert.deepStrictEqual(restored.corpus, parsed.corpus);
  assert.deepEqual(restored.warnings, parsed.warnings);
  temporary.remove();
});

test('GIVEN a saved structure with file stamps WHEN no file changed THEN the corpus is restored without reading a file, with the same hash and text; WHEN one changed THEN every file is read and the new text seen; WHEN one changes after the start THEN reading its text says so', async () => {
  const temporary = temporaryFolder('saved-stamps');
  const folder = temporary.path;
  const past = new Date(Date.now() - 60_000);
  const write = (name: string, text: string) => {
    writeFileSync(path.join(folder, name), text);
    utimesSync(path.join(folder, name), past, past);
  };
  write('one.txt', 'One\n\nThe first paragraph. It has two sentences.\n');
  write('two.md', '# Two\n\nA paragraph.\n\n## Later\n\nAnother one.\n');
  write('empty.txt', '   \n');
  const first = await loadCorpus(folder);
  const encode = (loaded: typeof first) =>
    encodeSavedParse(loaded.corpus.documents, (id) => loaded.fileHashes?.get(id), { stamp: (id) => loaded.fileStamps?.get(id), contentHash: loaded.corpus.contentHash });
  const saved = SavedParse.decode(await encode(first));
  const before = unreadTextsRead();
  const unread = await loadCorpus(folder, { saved });
  assert.equal(unreadTextsRead(), before, 'no file read');
  assert.equal(unread.corpus.contentHash, first.corpus.contentHash);
  assert.deepEqual(unread.warnings, first.warnings, 'the skipped file is still named');
  assert.deepStrictEqual(unread.corpus, first.corpus);
  assert.equal(unreadTextsRead(), before + 2, 'comparing read each text once');

  // Changed (and the same size): its times differ, so everything is read again and the change is seen.
  write('one.txt', 'One\n\nThe first paragraph. It has two sentenceS.\n');
  const changed = await loadCorpus(folder, { saved });
  assert.notEqual(changed.corpus.contentHash, first.corpus.contentHash);
  assert.match(changed.corpus.documents[0]?.text ?? '', /sentenceS/u);

  // Changed after a start that did not read it: its text is not taken for the saved one.
  const fresh = await loadCorpus(folder);
  const again = await loadCorpus(folder, { saved: SavedParse.decode(await encode(fresh)) });
  writeFileSync(path.join(folder, 'two.md'), '# Two\n\nA paragraph!\n\n## Later\n\nAnother one.\n');
  assert.throws(() => again.corpus.documents[1]?.text, /two\.md changed after footnote started/u);
  temporary.remove();
});

test('GIVEN a file written seconds before it was read THEN its stamp is not saved, and the next start reads it', async () => {
  const temporary = temporaryFolder('saved-racy');
  writeFileSync(path.join(temporary.path, 'one.txt'), 'One\n\nThe first paragraph.\n');
  const first = await loadCorpus(temporary.path);
  assert.equal(first.fileStamps?.size, 0);
  const saved = SavedParse.decode(
    await encodeSavedParse(first.corpus.documents, (id) => first.fileHashes?.get(id), { stamp: (id) => first.fileStamps?.get(id), contentHash: first.corpus.contentHash }),
  );
  const before = encodingDetections();
  await loadCorpus(temporary.path, { saved });
  assert.equal(encodingDetections(), before, 'read, and decoded as saved');
  temporary.remove();
});
