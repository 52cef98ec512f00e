import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_QUESTION_CHARACTERS, checkQuestion, withoutMarkup } from '../../src/answering/check-question.js';
import { askCommand } from '../../src/commands/handlers/ask.js';

test('GIVEN the /ask option THEN Discord accepts exactly as many characters as the engine does', () => {
  const option = askCommand.data.options?.find((candidate) => candidate.name === 'question') as { max_length?: number } | undefined;
  assert.equal(option?.max_length, MAX_QUESTION_CHARACTERS);
  const longest = `Why did Baku close the Russian House? ${'x'.repeat(MAX_QUESTION_CHARACTERS)}`.slice(0, MAX_QUESTION_CHARACTERS);
  assert.equal(checkQuestion(longest).ok, true, 'the longest question Discord lets through is not refused by the engine');
  assert.equal(checkQuestion(`${longest}?`).ok, false);
});

test('GIVEN chat markup around a question THEN only its words are asked: code dropped, link text kept, markers off', () => {
  assert.equal(
    withoutMarkup('```js\nalert(1)\n``` **Why** did ||Baku|| close the __Russian House__? # heading\n> quoted [click](https://evil.example) `tick'),
    'Why did Baku close the Russian House? # heading quoted click tick',
  );
  assert.equal(withoutMarkup('see https://example.com/a?b=c — why did *they* do it'), 'see — why did *they* do it');
  assert.equal(withoutMarkup('# Why did Baku close it?'), 'Why did Baku close it?');
  assert.equal(checkQuestion('``` ```').ok, false, 'an empty code block has no question in it');
  assert.deepEqual(checkQuestion('**__||  ||__**'), checkQuestion(''), 'markers alone are an empty question, with its message');
});

test('GIVEN a question all inside a code block, or written with a right-to-left override THEN it reads as the reader sees it', () => {
  assert.equal(withoutMarkup('@everyone ```\nwhy did Baku close the Russian House?\n```'), 'why did Baku close the Russian House?');
  // Mentions say who is addressed, not what is asked: their words and ids are no question words.
  assert.equal(withoutMarkup('@here <@&112233445566778899> <@!998877665544332211> why did Baku close it? <#123456789012345678>'), 'why did Baku close it?');
  assert.equal(withoutMarkup('Why did Baku close the \u202Eesuoh naissuR\u202C?'), 'Why did Baku close the Russian house?');
});
