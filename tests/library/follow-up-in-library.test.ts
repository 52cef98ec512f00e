/**
 * In a library, a follow-up that names nothing of its own is asked of the text that answered the turn before
 * (engine/answer-from-text.ts): "who are they mostly?" after a question about the night trams is not sent to
 * another text by its plain words. Real engine, two real texts of eval/texts.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import type { Answer } from '../../src/answering/types.js';
import { projectRoot, temporaryFolder, testConfig } from '../helpers/test-config.js';

const TEXTS = ['lindmark-night-trams.txt', 'how-valencia-rationed-its-water.txt'];
const corpus = temporaryFolder('follow-up-library');
const data = temporaryFolder('follow-up-library-data');
let engine: Engine;

before(async () => {
  for (const file of TEXTS) copyFileSync(path.join(projectRoot, 'eval/texts', file), path.join(corpus.path, file));
  engine = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path }));
});
after(() => {
  corpus.remove();
  data.remove();
});

async function ask(question: string, conversationId: string): Promise<Answer> {
  const outcome = await engine.ask(question, { conversationId });
  assert.ok(outcome.ok);
  return outcome.answer;
}

test('GIVEN a follow-up naming nothing of its own in a library THEN it is answered from the text of the turn before', async () => {
  const first = await ask('how many people use it', 'library-1');
  assert.match(first.quotes[0]?.documentTitle ?? '', /Lindmark/u);
  const followUp = await ask('who are they mostly', 'library-1');
  for (const quote of followUp.quotes) assert.match(quote.documentTitle, /Lindmark/u, `quoted from ${quote.documentTitle}`);
});

test('GIVEN a follow-up joined by "and" that names its own subject and no pronoun THEN it is answered as a question of its own', async () => {
  const first = await ask('what did teruel accuse valencia of', 'library-2');
  assert.match(first.answer, /Teruel accused Valencia/u);
  const followUp = await ask('and what did valencias mayor say back', 'library-2');
  assert.match(followUp.answer, /Jorge Ferrer, replied/u);
});

test('GIVEN a first turn with a slip the texts lack ("nite") THEN a later "them" stands for what the texts speak of, not for the slip', async () => {
  await ask('how often do the trams run at nite', 'library-3');
  const followUp = await ask('who pays for them', 'library-3');
  assert.doesNotMatch(followUp.standaloneQuestion, /\bnite\b/u);
  assert.match(followUp.standaloneQuestion, /trams/u);
  assert.doesNotMatch(followUp.answer, /doesn't mention nite/u);
});

test('GIVEN "how tall is he" after a question about a person, in an adjective the texts lack THEN it says the text does not give his height, not that it does not mention "tall"', async () => {
  await ask('who is daniel okafor', 'library-measure');
  const followUp = await ask('how tall is he', 'library-measure');
  assert.ok(followUp.abstained);
  assert.equal(followUp.answer, "The text doesn't say how tall Daniel Okafor is.");
});
