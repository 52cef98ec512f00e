import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import { reply, startFakeOpenAi } from '../fakes/fake-openai.js';
import { articleFile, temporaryFolder, testConfig } from '../helpers/test-config.js';

type Fake = Awaited<ReturnType<typeof startFakeOpenAi>>;
const data = temporaryFolder('engine-model');
let fake: Fake;
const file = readFileSync(articleFile, 'utf8');
const evidence = 'this cultural center was accused of facilitating Russian intelligence activities in Baku';

before(async () => {
  fake = await startFakeOpenAi();
});
after(async () => {
  await fake.close();
  data.remove();
});

const config = () => testConfig({ FOOTNOTE_DATA_DIR: data.path, OPENAI_BASE_URL: fake.baseUrl, LLM_TIMEOUT_MS: '30000' });

test('GIVEN a model at OPENAI_BASE_URL THEN ask answers in llm mode with only verified quotes', async () => {
  const engine = await openEngine(config());
  assert.equal(engine.mode, 'llm');
  fake.queueChat(
    reply.structured({
      answer: 'Baku media said the centre helped Russian intelligence.',
      notInText: false,
      quotes: [
        { text: `According to Baku media, ${evidence}`, passageId: 'P1' },
        { text: 'The Russian House was a nest of spies run by Putin himself.', passageId: 'P1' },
      ],
    }),
  );
  const outcome = await engine.ask('Why did Baku close the Russian House?');
  assert.ok(outcome.ok);
  const answer = outcome.answer;
  assert.equal(answer.mode, 'llm');
  assert.equal(answer.answer, 'Baku media said the centre helped Russian intelligence.');
  assert.ok(answer.quotes.length >= 1);
  for (const quote of answer.quotes) assert.equal(file.slice(quote.start, quote.end), quote.text);
  assert.ok(answer.quotes.some((quote) => quote.text.includes(evidence)));
  assert.ok(answer.droppedQuotes.some((dropped) => dropped.text.includes('nest of spies')));
});

test('GIVEN the model server fails THEN the offline answer is given, marked with why', async () => {
  const engine = await openEngine(config());
  fake.queueChat(reply.status(500));
  const outcome = await engine.ask('Why did Baku close the Russian House?');
  assert.ok(outcome.ok);
  assert.equal(outcome.answer.mode, 'extractive');
  assert.ok(outcome.answer.fallbackReason !== undefined && outcome.answer.fallbackReason.length > 0);
  assert.ok(outcome.answer.quotes.some((quote) => quote.text.includes(evidence)));
});
