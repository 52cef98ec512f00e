import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeOutShorthand } from '../../src/language/chat-shorthand.js';

test('GIVEN chat shorthand in a question THEN it is written out; names, initials and other words are left alone', () => {
  assert.equal(writeOutShorthand('how many ppl died bc of the crash'), 'how many people died because of the crash');
  assert.equal(writeOutShorthand('wat did the govt say abt it?'), 'what did the government say about it?');
  assert.equal(writeOutShorthand('did u.s. officials react? what did u think'), 'did u.s. officials react? what did you think');
  assert.equal(writeOutShorthand('What did GOV Smith say in the U.S.?'), 'What did GOV Smith say in the U.S.?');
  assert.equal(writeOutShorthand('Why did Baku close the Russian House?'), 'Why did Baku close the Russian House?');
});

test('GIVEN a contraction typed without its apostrophe THEN it is written out, so "whats X" asks what "what is X" asks', () => {
  assert.equal(writeOutShorthand('whats rossotrudnichestvo'), 'what is rossotrudnichestvo');
  assert.equal(writeOutShorthand('why didnt russia react, whos in charge'), 'why did not russia react, who is in charge');
  assert.equal(writeOutShorthand('Whats'), 'Whats', 'written with a capital: left as typed, like other shorthand');
});

test('GIVEN "y" opening a question and a lone "r" THEN they are "why" and "are"; a "y" elsewhere is left alone', () => {
  assert.equal(writeOutShorthand('y did baku close the russian house'), 'why did baku close the russian house');
  assert.equal(writeOutShorthand('y r they still fighting'), 'why are they still fighting');
  assert.equal(writeOutShorthand('what r the new rules'), 'what are the new rules');
  assert.equal(writeOutShorthand('is y bigger than x'), 'is y bigger than x');
  assert.equal(writeOutShorthand('y axis values'), 'y axis values');
});
