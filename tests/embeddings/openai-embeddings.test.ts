import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createOpenAiEmbeddings, embeddingDimensions, EmbeddingsProbeError } from '../../src/embeddings/openai-embeddings.js';
import type { OpenAiEmbeddingsConfig } from '../../src/embeddings/openai-embeddings.js';
import { hashVector, reply, startFakeOpenAi } from '../fakes/fake-openai.js';
import type { FakeOpenAi } from '../fakes/fake-openai.js';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi({ dimensions: 12 });
});
afterEach(async () => {
  await fake.close();
});

function config(overrides: Partial<OpenAiEmbeddingsConfig> = {}): OpenAiEmbeddingsConfig {
  return { provider: 'openai', model: 'nomic-embed-text', apiKey: undefined, baseUrl: fake.baseUrl, ...overrides };
}

/** What the client must decode: the fake's vector, rounded to float32 on the wire. */
const expected = (text: string) => hashVector(text, 12).map((value) => Math.fround(value));

describe('OpenAI embeddings through the fake server', () => {
  test('GIVEN documents THEN the base64 float32 vectors decode to exactly what the server sent', async () => {
    const embeddings = createOpenAiEmbeddings(config());
    const vectors = await embeddings.embedDocuments(['Baku and Moscow', 'the downed plane']);
    assert.deepEqual(vectors, [expected('Baku and Moscow'), expected('the downed plane')]);
    const body = fake.requests[0]?.body as { model: string; input: string[]; encoding_format: string };
    assert.equal(body.encoding_format, 'base64');
    assert.equal(body.model, 'nomic-embed-text');
    assert.deepEqual(body.input, ['Baku and Moscow', 'the downed plane']);
    assert.equal(fake.requests[0]?.headers.authorization, 'Bearer no-key-configured');
  });

  test('GIVEN a query and an API key THEN the key is sent and the query embeds like a document', async () => {
    const embeddings = createOpenAiEmbeddings(config({ apiKey: 'sk-embeddings-test' }));
    assert.deepEqual(await embeddings.embedQuery('Who apologised?'), expected('Who apologised?'));
    assert.equal(fake.requests[0]?.headers.authorization, 'Bearer sk-embeddings-test');
  });

  test('GIVEN more texts than a batch THEN they go in several requests, in order', async () => {
    const texts = ['one', 'two', 'three', 'four', 'five'];
    const vectors = await createOpenAiEmbeddings(config(), { batchSize: 2 }).embedDocuments(texts);
    assert.deepEqual(fake.embeddingInputs(), [['one', 'two'], ['three', 'four'], ['five']]);
    assert.deepEqual(vectors, texts.map(expected));
  });

  test('GIVEN no dimensions in the options THEN they are measured with one probe', async () => {
    assert.equal(await embeddingDimensions(createOpenAiEmbeddings(config())), 12);
    assert.equal(fake.embeddingInputs().length, 1);
  });

  test('GIVEN dimensions in the options THEN the server is asked for that size and no probe is made', async () => {
    const embeddings = createOpenAiEmbeddings(config(), { dimensions: 12 });
    assert.equal(await embeddingDimensions(embeddings), 12);
    assert.equal(fake.requests.length, 0);
    await embeddings.embedQuery('x');
    assert.equal((fake.requests[0]?.body as { dimensions?: number }).dimensions, 12);
  });

  test('GIVEN the server does not know the model THEN the probe error says what to change', async () => {
    fake.queueEmbeddings(reply.status(404, { message: 'model "nomic-embed-text" not found' }));
    await assert.rejects(embeddingDimensions(createOpenAiEmbeddings(config(), { maxRetries: 0 })), (error: unknown) => {
      assert.ok(error instanceof EmbeddingsProbeError);
      assert.match(error.message, /check EMBEDDING_MODEL and OPENAI_BASE_URL/);
      return true;
    });
  });
});
