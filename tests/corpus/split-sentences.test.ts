import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../src/corpus/split-sentences.js';

const split = (text: string) => splitSentences(text).map((span) => text.slice(span.start, span.end));

test('GIVEN abbreviations, initials and decimals THEN no sentence breaks inside them', () => {
  assert.deepEqual(split('Dr. Smith met J. R. Jones at 3.5 p.m. in the U.S. office. Then they left.'), ['Dr. Smith met J. R. Jones at 3.5 p.m. in the U.S. office.', 'Then they left.']);
});

test('GIVEN curly quotes, question marks and em dashes THEN sentences end after the closing quote', () => {
  assert.deepEqual(split('He called it “a signal.” Was it? Yes—clearly. “Why?” she asked.'), ['He called it “a signal.”', 'Was it?', 'Yes—clearly.', '“Why?” she asked.']);
});

test('GIVEN a lowercase continuation after a period THEN it is not a new sentence', () => {
  assert.deepEqual(split('See fig. 3 for details. It shows e.g. the trend.'), ['See fig. 3 for details.', 'It shows e.g. the trend.']);
});

test('GIVEN "a.m." or "p.m." before a capitalised word THEN the sentence ends there, unless a day or a month follows', () => {
  assert.deepEqual(split('The last train left at 12:15 a.m. Shift workers relied on taxis.'), [
    'The last train left at 12:15 a.m.',
    'Shift workers relied on taxis.',
  ]);
  assert.deepEqual(split('The meeting is at 5 p.m. Monday in the hall.'), ['The meeting is at 5 p.m. Monday in the hall.']);
  assert.deepEqual(split('It ended at 9 a.m. on Monday. Then we left.'), ['It ended at 9 a.m. on Monday.', 'Then we left.']);
  assert.deepEqual(split('He moved to the U.S. Senate in 1990.'), ['He moved to the U.S. Senate in 1990.']);
});
