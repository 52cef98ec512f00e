import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wholeTextRequest } from '../../src/question/whole-text-request.js';

test('GIVEN a question about the whole text THEN it is read as a request for its summary', () => {
  for (const question of [
    'what is this article about',
    "what's it about?",
    'tldr?',
    'can you summarize the article',
    'summarise it pls',
    'whats the main point of the article',
    'give me a quick overview',
    'what are the key takeaways',
  ])
    assert.equal(wholeTextRequest(question), 'summary', question);
});

test('GIVEN a question that names a topic, or none of these words THEN it is an ordinary question', () => {
  for (const question of [
    'summarize the part about sanctions',
    'what are the main arguments of the critics',
    'what is the Russian House about',
    'why did Baku close the Russian House',
    'what did the summary of the talks say about Moscow',
    'what did the investigators conclude',
  ])
    assert.equal(wholeTextRequest(question), undefined, question);
});

test('GIVEN a question about where the text ends up THEN it is read as a request for its conclusion', () => {
  for (const question of ["what's the conclusion", 'how does the article conclude?', 'what does the author conclude', 'whats the outlook'])
    assert.equal(wholeTextRequest(question), 'conclusion', question);
});
