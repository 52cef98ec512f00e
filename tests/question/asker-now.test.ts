import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askerNowWords } from '../../src/question/asker-now.js';

test("GIVEN a question about the asker's present moment THEN what it asks is named for the abstention", () => {
  assert.equal(askerNowWords('what time is it'), 'what time it is now');
  assert.equal(askerNowWords('whats the time in new york?'), 'what time it is now');
  assert.equal(askerNowWords('what time is it in tokyo right now'), 'what time it is now');
  assert.equal(askerNowWords('what day is it today'), 'what day it is today');
  assert.equal(askerNowWords("what's the date today"), "today's date");
  assert.equal(askerNowWords('what year is it'), 'what year it is now');
  assert.equal(askerNowWords('what day of the week is it'), 'what day it is today');
  assert.equal(askerNowWords('whats the weather today'), 'what the weather is like now');
  assert.equal(askerNowWords('hows the weather outside'), 'what the weather is like now');
});

test('GIVEN a question about the time of something the text tells, or about the text itself THEN it is not one', () => {
  assert.equal(askerNowWords('what time was it'), undefined, 'the past: a follow-up about an event');
  assert.equal(askerNowWords('what day did the plane crash'), undefined);
  assert.equal(askerNowWords('what time is it when the last tram leaves'), undefined);
  assert.equal(askerNowWords('what is the time frame'), undefined);
  assert.equal(askerNowWords("what's the date"), undefined, "may ask the text's own date");
  assert.equal(askerNowWords('What is the date of the article?'), undefined);
  assert.equal(askerNowWords('what year is it in the story'), undefined);
  assert.equal(askerNowWords('what is the weather like in valencia'), undefined, 'a text about a place may say');
  assert.equal(askerNowWords('how was the weather that day'), undefined);
});
