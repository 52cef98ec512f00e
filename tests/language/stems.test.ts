import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemWord } from '../../src/language/tokenize.js';

test('GIVEN a verb in an irregular or short "-ie" form THEN it stems as its base form, as a question asks it', () => {
  const pairs: [string, string][] = [
    ['began', 'begin'],
    ['paid', 'pay'],
    ['shot', 'shoot'],
    ['died', 'die'],
    ['dies', 'die'],
    ['dying', 'die'],
    ['lying', 'lie'],
  ];
  for (const [form, base] of pairs) assert.equal(stemWord(form), stemWord(base), `${form} ~ ${base}`);
  // Regular words keep Porter's stems; a longer "-ies" word is not read as an "-ie" verb.
  assert.equal(stemWord('relations'), 'relat');
  assert.equal(stemWord('flies'), 'fli');
  assert.equal(stemWord('constructor'), 'constructor', 'an Object property name is no irregular verb');
  assert.equal(stemWord('2025'), '2025');
});
