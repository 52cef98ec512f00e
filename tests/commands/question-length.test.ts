import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_QUESTION_CHARACTERS, checkQuestion } from '../../src/answering/check-question.js';
import { askCommand } from '../../src/commands/handlers/ask.js';

test('GIVEN the /ask option THEN Discord accepts exactly as many characters as the engine does', () => {
  const option = askCommand.data.options?.find((candidate) => candidate.name === 'question') as { max_length?: number } | undefined;
  assert.equal(option?.max_length, MAX_QUESTION_CHARACTERS);
  const longest = `Why did Baku close the Russian House? ${'x'.repeat(MAX_QUESTION_CHARACTERS)}`.slice(0, MAX_QUESTION_CHARACTERS);
  assert.equal(checkQuestion(longest).ok, true, 'the longest question Discord lets through is not refused by the engine');
  assert.equal(checkQuestion(`${longest}?`).ok, false);
});
