import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isContentWord } from '../../src/language/tokenize.js';

test('GIVEN indefinite pronouns THEN they are function words, not topics ("nothing else?", "was anyone convicted")', () => {
  for (const word of ['nothing', 'something', 'anything', 'everything', 'anyone', 'someone', 'everyone', 'nobody', 'none'])
    assert.equal(isContentWord(word), false, word);
  for (const word of ['kremlin', 'convicted', 'crash']) assert.equal(isContentWord(word), true, word);
});
