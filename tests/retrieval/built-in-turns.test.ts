/**
 * A bot opening a library's index builds the term matcher and the sentence vectors in turns of the event loop
 * (retrieval/in-turns.ts). That path must give exactly what building them at once gives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkCorpus } from '../../src/chunking/chunk-corpus.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { LocalEmbeddings } from '../../src/embeddings/local-embeddings.js';
import { loadWordVectors } from '../../src/embeddings/word-vectors.js';
import { runAtOnce, runInTurns } from '../../src/retrieval/in-turns.js';
import { LexicalIndex } from '../../src/retrieval/lexical-index.js';
import { decodeLexicalTables, encodeLexicalTables } from '../../src/retrieval/lexical-tables.js';
import { SentenceVectors } from '../../src/retrieval/sentence-vectors.js';
import { TermMatcher } from '../../src/retrieval/term-matcher.js';
import { articleCorpus, sharedModelDir } from '../helpers/test-config.js';

test('GIVEN the article THEN the term matcher and sentence vectors built in turns match those built at once', async () => {
  const lexical = new LexicalIndex(chunkCorpus((await loadCorpus(articleCorpus)).corpus));
  const words = loadWordVectors({ modelDir: sharedModelDir });
  const atOnce = new TermMatcher(lexical.vocabulary, words);
  const inTurns = await TermMatcher.build(lexical.vocabulary, words);
  for (const [word, stem] of [
    ['russians', 'russian'],
    ['quarrel', 'quarrel'],
    ['closure', 'closur'],
    ['apologised', 'apologis'],
  ] as const) {
    const expected = atOnce.matches(word, stem);
    assert.ok(expected.size > 0, `${word} matches words of the article`);
    assert.deepEqual([...inTurns.matches(word, stem)], [...expected], word);
  }
  const embeddings = new LocalEmbeddings(words);
  const vectors = new SentenceVectors(lexical, embeddings);
  const built = await SentenceVectors.build(lexical, embeddings);
  for (const text of ['Why did Baku close the Russian House?', 'the plane crash near Aktau']) assert.deepEqual(built.ofText(text), vectors.ofText(text));
});

test('GIVEN the common direction saved at ingest THEN a start that reads it back gets the same sentence vectors, bit for bit; one from other word vectors is not used', async () => {
  const lexical = new LexicalIndex(chunkCorpus((await loadCorpus(articleCorpus)).corpus));
  const embeddings = new LocalEmbeddings(loadWordVectors({ modelDir: sharedModelDir }));
  const saved = await SentenceVectors.commonDirection(lexical, embeddings);
  const reread = decodeLexicalTables(await encodeLexicalTables(lexical.tables, { commonDirection: saved })).commonDirection;
  assert.deepEqual(reread, saved);
  const computed = new SentenceVectors(lexical, embeddings);
  const fromSaved = await SentenceVectors.build(lexical, embeddings, reread);
  const elsewhere = await SentenceVectors.build(lexical, embeddings, { ...saved, model: 'another-model', values: saved.values.map(() => 0.1) });
  for (const text of ['Why did Baku close the Russian House?', 'the plane crash near Aktau']) {
    assert.deepEqual(fromSaved.ofText(text), computed.ofText(text));
    assert.deepEqual(elsewhere.ofText(text), computed.ofText(text));
  }
});

test('GIVEN a generator of slices THEN at once and in turns give its result, and a throw inside reaches the caller', async () => {
  function* count(to: number) {
    let sum = 0;
    for (let value = 1; value <= to; value += 1) {
      sum += value;
      yield;
    }
    if (to < 0) throw new Error('negative');
    return sum;
  }
  assert.equal(runAtOnce(count(100)), 5050);
  assert.equal(await runInTurns(count(100)), 5050);
  assert.throws(() => runAtOnce(count(-1)), /negative/);
  await assert.rejects(runInTurns(count(-1)), /negative/);
});
