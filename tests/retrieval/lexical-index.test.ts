/**
 * The lexical index is tokenised once at ingest and read back from its saved tables at start. Both must give
 * exactly what counting the words of the text gives: the same vocabulary and names, the same idf, the same BM25
 * scores in the same order, the same sentences with the same words.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { chunkCorpus, type Chunk } from '../../src/chunking/chunk-corpus.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { isContentWord, tokenize } from '../../src/language/tokenize.js';
import { LexicalIndex } from '../../src/retrieval/lexical-index.js';
import { buildLexicalTables, decodeLexicalTables, encodeLexicalTables, readLexicalTables } from '../../src/retrieval/lexical-tables.js';
import { articleCorpus, projectRoot } from '../helpers/test-config.js';

/** BM25 and sentence counts written the plain way, over the text itself. */
function countedByHand(chunks: readonly Chunk[]) {
  const sentences = new Map<string, string[]>();
  const sentenceFrequency = new Map<string, number>();
  const chunkStems = chunks.map((chunk) => {
    const stems: string[] = [];
    for (const sentence of chunk.sentences) {
      const tokens = tokenize(sentence.text).filter((token) => isContentWord(token.word));
      const key = `${sentence.documentId}:${sentence.start}`;
      if (!sentences.has(key)) {
        sentences.set(
          key,
          tokens.map((token) => token.word),
        );
        for (const stem of new Set(tokens.map((token) => token.stem))) sentenceFrequency.set(stem, (sentenceFrequency.get(stem) ?? 0) + 1);
      }
      stems.push(...tokens.map((token) => token.stem));
    }
    return stems;
  });
  const average = chunkStems.reduce((sum, stems) => sum + stems.length, 0) / chunks.length;
  const bm25 = (stem: string) => {
    const containing = chunkStems.filter((stems) => stems.includes(stem)).length;
    const idf = Math.log(1 + (chunks.length - containing + 0.5) / (containing + 0.5));
    const scores = new Map<number, number>();
    chunkStems.forEach((stems, position) => {
      const frequency = stems.filter((each) => each === stem).length;
      if (frequency > 0) scores.set(position, (idf * (frequency * 2.2)) / (frequency + 1.2 * (0.25 + (0.75 * stems.length) / average)));
    });
    return scores;
  };
  return { sentences, sentenceFrequency, bm25 };
}

test('GIVEN the article THEN the lexical index, built from the text or read back from its saved tables, counts what the text holds', async () => {
  const chunks = chunkCorpus((await loadCorpus(articleCorpus)).corpus);
  const expected = countedByHand(chunks);
  const built = new LexicalIndex(chunks);
  const saved = await encodeLexicalTables(buildLexicalTables(chunks));
  const reread = new LexicalIndex(chunks, decodeLexicalTables(saved));
  // As a bot opens a saved index: inflated on the thread pool, derived in turns of the event loop.
  const opened = await LexicalIndex.open(chunks, await readLexicalTables(saved));
  // With the postings and counts saved too (as ingest saves them), a start reads them instead of counting.
  const savedWithCounts = await encodeLexicalTables(buildLexicalTables(chunks), { counts: built.counts });
  assert.ok(decodeLexicalTables(savedWithCounts).counts !== undefined && decodeLexicalTables(saved).counts === undefined);
  const rereadCounts = new LexicalIndex(chunks, decodeLexicalTables(savedWithCounts));
  const openedCounts = await LexicalIndex.open(chunks, await readLexicalTables(savedWithCounts));
  assert.deepEqual(openedCounts.counts, built.counts);

  for (const index of [built, reread, opened, rereadCounts, openedCounts]) {
    assert.equal(index.sentenceCount, expected.sentences.size);
    const seen: string[][] = [];
    for (let position = 0; position < index.sentenceCount; position += 1) seen.push([...index.sentence(position).words]);
    assert.deepEqual(seen, [...expected.sentences.values()], 'each sentence once, in order of appearance, with its content words');
    chunks.forEach((chunk, position) =>
      assert.deepEqual(
        index.sentencesOf(position).map((sentence) => index.sentence(sentence).sentence),
        chunk.sentences,
      ),
    );
    for (const [stem, frequency] of expected.sentenceFrequency) {
      assert.ok(index.hasStem(stem));
      assert.equal(index.idf(stem), Math.log(1 + (expected.sentences.size - frequency + 0.5) / (frequency + 0.5)), stem);
    }
    assert.ok(!index.hasStem('zzyzx'));
    for (const stem of ['russia', 'baku', 'azerbaijan', 'cultur', 'plane']) {
      const scores = index.bm25(new Map([[stem, 1]]));
      const want = expected.bm25(stem);
      assert.ok(want.size > 0, `${stem} is in the article`);
      assert.deepEqual([...scores.keys()], [...want.keys()], `chunks holding ${stem}, in order`);
      for (const [chunk, score] of want) assert.ok(Math.abs((scores.get(chunk) ?? 0) - score) < 1e-9, `${stem} in chunk ${chunk}`);
    }
    assert.ok(index.knowsName('baku') && index.knowsName('russians'), 'names the article writes with a capital, and their families');
    assert.ok(index.writtenLowercase.has('plane') && !index.properNames.has('plane'));
  }
  assert.deepEqual([...reread.vocabulary], [...built.vocabulary], 'the same vocabulary in the same order');
  assert.deepEqual([...opened.vocabulary], [...built.vocabulary]);
  assert.deepEqual([...reread.properNames].sort(), [...built.properNames].sort());
  assert.ok(saved.byteLength < Buffer.byteLength(chunks.map((chunk) => chunk.text).join('')), 'smaller than the text it indexes');
});

