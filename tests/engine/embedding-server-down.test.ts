/**
 * EMBEDDING_MODEL set and its server down (issue 12: every /ask failed and the CLI exited 1 at start). With
 * an index that model built, footnote answers from the words of the text; without one, the error says what
 * to check. The real @langchain/openai client talks to the fake OpenAI server, which is then stopped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import { startFakeOpenAi } from '../fakes/fake-openai.js';
import { temporaryFolder, testConfig } from '../helpers/test-config.js';

const evidence = 'accused of facilitating Russian intelligence activities in Baku';

test('GIVEN an index built by an embedding server WHEN the server is down THEN the engine still opens and answers from the words of the text', async (t) => {
  const data = temporaryFolder('embeddings-down');
  t.after(() => data.remove());
  const fake = await startFakeOpenAi({ dimensions: 12 });
  const config = testConfig({ FOOTNOTE_DATA_DIR: data.path, OPENAI_BASE_URL: fake.baseUrl, EMBEDDING_MODEL: 'nomic-embed-text', LLM_TIMEOUT_MS: '5000' });
  const built = await openEngine(config);
  assert.equal(built.index.provider, 'openai');
  assert.equal(built.index.dimensions, 12);
  await fake.close();

  const engine = await openEngine(config);
  assert.equal(engine.index.dimensions, 12, 'the saved index is used, not rebuilt');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const outcome = await engine.ask('Why did Baku close the Russian House?');
    assert.ok(outcome.ok);
    assert.ok(!outcome.answer.abstained, outcome.answer.answer);
    assert.ok(
      outcome.answer.quotes.some((quote) => quote.text.includes(evidence)),
      outcome.answer.quotes.map((quote) => quote.text).join(' | '),
    );
  }
});

test('GIVEN no index and the embedding server down THEN opening fails with what to check', async (t) => {
  const data = temporaryFolder('embeddings-down-empty');
  t.after(() => data.remove());
  const fake = await startFakeOpenAi({ dimensions: 12 });
  const baseUrl = fake.baseUrl;
  await fake.close();
  const config = testConfig({ FOOTNOTE_DATA_DIR: data.path, OPENAI_BASE_URL: baseUrl, EMBEDDING_MODEL: 'nomic-embed-text' });
  await assert.rejects(openEngine(config), /check EMBEDDING_MODEL and OPENAI_BASE_URL/u);
});
