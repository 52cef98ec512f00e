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