test('GIVEN saved tables that are damaged or belong to other passages THEN reading them fails with a reason, never a wrong index', async () => {
  const chunks = chunkCorpus((await loadCorpus(articleCorpus)).corpus);
  const saved = await encodeLexicalTables(buildLexicalTables(chunks));
  assert.throws(() => decodeLexicalTables(saved.subarray(0, saved.length - 40)));
  assert.throws(() => decodeLexicalTables(Buffer.from('not a word index at all')), /not a footnote word index/);
  assert.throws(() => new LexicalIndex(chunks.slice(1), decodeLexicalTables(saved)), /does not fit these passages/);
  const withCounts = await encodeLexicalTables(buildLexicalTables(chunks), { counts: new LexicalIndex(chunks).counts });
  assert.throws(() => decodeLexicalTables(withCounts.subarray(0, withCounts.length - 40)));
  assert.throws(() => new LexicalIndex(chunks.slice(1), decodeLexicalTables(withCounts)), /does not fit these passages/);
  await assert.rejects(LexicalIndex.open(chunks.slice(1), await readLexicalTables(saved)), /does not fit these passages/);
});

test('GIVEN weighted stems THEN the top chunks by BM25 are the head of all scores sorted, ties in order of appearance', async () => {
  const chunks = chunkCorpus((await loadCorpus(articleCorpus)).corpus);
  // Every passage twice: each score is tied with its copy's.
  const index = new LexicalIndex([...chunks, ...chunks]);
  const queries = [
    new Map([['russia', 1]]),
    new Map([
      ['baku', 0.7],
      ['plane', 1],
      ['cultur', 0.5],
    ]),
    new Map([['zzyzx', 1]]),
  ];
  for (const stems of queries) {
    const sorted = [...index.bm25(stems)].sort((first, second) => second[1] - first[1]);
    for (const limit of [0, 1, 3, 7, 1000])
      assert.deepEqual(index.bm25Top(stems, limit), sorted.slice(0, limit), `${[...stems.keys()].join(' ')} top ${limit}`);
  }
  const ties = index.bm25Top(new Map([['russia', 1]]), 4);
  assert.equal(ties[0]?.[1], ties[1]?.[1], 'a passage and its copy score the same');
  assert.ok((ties[0]?.[0] ?? 0) < (ties[1]?.[0] ?? 0), 'and the earlier comes first');
});

test('GIVEN a library of two texts THEN a stem’s frequency in one document’s range, or in all passages, is what counting each document gives', async () => {
  const chunks = chunkCorpus((await loadCorpus(path.join(projectRoot, 'eval', 'texts'))).corpus);
  const index = new LexicalIndex(chunks);
  const documents = [...new Set(chunks.map((chunk) => chunk.documentId))];
  assert.equal(documents.length, 2);
  const stems = [...new Set(chunks.flatMap((chunk) => chunk.sentences.flatMap((sentence) => tokenize(sentence.text).map((token) => token.stem))))];
  let inBoth = 0;
  for (const stem of [...stems, 'zzyzx']) {
    const byDocument = index.documentFrequencies(stem);
    if (byDocument.size === 2) inBoth += 1;
    assert.deepEqual(
      [...byDocument.keys()],
      documents.filter((documentId) => byDocument.has(documentId)),
      `${stem}: documents in the order their passages come`,
    );
    assert.equal(
      index.stemFrequency(stem),
      [...byDocument.values()].reduce((sum, count) => sum + count, 0),
      stem,
    );
    for (const documentId of documents)
      assert.equal(index.stemFrequency(stem, index.chunkRange(documentId)), byDocument.get(documentId) ?? 0, `${stem} in ${documentId}`);
  }
  assert.ok(inBoth > 50, 'many stems are in both texts');
});
