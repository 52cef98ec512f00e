/**
 * Whether a text writes a word as a noun, read from the part-of-speech tags of the sentences holding it: the
 * Valencia text's only "book" is a verb ("tourists would book elsewhere"), so a question about a good book is not
 * about it; its "tourists" and "pools" are nouns.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { chunkCorpus } from '../../src/chunking/chunk-corpus.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { stemWord } from '../../src/language/tokenize.js';
import { LexicalIndex } from '../../src/retrieval/lexical-index.js';
import { sentencesWith, writesAsNoun } from '../../src/retrieval/word-uses.js';
import { projectRoot } from '../helpers/test-config.js';

let lexical: LexicalIndex;
before(async () => {
  lexical = new LexicalIndex(chunkCorpus((await loadCorpus(path.join(projectRoot, 'eval/texts'))).corpus));
});

test('GIVEN a word the text writes only as a verb THEN it is not used as a noun; words it writes as nouns are', () => {
  assert.equal(writesAsNoun(lexical, stemWord('book')), false);
  assert.equal(writesAsNoun(lexical, stemWord('tourists')), true);
  assert.equal(writesAsNoun(lexical, stemWord('pools')), true);
  assert.equal(writesAsNoun(lexical, stemWord('plov')), false, 'a word the text lacks has no noun use');
});

test('GIVEN one document of a library THEN only its own sentences count', () => {
  const valencia = lexical.chunkRange('how-valencia-rationed-its-water.txt');
  const trams = lexical.chunkRange('lindmark-night-trams.txt');
  assert.ok(valencia !== undefined && trams !== undefined);
  assert.equal(writesAsNoun(lexical, stemWord('tourists'), valencia), true);
  assert.equal(writesAsNoun(lexical, stemWord('tourists'), trams), false, 'the trams text never mentions tourists');
  const sentences = sentencesWith(lexical, stemWord('tourists'), valencia);
  assert.ok(sentences.length >= 1);
  for (const position of sentences) assert.match(lexical.sentence(position).sentence.text, /tourist/iu);
  assert.deepEqual(sentencesWith(lexical, stemWord('tourists'), trams), []);
  assert.equal(sentencesWith(lexical, stemWord('water'), undefined, 2).length, 2, 'at most the limit');
});
