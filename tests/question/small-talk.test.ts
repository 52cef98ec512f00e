import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SMALL_TALK_REPLY, checkQuestion, isSmallTalk } from '../../src/answering/check-question.js';

test('GIVEN a message that only greets, thanks or acknowledges THEN it is not answered from the text but gets a short friendly reply', () => {
  for (const message of ['thanks!', 'Thank you so much', 'hi', 'hey there', 'ok cool', 'lol', 'thx bot', 'good morning', 'hey whats up', 'how are you doing']) {
    assert.equal(isSmallTalk(message), true, message);
    assert.deepEqual(checkQuestion(message), { ok: false, problem: { kind: 'not-a-question', message: SMALL_TALK_REPLY } });
  }
});

test('GIVEN a greeting with a question in it, or a question made of everyday words THEN it is a question', () => {
  for (const message of [
    'hi, why did Baku close the Russian House',
    'thanks, what happened next?',
    'ok?',
    'what time is it',
    'thanks to whom was the tension eased',
  ])
    assert.equal(isSmallTalk(message), false, message);
  assert.equal(checkQuestion('hi, why did Baku close the Russian House').ok, true);
});
