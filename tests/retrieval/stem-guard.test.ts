import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemMatchStrength, TermMatcher } from '../../src/retrieval/term-matcher.js';
import { stemWord } from '../../src/language/tokenize.js';

test('GIVEN words sharing a Porter stem THEN an inflection matches fully and a derivation far from the word does not (author ≠ authorities)', () => {
  assert.equal(stemWord('author'), stemWord('authorities'));
  assert.equal(stemMatchStrength('died', 'dies'), 1);
  assert.equal(stemMatchStrength('killing', 'killed'), 1);
  assert.ok(stemMatchStrength('author', 'authorities') < 0.85);
  const vocabulary = new Map(['authorities', 'author', 'authors'].map((word) => [word, stemWord(word)]));
  const matches = new TermMatcher(vocabulary, undefined).matches('author', stemWord('author'));
  assert.equal(matches.get('authors'), 1);
  assert.ok((matches.get('authorities') ?? 0) < (matches.get('author') ?? 0));
});
