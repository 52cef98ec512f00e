import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameWordFamily, tokenize } from '../../src/language/tokenize.js';

test('GIVEN words of one family THEN they match without the word vectors', () => {
  for (const [first, second] of [
    ['closure', 'close'],
    ['apologised', 'apology'],
    ['beaten', 'beatings'],
    ['russia', 'russian'],
    ['detained', 'detain'],
  ]) {
    assert.ok(sameWordFamily(first as string, second as string), `${first} ~ ${second}`);
  }
});

test('GIVEN words that only share letters THEN they are not a family', () => {
  for (const [first, second] of [
    ['respond', 'responsible'],
    ['press', 'president'],
    ['capital', 'captain'],
    ['arm', 'army'],
  ]) {
    assert.ok(!sameWordFamily(first as string, second as string), `${first} !~ ${second}`);
  }
});

test('GIVEN contractions THEN "can’t" keeps "can" and adds a negation, and possessives drop their "’s"', () => {
  assert.deepEqual(
    tokenize('Why can’t Baku’s leaders cut ties?').map((token) => token.word),
    ['why', 'can', 'not', 'baku', 'leaders', 'cut', 'ties'],
  );
});
