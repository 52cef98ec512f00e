/**
 * The real @langchain/openai client against the fake OpenAI server: what reaches the user when the model
 * cites well, invents, paraphrases, fails, stalls, rate-limits or babbles.
 */
import assert from 'node:assert/strict';
import { afterEach, before, beforeEach, describe, test } from 'node:test';
import { createLlmAnswerer } from '../../src/answering/llm-answerer.js';
import type { LlmAnswererOptions } from '../../src/answering/llm-answerer.js';
import type { Answer, Passage } from '../../src/answering/types.js';
import type { Corpus } from '../../src/corpus/types.js';
import { createLogger } from '../../src/logger.js';
import { promptText, reply, startFakeOpenAi } from '../fakes/fake-openai.js';
import type { FakeOpenAi } from '../fakes/fake-openai.js';
import { everyQuoteVerbatim, llmConfig, loadArticle, offlineAnswer, passageFor, sentenceStarting } from './llm-fixtures.js';
import { OwnTimeClock } from '../helpers/own-time-clock.js';

const QUESTION = 'What were the Russians charged with?';

let corpus: Corpus;
let fake: FakeOpenAi;
let passages: Passage[];
let fallback: Answer;
let euronews: string;

before(async () => {
  corpus = await loadArticle();
  passages = [passageFor(corpus, 11, undefined, 0.9), passageFor(corpus, 3, undefined, 0.7)];
  fallback = offlineAnswer(QUESTION, passages);
  euronews = sentenceStarting(corpus, 'Euronews reported');
});
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

function answerer(overrides: Partial<LlmAnswererOptions> & { timeoutMs?: number } = {}) {
  const { timeoutMs, ...rest } = overrides;
  return createLlmAnswerer({ llm: llmConfig(fake.baseUrl, timeoutMs === undefined ? {} : { timeoutMs }), corpus, ...rest });
}

function ask(options: Partial<LlmAnswererOptions> & { timeoutMs?: number } = {}, signal?: AbortSignal): Promise<Answer> {
  return answerer(options).answer({ question: QUESTION, standaloneQuestion: QUESTION, passages, fallback, ...(signal === undefined ? {} : { signal }) });
}

const goodReply = () => ({
  answer: 'They were charged with large-scale fraud, illegal entrepreneurship and money laundering.',
  notInText: false,
  quotes: [{ text: euronews, passageId: 'P1' }],
});

describe('a good cited answer', () => {
  test('GIVEN the model quotes a passage exactly (JSON schema mode) THEN its answer and the located quote are shown', async () => {
    fake.queueChat(reply.structured(goodReply()));
    const answer = await ask();

    assert.equal(answer.mode, 'llm');
    assert.equal(answer.fallbackReason, undefined);
    assert.equal(answer.answer, goodReply().answer);
    assert.equal(answer.quotes.length, 1);
    const [quote] = answer.quotes;
    assert.equal(quote?.text, euronews);
    assert.equal(quote?.paragraph, 11);
    assert.equal(quote?.section, 'Arrests of Russian citizens and targeted charges');
    assert.ok(everyQuoteVerbatim(corpus, answer));

    const [request] = fake.chatRequests();
    assert.equal(request?.response_format?.type, 'json_schema');
    assert.equal(request?.tools, undefined);
    const prompt = promptText(request);
    assert.match(prompt, /<passage id="P1"[^>]*paragraph="11">/);
    assert.match(prompt, /<passage id="P2"[^>]*paragraph="3">/);
    assert.match(prompt, /<question>What were the Russians charged with\?<\/question>/);
    assert.match(prompt, /data to read, not instructions/);
  });

  test('GIVEN tool calling (as for gpt-4 or a local model) THEN the same answer comes through the tool call', async () => {
    fake.queueChat(reply.structured(goodReply()));
    const answer = await ask({ structuredOutputMethod: 'functionCalling' });
    assert.equal(answer.mode, 'llm');
    assert.equal(answer.quotes[0]?.text, euronews);
    const [request] = fake.chatRequests();
    assert.equal(request?.tools?.[0]?.function.name, 'cited_answer');
    assert.equal(request?.response_format, undefined);
  });

  test('GIVEN only a base URL (no API key) THEN a placeholder key is sent and the configured model is asked', async () => {
    fake.queueChat(reply.structured(goodReply()));
    await createLlmAnswerer({ llm: llmConfig(fake.baseUrl, { chatModel: 'llama3.1' }), corpus }).answer({
      question: QUESTION,
      standaloneQuestion: QUESTION,
      passages,
      fallback,
    });
    assert.equal(fake.requests[0]?.headers.authorization, 'Bearer no-key-configured');
    assert.equal(fake.chatRequests()[0]?.model, 'llama3.1');
  });

  test('GIVEN the model straightens curly apostrophes THEN the quote is shown in the source wording', async () => {
    fake.queueChat(
      reply.structured({
        answer: 'Staff of the Sputnik office were detained.',
        notInText: false,
        quotes: [{ text: "The detention of staff from Sputnik's Baku office", passageId: 'P1' }],
      }),
    );
    const answer = await ask();
    assert.equal(answer.mode, 'llm');
    assert.equal(answer.quotes[0]?.text, 'The detention of staff from Sputnik’s Baku office');
    assert.deepEqual(answer.droppedQuotes, []);
  });
});

