import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
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
  } as Pick<SavedParse, 'restore'> as SavedParse;
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
