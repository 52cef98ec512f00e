import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRequestForm } from '../../src/question/request-form.js';

test('GIVEN a message that asks footnote to do something THEN it has the request form', () => {
  for (const message of [
    'recommend me a good movie',
    'can you write my essay',
    'Could u help with my homework?',
    'give me a recipe for paella',
    'tell me about the drought',
  ])
    assert.equal(isRequestForm(message), true, message);
});

test('GIVEN a question THEN it does not have the request form', () => {
  for (const message of [
    'will things calm down eventually',
    'why did Baku close the Russian House?',
    'how many ppl died',
    'closed the office?',
    'Helped by Turkey, what did Baku achieve?',
  ])
    assert.equal(isRequestForm(message), false, message);
});

test('GIVEN a request THEN what it asks for is the last noun of the first run of nouns after its verb', async () => {
  const { requestedThing } = await import('../../src/question/request-form.js');
  assert.equal(requestedThing('can you make me a study schedule'), 'schedule');
  assert.equal(requestedThing('give me a quiz'), 'quiz');
  assert.equal(requestedThing('write my essay for me'), 'essay');
  assert.equal(requestedThing('can you explain the water restrictions'), 'restrictions');
  assert.equal(requestedThing('can u tell me about the night trams'), 'trams');
  assert.equal(requestedThing('thanks'), undefined);
});
