import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutChatFiller } from '../../src/question/chat-filler.js';
import { checkQuestion } from '../../src/answering/check-question.js';

test('GIVEN a question with a greeting, a preface or a sign-off THEN they are taken off its ends', () => {
  const cases: [string, string][] = [
    ['hey what did the autopsys show', 'what did the autopsys show'],
    ['what did the autopsys show lol', 'what did the autopsys show'],
    ['omg who is eldar namazov', 'who is eldar namazov'],
    ['quick question: what did the autopsys show', 'what did the autopsys show'],
    ['yo bot Roughly when did Baku first try?', 'Roughly when did Baku first try?'],
    ['what did russia say? lol', 'what did russia say?'],
    ['what did the autopsys show pls help', 'what did the autopsys show'],
    ['um since when has that been the case', 'since when has that been the case'],
    ['ok but what did she say', 'but what did she say'],
  ];
  for (const [typed, question] of cases) assert.equal(withoutChatFiller(typed), question, typed);
});

test('GIVEN words that may be chat filler but belong to the question THEN they stay', () => {
  for (const question of ['why did the hotels want help', 'wait times at the harbour?', 'what is the question', 'is it ok', 'thanks!', 'lol'])
    assert.equal(withoutChatFiller(question), question, question);
});

test('GIVEN a checked question with chat filler THEN the question answered is without it, and small talk is still refused', () => {
  const checked = checkQuestion('hey who shot down the azal plane lol');
  assert.deepEqual(checked.ok && checked.question, 'who shot down the azal plane');
  assert.equal(checkQuestion('thanks!').ok, false);
});

test('GIVEN a question asked inside another THEN the frame comes off before the question word, and only then', () => {
  const cases: [string, string][] = [
    ['i need to know what did the autopsys show', 'what did the autopsys show'],
    ['hey can you tell me who shot the plane down lol', 'who shot the plane down'],
    ['do you know who eldar namazov is', 'who eldar namazov is'],
    ['does anyone know how many died?', 'how many died?'],
    ['i was wondering why baku did it', 'why baku did it'],
    ['idk who is eldar namazov', 'who is eldar namazov'],
    ['what did the autopsys show btw', 'what did the autopsys show'],
  ];
  for (const [typed, question] of cases) assert.equal(withoutChatFiller(typed), question, typed);
  for (const request of ['tell me about the trams', 'can you tell me the cost', 'i want to know more about it'])
    assert.equal(withoutChatFiller(request), request, request);
});
