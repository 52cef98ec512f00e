/**
 * In a library each document's sentence vectors have the direction its own sentences share removed; ingest saves
 * each long document's direction with the word index, so a question asked of it does not embed up to 2,000 of its
 * sentences first. Read back, they must give the very vectors a question computes without them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chunkCorpus } from '../../src/chunking/chunk-corpus.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { openEngine } from '../../src/engine.js';
import { LocalEmbeddings } from '../../src/embeddings/local-embeddings.js';
import { loadWordVectors } from '../../src/embeddings/word-vectors.js';
import { LexicalIndex } from '../../src/retrieval/lexical-index.js';
import { decodeLexicalTables, encodeLexicalTables } from '../../src/retrieval/lexical-tables.js';
import { SentenceVectors } from '../../src/retrieval/sentence-vectors.js';
import { sharedModelDir, temporaryFolder, testConfig } from '../helpers/test-config.js';
import { twoDocumentCorpus } from '../helpers/two-documents.js';

test('GIVEN a library of two documents THEN the directions saved at ingest give each document the sentence vectors a question computes, bit for bit', async (t) => {
  const corpus = twoDocumentCorpus();
  t.after(() => corpus.remove());
  const chunks = chunkCorpus((await loadCorpus(corpus.path)).corpus);
  const lexical = new LexicalIndex(chunks);
  const embeddings = new LocalEmbeddings(loadWordVectors({ modelDir: sharedModelDir }));
  // Both texts are shorter than a document whose direction ingest saves (every sentence of theirs is scored): saved here all the same.
  const saved = await SentenceVectors.documentDirections(lexical, embeddings, 0);
  assert.ok(saved !== undefined);
  const reread = decodeLexicalTables(await encodeLexicalTables(lexical.tables, { documentDirections: saved })).documentDirections;
  assert.deepEqual(reread, saved);
  const directions = SentenceVectors.savedDocumentDirections(lexical, embeddings, reread);
  assert.equal(directions?.size, 2);
  for (const documentId of lexical.documentIds()) {
    const range = lexical.sentenceRange(documentId);
    assert.ok(range !== undefined);
    const computed = SentenceVectors.ofDocument(lexical, embeddings, range);
    const fromSaved = SentenceVectors.ofDocument(lexical, embeddings, range, directions?.get(documentId));
    assert.deepEqual(fromSaved.direction, computed.direction, documentId);
    for (let position = range.from; position < range.to; position += 1) {
      const entry = lexical.sentence(position);
      assert.deepEqual(fromSaved.ofSentence(position, entry), computed.ofSentence(position, entry), `${documentId} sentence ${position}`);
    }
  }
  // Saved with other word vectors, or for other documents, they are not used.
  assert.equal(SentenceVectors.savedDocumentDirections(lexical, embeddings, { ...saved, model: 'another-model' }), undefined);
  assert.equal(SentenceVectors.savedDocumentDirections(lexical, embeddings, { ...saved, values: saved.values.subarray(100) }), undefined);
  // By default only a document of more passages than are scored whole has its direction saved: none of these two.
  const byDefault = await SentenceVectors.documentDirections(lexical, embeddings);
  assert.equal(SentenceVectors.savedDocumentDirections(lexical, embeddings, byDefault)?.size, 0);
  // A single document's direction is the corpus's: nothing to save.
  const alone = new LexicalIndex(chunks.filter((chunk) => chunk.documentId === chunks[0]?.documentId));
  assert.equal(await SentenceVectors.documentDirections(alone, embeddings), undefined);
});

test('GIVEN a library indexed by the engine THEN its saved word index holds the documents’ directions (zeros for short ones), and a word index without them still reads', async (t) => {
  const corpus = twoDocumentCorpus();
  const data = temporaryFolder('document-directions');
  t.after(() => {
    corpus.remove();
    data.remove();
  });
  const engine = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path }));
  await engine.close();
  const indexDirectory = path.join(data.path, 'index');
  const manifest = JSON.parse(readFileSync(path.join(indexDirectory, 'manifest.json'), 'utf8')) as { files: { lexical: { name: string } } };
  const tables = decodeLexicalTables(readFileSync(path.join(indexDirectory, manifest.files.lexical.name)));
  assert.equal(tables.documentDirections?.values.length, 2 * 100);
  assert.ok(
    tables.documentDirections.values.every((value) => value === 0),
    'two short texts: no direction saved',
  );
  const withoutThem = decodeLexicalTables(await encodeLexicalTables(tables, { counts: tables.counts }));
  assert.equal(withoutThem.documentDirections, undefined);
  assert.deepEqual(withoutThem.sentenceWords, tables.sentenceWords);
});