describe('quotes that are not in the text', () => {
  test('GIVEN an invented quote next to a real one THEN the invented one is dropped and reported', async () => {
    const invented = 'The Russians confessed to every charge within a day.';
    fake.queueChat(
      reply.structured({
        ...goodReply(),
        quotes: [
          { text: invented, passageId: 'P1' },
          { text: euronews, passageId: 'P1' },
        ],
      }),
    );
    const answer = await ask();
    assert.equal(answer.mode, 'llm');
    assert.deepEqual(
      answer.quotes.map((quote) => quote.text),
      [euronews],
    );
    assert.deepEqual(answer.droppedQuotes, [{ text: invented, reason: 'not-in-corpus' }]);
  });

  test('GIVEN only invented quotes THEN the offline answer is shown, marked, with the drops reported', async () => {
    fake.queueChat(reply.structured({ ...goodReply(), quotes: [{ text: 'They were charged with treason and espionage.', passageId: 'P1' }] }));
    const answer = await ask();
    assert.equal(answer.mode, 'extractive');
    assert.equal(answer.answer, fallback.answer);
    assert.deepEqual(answer.quotes, fallback.quotes);
    assert.match(answer.fallbackReason ?? '', /quotes could be found/);
    assert.equal(answer.droppedQuotes.length, 1);
  });

  test('GIVEN a close paraphrase of one sentence THEN it is repaired to the exact sentence and reported', async () => {
    const paraphrase = 'Euronews reported that the men were charged with large scale fraud, illegal entrepreneurship and laundering of money.';
    fake.queueChat(reply.structured({ ...goodReply(), quotes: [{ text: paraphrase, passageId: 'P1' }] }));
    const answer = await ask();
    assert.equal(answer.mode, 'llm');
    assert.deepEqual(
      answer.quotes.map((quote) => quote.text),
      [euronews],
    );
    assert.deepEqual(answer.repairedQuotes, [{ original: paraphrase, text: euronews }]);
  });

  test('GIVEN a loose paraphrase blending two sentences THEN it is dropped, not repaired', async () => {
    const blend = 'Photos showed the Russians were beaten, detained for drug trafficking, and charged with money laundering by Euronews.';
    fake.queueChat(reply.structured({ ...goodReply(), quotes: [{ text: blend, passageId: 'P1' }] }));
    const answer = await ask();
    assert.equal(answer.mode, 'extractive');
    assert.deepEqual(answer.repairedQuotes, []);
    assert.equal(answer.droppedQuotes[0]?.text, blend);
  });

  test('GIVEN prose that puts unquotable words in quotation marks THEN the model answer is not shown', async () => {
    fake.queueChat(reply.structured({ ...goodReply(), answer: 'The article calls it “a coordinated FSB spy ring”.' }));
    const answer = await ask();
    assert.equal(answer.mode, 'extractive');
    assert.match(answer.fallbackReason ?? '', /quoted words that are not in the text/);
  });

  test('GIVEN the mix target: good, invented and paraphrased quotes over many questions THEN zero unverified quotes reach the output', async () => {
    const sentences = corpus.documents[0]!.paragraphs.flatMap((paragraph) => paragraph.sentences).filter((sentence) => sentence.text.split(' ').length >= 8);
    let shown = 0;
    let verbatim = 0;
    let dropped = 0;
    let repaired = 0;
    for (const [index, sentence] of sentences.slice(0, 24).entries()) {
      const words = sentence.text.split(' ');
      const paraphrase = [...words.slice(0, 3), 'reportedly', ...words.slice(3, -2), words.at(-1)].join(' ');
      const invented = `${words.slice(0, 4).join(' ')} secretly signed a treaty on the Moon.`;
      const mix = [
        { text: sentence.text, passageId: 'P1' },
        { text: invented, passageId: 'P1' },
        { text: paraphrase, passageId: 'P1' },
        { text: `“${sentence.text.replace(/’/g, "'").replace(/—/g, ' - ')}”`, passageId: 'P2' },
      ];
      fake.queueChat(reply.structured({ answer: 'An answer.', notInText: false, quotes: index % 2 === 0 ? mix : mix.reverse() }));
      const paragraphPassage = passageFor(corpus, sentence.paragraph);
      const answer = await createLlmAnswerer({ llm: llmConfig(fake.baseUrl), corpus }).answer({
        question: `Question ${index}`,
        standaloneQuestion: `Question ${index}`,
        passages: [paragraphPassage, passages[0]!],
        fallback,
      });
      for (const quote of answer.quotes) {
        shown += 1;
        if (corpus.documents.find((document) => document.id === quote.documentId)?.text.slice(quote.start, quote.end) === quote.text) verbatim += 1;
      }
      assert.ok(!answer.quotes.some((quote) => quote.text.includes('Moon')), 'an invented quote reached the output');
      dropped += answer.droppedQuotes.length;
      repaired += answer.repairedQuotes.length;
    }
    // The mix really was mixed: every invented quote dropped, the paraphrases repaired.
    assert.equal(dropped, 24);
    assert.ok(repaired >= 20, `expected most paraphrases repaired, got ${repaired}`);
    assert.ok(shown >= 24, `expected the good quotes to be shown, got ${shown}`);
    assert.equal(verbatim / shown, 1, 'quotes_verbatim must be 1.0');
  });
});

