/**
 * "how much…", "how + adjective" and "how many…" are answered by the amount asked (answering/amount-answer.ts), even
 * where the selector doubts the question is answered. Real engine, two real texts of eval/texts.
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
const corpus = temporaryFolder('amount-questions');
const data = temporaryFolder('amount-questions-data');
let engine: Engine;

before(async () => {
  for (const file of TEXTS) copyFileSync(path.join(projectRoot, 'eval/texts', file), path.join(corpus.path, file));
  engine = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path }));
});
after(() => {
  corpus.remove();
  data.remove();
});

async function ask(question: string): Promise<Answer> {
  const outcome = await engine.ask(question, { conversationId: question });
  assert.ok(outcome.ok);
  return outcome.answer;
}

test('GIVEN "how much" of a thing the likeliest sentence measures THEN it answers, though the selector doubts it', async () => {
  assert.match((await ask('how much water does each person get')).answer, /100 litres per person per day/u);
  assert.match((await ask('how much money do farmers get for drip irrigation')).answer, /45 million euros/u);
});

test('GIVEN "how many" and a likely sentence that counts the very thing asked THEN it answers', async () => {
  assert.match((await ask('how many driver vacancies are there')).answer, /38 vacancies/u);
});

test('GIVEN "how" and an adjective of degree THEN the sentence that gives an amount near its words comes first', async () => {
  assert.match((await ask('how full are valencias reservoirs')).answer, /18 percent of capacity/u);
});

test('GIVEN "how much" of something the texts never name THEN it still abstains', async () => {
  assert.ok((await ask('how much does a ps5 cost')).abstained);
  assert.ok((await ask('how much is a night tram ticket')).abstained);
});
