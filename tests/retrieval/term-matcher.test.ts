/**
 * Term matching through look-ups (issue 12: a scan of the whole vocabulary per question word made a
 * question cost 179 ms on a 20 MB corpus). The indexed matcher must find what the scan found.
 */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chunkCorpus } from '../../src/chunking/chunk-corpus.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { loadWordVectors, type WordVectors } from '../../src/embeddings/word-vectors.js';
import { LexicalIndex } from '../../src/retrieval/lexical-index.js';
import { DEFAULT_TERM_MATCHER, TermMatcher } from '../../src/retrieval/term-matcher.js';
import { WordNeighbours } from '../../src/retrieval/word-neighbours.js';
import { sameWordFamily, stemWord } from '../../src/language/tokenize.js';
import { articleCorpus, sharedModelDir, temporaryFolder } from '../helpers/test-config.js';

/** The matcher as it was: every corpus word compared with the question word. */
function scanMatches(vocabulary: ReadonlyMap<string, string>, words: WordVectors, word: string): Map<string, number> {
  const { floor, commonFloor, commonRank, ceiling, ceilingValue, familyValue } = DEFAULT_TERM_MATCHER;
  const found = new Map<string, number>();
  const stem = stemWord(word);
  for (const [candidate, candidateStem] of vocabulary) {
    let strength = 0;
    if (candidateStem === stem) strength = 1;
    else if (sameWordFamily(word, candidate)) strength = familyValue;
    else {
      const similarity = words.similarity(word, candidate);
      const rank = Math.min(words.rank(word) ?? Infinity, words.rank(candidate) ?? Infinity);
      const usedFloor = rank < commonRank ? commonFloor : floor;
      if (similarity !== undefined && similarity > usedFloor)
        strength = Math.min(ceilingValue, ((similarity - usedFloor) / (ceiling - usedFloor)) * ceilingValue);
    }
    if (strength > 0) found.set(candidate, strength);
  }
  return found;
}

test('GIVEN the article THEN matching by stem, family and vector neighbours finds exactly what a scan of the vocabulary finds', async () => {
  const words = loadWordVectors({ modelDir: sharedModelDir });
  const lexical = new LexicalIndex(chunkCorpus((await loadCorpus(articleCorpus)).corpus));
  const matcher = new TermMatcher(lexical.vocabulary, words);
  for (const word of ['quarrel', 'apologised', 'russian', 'closure', 'plane', 'arrested', 'border', 'unknownish']) {
    const indexed = matcher.matches(word, stemWord(word));
    const scanned = scanMatches(lexical.vocabulary, words, word);
    assert.deepEqual([...indexed.keys()].sort(), [...scanned.keys()].sort(), word);
    for (const [candidate, strength] of scanned) assert.ok(Math.abs((indexed.get(candidate) ?? 0) - strength) < 1e-3, `${word} ~ ${candidate}`);
  }
  assert.ok(lexical.knowsName('russians') && lexical.knowsName('azerbaijani') && !lexical.knowsName('france'));
});

test('GIVEN a vocabulary compared exhaustively THEN each similarity is the in-order dot product of the two vectors, to the last bit', () => {
  const words = loadWordVectors({ modelDir: sharedModelDir });
  const vocabulary = words.commonWords().slice(200, 6200);
  const neighbours = new WordNeighbours(vocabulary, words);
  for (const word of ['quarrel', 'closure', 'border', 'sever', 'tension']) {
    const query = words.vector(word) as Float32Array;
    const expected = new Map<string, number>();
    for (const candidate of vocabulary) {
      const vector = words.vector(candidate) as Float32Array;
      let dot = 0;
      for (let dimension = 0; dimension < query.length; dimension += 1) dot += (query[dimension] as number) * (vector[dimension] as number);
      if (dot > 0.4) expected.set(candidate, dot);
    }
    assert.ok(expected.size > 0, word);
    assert.deepEqual(neighbours.near(word, 0.4), expected, word);
  }
});

test('GIVEN a library-sized vocabulary THEN the neighbour graph finds nearly every close word the exhaustive comparison finds', () => {
  const words = loadWordVectors({ modelDir: sharedModelDir });
  const vocabulary: string[] = [];
  for (let rank = 0; vocabulary.length < 24_000; rank += 1) {
    const word = words.commonWords()[rank];
    if (word !== undefined && /^[a-z]+$/u.test(word)) vocabulary.push(word);
  }
  const graph = new WordNeighbours(vocabulary, words);
  let found = 0;
  let expected = 0;
  for (const query of ['quarrel', 'border', 'freedom', 'aircraft', 'arrest', 'culture', 'pressure', 'weakness']) {
    const exact = new Set<string>();
    for (const candidate of vocabulary) if ((words.similarity(query, candidate) ?? 0) > 0.6) exact.add(candidate);
    const near = graph.near(query, 0.6);
    expected += exact.size;
    for (const candidate of exact) if (near.has(candidate)) found += 1;
  }
  assert.ok(expected > 20, `enough close pairs to measure (${expected})`);
  assert.ok(found / expected >= 0.9, `recall ${found}/${expected}`);
});

test('GIVEN a graph saved beside the index THEN the next start reads it back with the same neighbours; another vocabulary or a damaged file builds anew', () => {
  const folder = temporaryFolder('word-graph');
  try {
    const words = loadWordVectors({ modelDir: sharedModelDir });
    const vocabulary = ['quarrel', 'dispute', 'tension', 'border', 'frontier', 'aircraft', 'plane', 'arrest', 'detention', 'culture'];
    const options = { cacheDirectory: folder.path, exhaustiveLimit: 4 };
    const built = new WordNeighbours(vocabulary, words, options);
    const saved = readdirSync(folder.path).filter((name) => name.endsWith('.hnsw'));
    assert.equal(saved.length, 1, 'one graph file, no temporary file');
    assert.ok(!built.graphFromCache);

    const read = new WordNeighbours(vocabulary, words, options);
    assert.ok(read.graphFromCache, 'the second start reads the saved graph');
    for (const query of ['quarrel', 'aeroplane', 'frontier']) assert.deepEqual([...read.near(query, 0.3)].sort(), [...built.near(query, 0.3)].sort(), query);

    const other = new WordNeighbours([...vocabulary, 'freedom'], words, options);
    assert.ok(!other.graphFromCache);
    assert.equal(readdirSync(folder.path).filter((name) => name.endsWith('.hnsw')).length, 1, 'the old vocabulary’s graph is removed');

    const file = path.join(folder.path, readdirSync(folder.path)[0] ?? '');
    writeFileSync(file, 'not a graph');
    const rebuilt = new WordNeighbours([...vocabulary, 'freedom'], words, options);
    assert.ok(!rebuilt.graphFromCache);
    assert.ok(rebuilt.near('liberty', 0.3).has('freedom'));
  } finally {
    folder.remove();
  }
});