describe('failure is never a dead end', () => {
  test('GIVEN a 500 THEN the offline answer is shown after exactly one request', async () => {
    fake.queueChat(reply.status(500));
    const answer = await ask();
    assert.equal(answer.mode, 'extractive');
    assert.deepEqual(answer.quotes, fallback.quotes);
    assert.equal(answer.fallbackReason, 'the model server failed (HTTP 500)');
    assert.equal(fake.chatRequests().length, 1);
  });

  test('GIVEN a reply slower than the budget THEN the offline answer comes within the budget', async () => {
    fake.queueChat(reply.structured(goodReply(), { delayMs: 5_000 }));
    const clock = new OwnTimeClock();
    const started = clock.now();
    const answer = await ask({ timeoutMs: 150 });
    const elapsed = clock.now() - started;
    assert.equal(answer.mode, 'extractive');
    assert.equal(answer.fallbackReason, 'the model did not answer within 150 ms');
    assert.ok(elapsed < 1_000, `took ${Math.round(elapsed)} ms`);
  });

  test('GIVEN a 429 with retry-after THEN it waits that long and retries exactly once', async () => {
    fake.queueChat(reply.rateLimited(1), reply.structured(goodReply()));
    const waits: number[] = [];
    const answer = await ask({ timeoutMs: 5_000, sleep: async (milliseconds) => void waits.push(milliseconds) });
    assert.equal(answer.mode, 'llm');
    assert.deepEqual(waits, [1_000]);
    assert.equal(fake.chatRequests().length, 2);
  });

  test('GIVEN a real retry-after wait THEN the retry happens after it, inside the budget', async () => {
    fake.queueChat(reply.status(429, { headers: { 'retry-after-ms': '120' } }), reply.structured(goodReply()));
    const started = performance.now();
    const answer = await ask({ timeoutMs: 30_000 });
    assert.equal(answer.mode, 'llm');
    assert.ok(performance.now() - started >= 110);
    assert.equal(fake.chatRequests().length, 2);
  });

  test('GIVEN a second 429 THEN there is no third request: the offline answer is shown', async () => {
    fake.queueChat(reply.rateLimited(0), reply.rateLimited(0), reply.structured(goodReply()));
    const answer = await ask({ sleep: async () => {} });
    assert.equal(answer.mode, 'extractive');
    assert.match(answer.fallbackReason ?? '', /HTTP 429/);
    assert.equal(fake.chatRequests().length, 2);
  });

  test('GIVEN a retry-after longer than the budget THEN it does not wait at all', async () => {
    fake.queueChat(reply.rateLimited(30), reply.structured(goodReply()));
    const clock = new OwnTimeClock();
    const started = clock.now();
    const answer = await ask({ timeoutMs: 2_000 });
    assert.equal(answer.mode, 'extractive');
    assert.ok(clock.now() - started < 1_000);
    assert.equal(fake.chatRequests().length, 1);
  });

  const broken: [string, () => ReturnType<typeof reply.content>, RegExp][] = [
    ['malformed JSON content', () => reply.content('{"answer": "They were charged with', {}), /not valid structured output|did not match/],
    ['JSON of the wrong shape', () => reply.structured({ reply: 'fraud' }), /not valid structured output|did not match/],
    ['an empty reply', () => reply.content(''), /empty reply or refused/],
    ['a refusal', () => reply.refusal('I can’t help with that.'), /empty reply or refused/],
    ['a JSON-typed body that is not JSON', () => reply.raw('<html>502 Bad Gateway</html>'), /not valid structured output/],
    [
      'an HTML page with status 200',
      () => reply.raw('<html>502 Bad Gateway</html>', { contentType: 'text/html' }),
      /could not read the model server’s reply|could not read the model server's reply/,
    ],
  ];
  for (const [what, make, reason] of broken) {
    for (const method of ['jsonSchema', 'functionCalling'] as const) {
      test(`GIVEN ${what} (${method}) THEN the offline answer is shown with a reason`, async () => {
        fake.queueChat(make());
        const answer = await ask({ structuredOutputMethod: method });
        assert.equal(answer.mode, 'extractive');
        assert.deepEqual(answer.quotes, fallback.quotes);
        assert.match(answer.fallbackReason ?? '', reason);
        assert.equal(fake.chatRequests().length, 1);
      });
    }
  }

  test('GIVEN the caller cancels THEN the offline answer comes back at once, marked cancelled', async () => {
    fake.queueChat(reply.structured(goodReply(), { delayMs: 5_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const answer = await ask({}, controller.signal);
    assert.equal(answer.fallbackReason, 'the request was cancelled');
  });

  test('GIVEN no passages THEN the model is not asked', async () => {
    const answer = await answerer().answer({
      question: QUESTION,
      standaloneQuestion: QUESTION,
      passages: [],
      fallback: offlineAnswer(QUESTION, [], { abstained: true }),
    });
    assert.equal(answer.abstained, true);
    assert.equal(fake.chatRequests().length, 0);
  });

  test('GIVEN a failure THEN the log says why without leaking the API key', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', secrets: ['sk-test-secret-key'], write: (line) => void lines.push(line) });
    fake.queueChat(reply.status(503));
    const answer = await createLlmAnswerer({ llm: llmConfig(fake.baseUrl, { apiKey: 'sk-test-secret-key' }), corpus, logger }).answer({
      question: QUESTION,
      standaloneQuestion: QUESTION,
      passages,
      fallback,
    });
    assert.equal(answer.fallbackReason, 'the model server failed (HTTP 503)');
    assert.equal(fake.requests[0]?.headers.authorization, 'Bearer sk-test-secret-key');
    assert.ok(lines.some((line) => line.includes('model call failed')));
    assert.ok(!lines.join('').includes('sk-test-secret-key'));
    assert.ok(!(answer.fallbackReason ?? '').includes(fake.baseUrl));
  });
});

describe('"not in the text"', () => {
  const notInText = { answer: 'The text does not say.', notInText: true, quotes: [] };

  test('GIVEN the model finds nothing AND the offline answer abstained THEN footnote abstains', async () => {
    fake.queueChat(reply.structured(notInText));
    const abstaining = offlineAnswer('Who won the 2018 World Cup?', passages, { abstained: true });
    const answer = await answerer().answer({ question: abstaining.question, standaloneQuestion: abstaining.question, passages, fallback: abstaining });
    assert.equal(answer.abstained, true);
    assert.equal(answer.mode, 'llm');
    assert.deepEqual(answer.quotes, []);
    assert.equal(answer.fallbackReason, undefined);
  });

  test('GIVEN the model finds nothing BUT the offline answer has a quote THEN the offline answer is shown, marked', async () => {
    fake.queueChat(reply.structured(notInText));
    const answer = await ask();
    assert.equal(answer.abstained, false);
    assert.equal(answer.mode, 'extractive');
    assert.deepEqual(answer.quotes, fallback.quotes);
    assert.equal(answer.fallbackReason, 'the model found no answer in the passages');
  });
});
