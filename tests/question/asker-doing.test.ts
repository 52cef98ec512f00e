/** askerDoingWords (question/asker-doing.ts): a question about what the asker is to do, said back as "how to …". */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askerDoingWords } from '../../src/question/asker-doing.js';

test('GIVEN "how do i…", "where can i…", "what … should i…", "should i…" THEN the doing is said back in the infinitive', () => {
  assert.equal(askerDoingWords('how do i tie a tie'), 'how to tie a tie');
  assert.equal(askerDoingWords('where can i buy cheap flights?'), 'where to buy cheap flights');
  assert.equal(askerDoingWords('what shoes should i buy'), 'what shoes to buy');
  assert.equal(askerDoingWords('should i learn guitar or piano'), 'whether to learn guitar or piano');
  assert.equal(askerDoingWords('how do i delete my instagram'), 'how to delete your instagram');
  assert.equal(askerDoingWords('how do you say hello in russian'), 'how to say hello in russian');
});

test("GIVEN a question about the text, the bot's view, a timetable or someone else's doing THEN it is not the asker's doing", () => {
  for (const question of [
    'what do i need to know about the trams',
    'how do i cite this article',
    'what do you think about baku',
    'when can i ride the night tram',
    'how did putin fix it',
    'how many hours of sleep do i need',
  ])
    assert.equal(askerDoingWords(question), undefined, question);
});
