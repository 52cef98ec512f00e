import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHAT_WRAPPERS, typedChatty } from '../../src/evaluation/typed-chatty.js';

const items = [
  { id: 'q1', turns: ['Why did Baku close the Russian House?'], evidence: ['intelligence'], answerable: true },
  { id: 'q2', turns: ['who is zakharova', 'what did she say'], evidence: [], answerable: false },
];

test('GIVEN a question set THEN its last turns get one chat greeting or sign-off each, the same on every run', () => {
  const chatty = typedChatty(items, 'seed');
  assert.deepEqual(typedChatty(items, 'seed'), chatty, 'the same seed gives the same set');
  const [first, second] = chatty;
  assert.ok(
    CHAT_WRAPPERS.some((wrapper) => wrapper.replace('{}', 'Why did Baku close the Russian House?') === first?.turns[0]),
    `wrapped: ${first?.turns[0]}`,
  );
  assert.equal(second?.turns[0], 'who is zakharova', 'earlier turns are left as they are');
  assert.notEqual(second?.turns[1], 'what did she say');
  assert.deepEqual(second?.evidence, [], 'evidence and labels are kept');
});
