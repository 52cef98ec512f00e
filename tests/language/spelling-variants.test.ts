import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownSpelling, spellingVariants } from '../../src/language/spelling-variants.js';

test('GIVEN a British or an American spelling THEN the other one is among its variants', () => {
  const pairs: [string, string][] = [
    ['apologised', 'apologized'],
    ['organization', 'organisation'],
    ['analyse', 'analyze'],
    ['colour', 'color'],
    ['behavior', 'behaviour'],
    ['centre', 'center'],
    ['theaters', 'theatres'],
    ['defence', 'defense'],
    ['travelled', 'traveled'],
    ['canceling', 'cancelling'],
    ['catalogue', 'catalog'],
  ];
  for (const [from, to] of pairs) {
    assert.ok(spellingVariants(from).includes(to), `${from} → ${to}`);
    assert.ok(spellingVariants(to).includes(from), `${to} → ${from}`);
  }
});

test('GIVEN a word no rewrite fits THEN it has no variants, and only a variant the text uses is taken', () => {
  assert.deepEqual(spellingVariants('plane'), []);
  assert.deepEqual(spellingVariants('died'), []);
  const text = new Set(['apology', 'apologized']);
  assert.equal(
    knownSpelling('apologised', (word) => text.has(word)),
    'apologized',
  );
  assert.equal(
    knownSpelling('promised', (word) => text.has(word)),
    undefined,
    'promized is no word of the text',
  );
});
