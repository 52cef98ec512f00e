import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createModelRewriter } from '../../src/conversation/model-rewriter.js';
import type { ModelRewriterOptions } from '../../src/conversation/model-rewriter.js';
import { promptText, reply, startFakeOpenAi } from '../fakes/fake-openai.js';
import type { FakeOpenAi } from '../fakes/fake-openai.js';
import { llmConfig } from '../answering/llm-fixtures.js';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const history = [{ question: 'Who was arrested in Baku?', answer: 'Staff of Sputnik’s Baku office and several other Russian citizens.' }];
const followUp = 'What were they charged with?';
const standalone = 'What were the Russian citizens arrested in Baku charged with?';

function rewriter(options: Partial<ModelRewriterOptions> & { timeoutMs?: number } = {}) {
  return createModelRewriter({ llm: llmConfig(fake.baseUrl), ...options });
}

describe('model rewriter', () => {
  test('GIVEN a follow-up that leans on the previous turn THEN the model’s standalone question comes back', async () => {
    fake.queueChat(reply.structured({ standaloneQuestion: `  ${standalone}\n` }));
    const rewritten = await rewriter().rewrite({ history, question: followUp });
    assert.equal(rewritten, standalone);
    const request = fake.chatRequests()[0]!;
    assert.equal(request.response_format?.type, 'json_schema');
    const prompt = promptText(request);
    assert.match(prompt, /<turn n="1">\nQuestion: Who was arrested in Baku\?\nAnswer: Staff of Sputnik’s Baku office/);
    assert.match(prompt, /<question>What were they charged with\?<\/question>/);
  });

  test('GIVEN tool calling THEN it works the same', async () => {
    fake.queueChat(reply.structured({ standaloneQuestion: standalone }));
    assert.equal(await rewriter({ structuredOutputMethod: 'functionCalling' }).rewrite({ history, question: followUp }), standalone);
    assert.equal(fake.chatRequests()[0]?.tools?.[0]?.function.name, 'standalone_question');
  });

  test('GIVEN a long conversation THEN only the last six turns are sent', async () => {
    fake.queueChat(reply.structured({ standaloneQuestion: standalone }));
    const long = Array.from({ length: 10 }, (_, index) => ({ question: `Question number ${index}?`, answer: `Answer ${index}.` }));
    await rewriter().rewrite({ history: long, question: followUp });
    const prompt = promptText(fake.chatRequests()[0]!);
    assert.doesNotMatch(prompt, /Question number 3\?/);
    assert.match(prompt, /Question number 4\?/);
    assert.match(prompt, /Question number 9\?/);
  });

  test('GIVEN no earlier turns THEN the model is not asked', async () => {
    assert.equal(await rewriter().rewrite({ history: [], question: followUp }), undefined);
    assert.equal(fake.requests.length, 0);
  });

  const failures: [string, () => ReturnType<typeof reply.status>][] = [
    ['a 500', () => reply.status(500)],
    ['malformed JSON', () => reply.content('{"standaloneQuestion": ')],
    ['an empty standalone question', () => reply.structured({ standaloneQuestion: '   ' })],
    ['an answer instead of a question', () => reply.structured({ standaloneQuestion: 'They were charged with fraud. '.repeat(40) })],
    ['a refusal', () => reply.refusal('I cannot help.')],
  ];
  for (const [what, make] of failures) {
    test(`GIVEN ${what} THEN undefined, so the offline resolver takes over`, async () => {
      fake.queueChat(make());
      assert.equal(await rewriter().rewrite({ history, question: followUp }), undefined);
      assert.equal(fake.chatRequests().length, 1);
    });
  }

  test('GIVEN a 429 THEN it does not wait or retry: the offline resolver is immediate', async () => {
    fake.queueChat(reply.rateLimited(1), reply.structured({ standaloneQuestion: standalone }));
    const started = performance.now();
    assert.equal(await rewriter().rewrite({ history, question: followUp }), undefined);
    assert.ok(performance.now() - started < 900);
    assert.equal(fake.chatRequests().length, 1);
  });

  test('GIVEN a slow model THEN undefined within its own budget', async () => {
    fake.queueChat(reply.structured({ standaloneQuestion: standalone }, { delayMs: 5_000 }));
    const started = performance.now();
    assert.equal(await rewriter({ timeoutMs: 100 }).rewrite({ history, question: followUp }), undefined);
    assert.ok(performance.now() - started < 1_000);
  });
});
