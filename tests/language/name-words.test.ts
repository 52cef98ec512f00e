import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameWords } from '../../src/language/name-words.js';

test('GIVEN names typed in lower case THEN their words are found, each with the whole name', () => {
  const names = nameWords('what did nato and the european union say in madrid');
  assert.equal(names.get('nato'), 'nato');
  assert.equal(names.get('union'), 'european union');
  assert.equal(names.get('madrid'), 'madrid');
});

test('GIVEN only common words THEN no name is found', () => {
  assert.deepEqual([...nameWords('how do i cook rice for my family')], []);
  assert.deepEqual([...nameWords('why did the brothers die')], []);
});
