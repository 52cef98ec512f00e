import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionTopics } from '../../src/question/question-topics.js';

test('GIVEN a question THEN its topics are its nouns and names, less those that only say what kind of answer is wanted', () => {
  assert.deepEqual(questionTopics('what time does the library close').topics, ['library']);
  assert.deepEqual(questionTopics('who won the champions league last year').topics, ['champions', 'league']);
  assert.deepEqual(questionTopics('Why did Baku close the Russian House?').topics, ['baku', 'russian', 'house']);
  assert.deepEqual(questionTopics('how old is ilham aliyev').topics, ['ilham', 'aliyev']);
  // A time expression (the English model's date and time entities) says when, not what about.
  assert.deepEqual(questionTopics('what did the council decide in December').topics, ['council']);
  assert.deepEqual(questionTopics('what did the mayor say last week').topics, ['mayor']);
  assert.deepEqual(questionTopics('what happened to the reservoirs in late 2024').topics, ['reservoirs']);
  // After "do/does/did" comes the subject, even a plural the tagger reads as a verb.
  assert.deepEqual(questionTopics('when did records begin').topics, ['records']);
  assert.deepEqual(questionTopics('did sanctions hurt russia').topics, ['sanctions', 'russia']);
  assert.deepEqual(questionTopics('what did they do').topics, []);
});

test('GIVEN "what X", "who is the X", "what is the X of Y" THEN X is the noun asked for; a category noun or none gives nothing', () => {
  assert.equal(questionTopics('what currency does azerbaijan use').askedNoun, 'currency');
  assert.equal(questionTopics('who is the russian ambassador in baku').askedNoun, 'ambassador');
  assert.equal(questionTopics('What is the capital of Kazakhstan?').askedNoun, 'capital');
  assert.equal(questionTopics('who was the pilot').askedNoun, 'pilot');
  assert.equal(questionTopics('Which regions did some Russians want handed to Dagestan?').askedNoun, undefined);
  assert.equal(questionTopics('Why did Baku close the Russian House?').askedNoun, undefined);
});

test('GIVEN a noun the tagger reads as an adjective before "thing" THEN it is the topic ("the plane thing" is about the plane; "the whole thing" is not about "whole")', () => {
  assert.deepEqual(questionTopics('how did putin fix the plane thing').topics, ['putin', 'plane']);
  assert.deepEqual(questionTopics('how did the whole thing start').topics, []);
});
