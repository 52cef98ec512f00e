/**
 * "Who is <name>?" is answered by the byline when the name is the author's and no paragraph names them; a name
 * the text itself speaks of is answered from the text. (bylineAnswer looks for the author before reading every
 * paragraph: on a 21 MB library the paragraphs cost 2.5 s a question.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { realEngine } from '../discord/bot-harness.js';

test('GIVEN a question naming the author, whom no paragraph names THEN the byline answers, quoted', async () => {
  const engine = await realEngine();
  for (const question of ['Who is Tabrizi?', 'Who is Mehdi Seyf Tabrizi?']) {
    const outcome = await engine.ask(question);
    assert.ok(outcome.ok);
    assert.equal(outcome.answer.answer, 'Mehdi Seyf Tabrizi wrote “How Baku is playing with fire—without getting burned”.', question);
    assert.deepEqual(
      outcome.answer.quotes.map((quote) => quote.text),
      ['By Mehdi Seyf Tabrizi, Expert in Azerbaijan Affairs'],
    );
  }
});

test('GIVEN a question naming what a paragraph names and no author THEN the text answers, not a byline', async () => {
  const engine = await realEngine();
  const outcome = await engine.ask('Who were the two men who died in Yekaterinburg?');
  assert.ok(outcome.ok);
  assert.doesNotMatch(outcome.answer.answer, /wrote “/u);
  assert.match(outcome.answer.answer, /brothers Hussein and Ziyaddin Safarov/u);
});
