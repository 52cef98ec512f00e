import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksForPerson, firstPersonIn, nameWords, namesPersonIn, peopleAmong } from '../../src/language/name-words.js';

test('GIVEN names typed in lower case THEN their words are found, each with the whole name', () => {
  const names = nameWords('what did nato and the european union say in madrid');
  assert.equal(names.get('nato'), 'nato');
  assert.equal(names.get('union'), 'european union');
  assert.equal(names.get('madrid'), 'madrid');
});

test('GIVEN only common words THEN no name is found', () => {
  assert.deepEqual([...nameWords('how do i cook rice for my family')], []);
  assert.deepEqual([...nameWords('why did the brothers die')], []);
});

test('GIVEN a text THEN a name it gives a person by first name or title reads as a person; places and things do not', () => {
  const text =
    'The tension eased thanks to Vladimir Putin’s apology. Spokesperson Maria Zakharova spoke of an alliance. The plane crashed in Kazakhstan; Sputnik reported it.';
  assert.equal(namesPersonIn(text, 'putin'), true, 'lower case, as a question types it');
  assert.equal(namesPersonIn(text, 'Zakharova'), true);
  assert.equal(namesPersonIn(text, 'Kazakhstan'), false);
  assert.equal(namesPersonIn(text, 'the plane crash'), false);
  assert.equal(namesPersonIn(text, 'Sputnik'), false);
  assert.equal(namesPersonIn(text, 'Peskov'), false, 'a name the text never uses');
});

test('GIVEN a paragraph THEN the first person it names is found as written; common words are no person', () => {
  assert.equal(firstPersonIn('DJ Kool Herc developed the style. Herc used the record to focus on the break.'), 'DJ Kool Herc');
  assert.equal(firstPersonIn('The plan came from deputy mayor Rosa Vintner, who had campaigned on it.'), 'Rosa Vintner');
  assert.equal(firstPersonIn('The break was the part the dancers liked best.'), undefined);
});

test('GIVEN "what/which" and a noun THEN a noun for a person or a role asks for a person; others do not', () => {
  assert.equal(asksForPerson('What researcher first used the word oxygen?'), true);
  assert.equal(asksForPerson('which president signed the treaty'), true);
  assert.equal(asksForPerson('Which local leaders objected?'), true);
  assert.equal(asksForPerson('what kind of forest is it'), false);
  assert.equal(asksForPerson('what group of people lives there'), false);
  assert.equal(asksForPerson('which city is the largest'), false);
});

test('GIVEN the names of a sentence THEN those of people are told from newspapers, places and things by a title or a first name', () => {
  const sentence = 'According to The Washington Post, the idea came from deputy mayor Rosa Vintner and was tested at Stagg Field.';
  assert.deepEqual(peopleAmong(sentence, ['The Washington Post', 'Rosa Vintner', 'Stagg Field']), ['Rosa Vintner']);
  assert.deepEqual(peopleAmong('The plan was approved in Brussels.', ['Brussels']), []);
});
