import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearFutureWords } from '../../src/question/near-future.js';

const thursday = new Date('2026-12-03T10:00:00Z');

test("GIVEN a question about the asker's coming days THEN the words naming them are found", () => {
  assert.equal(nearFutureWords('whats the weather like tomorrow', thursday), 'tomorrow');
  assert.equal(nearFutureWords('will it rain on friday', thursday), 'friday');
  assert.equal(nearFutureWords('what will happen next week', thursday), 'next week');
  assert.equal(nearFutureWords('whats a good movie to watch tonight', thursday), 'tonight');
  assert.equal(nearFutureWords('whats on this evening', thursday), 'this evening');
});

test('GIVEN a question about the past, a far year, a dated day or no time at all THEN none is found', () => {
  assert.equal(nearFutureWords('what happened last week', thursday), undefined);
  assert.equal(nearFutureWords('What are the first buildings known as today?', thursday), undefined);
  assert.equal(nearFutureWords('what will happen in 2050', thursday), undefined);
  assert.equal(nearFutureWords('what happened on 4 december', thursday), undefined);
  assert.equal(nearFutureWords('why did baku close the russian house', thursday), undefined);
});
