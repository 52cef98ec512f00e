/**
 * Summaries written by the model: the real @langchain/openai client against the fake OpenAI server, on the
 * real article. What reaches the user when the model cites well, cites sentences it was never shown, skips
 * sections, fails or stalls.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import type { Corpus } from '../../src/corpus/types.js';
import { summarizeWithModel, type ModelSummaryOptions } from '../../src/study/model-summary.js';
import { sectionNames } from '../../src/study/study-scope.js';
import { summarize, type Summary } from '../../src/study/summarize.js';
import { llmConfig } from '../answering/llm-fixtures.js';
import { promptText, reply, startFakeOpenAi, type ChatRequestBody, type FakeOpenAi } from '../fakes/fake-openai.js';
import { assertLocated, CORPUS_DIR, loadArticle } from './study-fixtures.js';

interface Offered {
  readonly id: string;
  readonly section: string;
  readonly text: string;
}

/** The sentences the prompt offered, as the model saw them. */
function offeredIn(request: ChatRequestBody): Offered[] {
  return [...promptText(request).matchAll(/<sentence id="(S\d+)" section="([^"]*)">([\s\S]*?)<\/sentence>/g)].map((match) => ({
    id: match[1] ?? '',
    section: match[2] ?? '',
    text: match[3] ?? '',
  }));
}

function pointsWanted(request: ChatRequestBody): number {
  return Number(/Write (\d+) key points/.exec(promptText(request))?.[1]);
}

/** What a model writes about a sentence: a few of its words, reworded enough not to be the sentence. */
function pointAbout(sentence: Offered): string {
  return `The text notes: ${sentence.text.replace(/[“”"]/g, '').split(/\s+/).slice(0, 8).join(' ')}`;
}

let corpus: Corpus;
let fake: FakeOpenAi;

before(async () => {
  corpus = await loadArticle();
});
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

async function summary(options: Partial<ModelSummaryOptions> & { timeoutMs?: number } = {}): Promise<Summary> {
  const { timeoutMs, ...rest } = options;
  const outcome = await summarizeWithModel({ corpus, llm: llmConfig(fake.baseUrl, timeoutMs === undefined ? {} : { timeoutMs }), length: 'short', ...rest });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.problem.message);
  return outcome.summary;
}

function offlineSummary(options: Parameters<typeof summarize>[1]): Summary {
  const outcome = summarize(corpus, options);
  assert.ok(outcome.ok);
  return outcome.summary;
}

function assertReadingOrder(points: Summary['points']): void {
  const starts = points.map((point) => point.quote.start);
  assert.deepEqual(
    starts,
    [...starts].sort((first, second) => first - second),
    'points in reading order',
  );
}

describe('a summary the model writes', () => {
  test('GIVEN the model cites offered sentences THEN its points are kept, each with that sentence verbatim, mode llm', async () => {
    let chosen: Offered[] = [];
    fake.onChat((request) => {
      const offered = offeredIn(request);
      // Written out of order on purpose: the summary must come back in reading order.
      chosen = [offered[6], offered[0], offered[3]].filter((sentence): sentence is Offered => sentence !== undefined);
      return reply.structured({ points: chosen.map((sentence) => ({ text: pointAbout(sentence), sentenceId: sentence.id })) });
    });
    const result = await summary();

    assert.equal(result.mode, 'llm');
    assert.equal(result.fallbackReason, undefined);
    assert.equal(result.title, 'How Baku is playing with fire—without getting burned');
    assert.equal(result.points.length, 3);
    const byQuote = new Map(chosen.map((sentence) => [sentence.text, pointAbout(sentence)]));
    for (const point of result.points) {
      assertLocated(corpus, point.quote);
      assert.equal(point.text, byQuote.get(point.quote.text), 'the model’s words, over the sentence it cited');
    }
    assertReadingOrder(result.points);

    const [request] = fake.chatRequests();
    assert.equal(request?.response_format?.json_schema?.name, 'cited_summary');
    const offered = offeredIn(request);
    assert.ok(offered.length > pointsWanted(request) && offered.length <= 40, `${offered.length} sentences offered`);
    for (const point of offlineSummary({ length: 'short' }).points) {
      const inside = offered.filter((sentence) => point.text.includes(sentence.text));
      assert.equal(inside.map((sentence) => sentence.text).join(' '), point.text, 'the offline summary’s sentences are offered');
    }
    assert.match(promptText(request), /data to read, not instructions/);
  });

  test('GIVEN points citing sentences never offered, repeats and a wrong id THEN those are dropped and the rest kept', async () => {
    fake.onChat((request) => {
      const [first, second, third] = offeredIn(request) as [Offered, Offered, Offered];
      return reply.structured({
        points: [
          { text: pointAbout(first), sentenceId: first.id },
          { text: 'Azerbaijan annexed the Moon in 2031.', sentenceId: 'S999' },
          { text: pointAbout(second), sentenceId: 'P2' },
          { text: pointAbout(first), sentenceId: first.id },
          { text: 'Quantum chromodynamics explains gluons.', sentenceId: third.id },
          { text: pointAbout(third), sentenceId: `[${third.id}]` },
        ],
      });
    });
    const result = await summary();

    assert.equal(result.mode, 'llm');
    assert.equal(result.points.length, 2);
    for (const point of result.points) assertLocated(corpus, point.quote);
    assert.deepEqual(
      result.droppedPoints?.map((dropped) => [dropped.sentenceId, dropped.reason]),
      [
        ['S999', 'unknown-sentence'],
        ['P2', 'unknown-sentence'],
        ['S1', 'duplicate'],
        ['S3', 'unsupported'],
      ],
    );
    assert.ok(!result.points.some((point) => /Moon|gluons/.test(point.text)));
  });

  test('GIVEN tool calling (as for gpt-4 or a local model) THEN the points come through the tool call', async () => {
    fake.onChat((request) => {
      const offered = offeredIn(request);
      return reply.structured({ points: offered.slice(0, 2).map((sentence) => ({ text: pointAbout(sentence), sentenceId: sentence.id })) });
    });
    const result = await summary({ structuredOutputMethod: 'functionCalling' });
    assert.equal(result.mode, 'llm');
    assert.equal(result.points.length, 2);
    assert.equal(fake.chatRequests()[0]?.tools?.[0]?.function.name, 'cited_summary');
  });

  test('GIVEN a long summary of the whole article where the model covers one section THEN every section still has a point', async () => {
    let written: Offered[] = [];
    fake.onChat((request) => {
      const offered = offeredIn(request);
      const section = offered[0]?.section;
      written = offered.filter((sentence) => sentence.section === section).slice(0, 2);
      return reply.structured({ points: written.map((sentence) => ({ text: pointAbout(sentence), sentenceId: sentence.id })) });
    });
    const result = await summary({ length: 'long' });

    assert.equal(result.mode, 'llm');
    assert.equal(written.length, 2);
    // “Diplomatic mischief” holds only a lead-in ending in a colon, which is no point.
    const sections = sectionNames(corpus).filter((name) => !name.startsWith('Diplomatic mischief'));
    assert.deepEqual([...new Set(result.points.map((point) => point.quote.section))].sort(), [...sections].sort());
    assert.equal(result.points.length, 2 + sections.length - 1);
    for (const point of result.points) {
      assertLocated(corpus, point.quote);
      const byModel = written.some((sentence) => sentence.text === point.quote.text);
      // The model's points keep its words; each section it left out gets its best sentence, verbatim.
      assert.equal(point.text === point.quote.text, !byModel);
    }
    assertReadingOrder(result.points);
    assert.match(promptText(fake.chatRequests()[0]!), /Give every section at least one point/);
  });

  test('GIVEN a section by a fragment of its name THEN only that section’s sentences are offered and quoted', async () => {
    fake.onChat((request) => {
      const offered = offeredIn(request);
      return reply.structured({ points: offered.slice(0, 2).map((sentence) => ({ text: pointAbout(sentence), sentenceId: sentence.id })) });
    });
    const result = await summary({ section: 'arrests of russian' });
    assert.equal(result.mode, 'llm');
    assert.equal(result.title, 'Arrests of Russian citizens and targeted charges');
    assert.ok(offeredIn(fake.chatRequests()[0]!).every((sentence) => sentence.section === 'Arrests of Russian citizens and targeted charges'));
    for (const point of result.points) assert.equal(point.quote.section, 'Arrests of Russian citizens and targeted charges');
  });

  test('GIVEN an unknown section THEN the problem is reported and the model is not asked', async () => {
    const outcome = await summarizeWithModel({ corpus, llm: llmConfig(fake.baseUrl), section: 'Weather', length: 'short' });
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.kind, 'unknown-section');
    assert.equal(fake.chatRequests().length, 0);
  });
});

describe('failure gives the offline summary, marked', () => {
  test('GIVEN a 500 THEN the offline summary with the reason, after one request', async () => {
    fake.queueChat(reply.status(500));
    const result = await summary();
    assert.equal(result.mode, 'extractive');
    assert.equal(result.fallbackReason, 'the model server failed (HTTP 500)');
    assert.deepEqual(result.points, offlineSummary({ length: 'short' }).points);
    assert.equal(fake.chatRequests().length, 1);
  });

  test('GIVEN a reply slower than the budget THEN the offline summary comes within the budget', async () => {
    fake.onChat(() => reply.structured({ points: [] }, { delayMs: 5_000 }));
    const started = performance.now();
    const result = await summary({ timeoutMs: 150 });
    const elapsed = performance.now() - started;
    assert.equal(result.mode, 'extractive');
    assert.equal(result.fallbackReason, 'the model did not answer within 150 ms');
    assert.deepEqual(result.points, offlineSummary({ length: 'short' }).points);
    assert.ok(elapsed < 1_000, `took ${Math.round(elapsed)} ms`);
  });

  test('GIVEN a refusal THEN the offline summary', async () => {
    fake.queueChat(reply.refusal('I cannot help with that.'));
    const result = await summary();
    assert.equal(result.mode, 'extractive');
    assert.match(result.fallbackReason ?? '', /refused|not valid|did not match/);
  });

  test('GIVEN malformed JSON THEN the offline summary', async () => {
    fake.queueChat(reply.content('{"points": [{"text": "unfinished'));
    const result = await summary();
    assert.equal(result.mode, 'extractive');
    assert.notEqual(result.fallbackReason, undefined);
  });

  test('GIVEN only one usable point THEN the offline summary, with the dropped points reported', async () => {
    fake.onChat((request) => {
      const [first] = offeredIn(request) as [Offered];
      return reply.structured({
        points: [
          { text: pointAbout(first), sentenceId: first.id },
          { text: 'Something else entirely.', sentenceId: 'S404' },
        ],
      });
    });
    const result = await summary();
    assert.equal(result.mode, 'extractive');
    assert.equal(result.fallbackReason, 'the model gave fewer than two usable points');
    assert.deepEqual(result.points, offlineSummary({ length: 'short' }).points);
    assert.deepEqual(
      result.droppedPoints?.map((dropped) => dropped.reason),
      ['unknown-sentence'],
    );
  });

  test('GIVEN a cancelled request THEN the offline summary, without waiting for the model', async () => {
    fake.onChat(() => reply.structured({ points: [] }, { delayMs: 5_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await summary({ signal: controller.signal });
    assert.equal(result.mode, 'extractive');
    assert.equal(result.fallbackReason, 'the request was cancelled');
  });
});

describe('npx footnote summary with a model configured', () => {
  const saved = { base: process.env['OPENAI_BASE_URL'], corpus: process.env['FOOTNOTE_CORPUS_DIR'], key: process.env['OPENAI_API_KEY'] };
  before(() => {
    process.env['FOOTNOTE_CORPUS_DIR'] = CORPUS_DIR;
    delete process.env['OPENAI_API_KEY'];
  });
  beforeEach(() => {
    process.env['OPENAI_BASE_URL'] = fake.baseUrl;
  });
  after(() => {
    for (const [name, value] of [
      ['OPENAI_BASE_URL', saved.base],
      ['FOOTNOTE_CORPUS_DIR', saved.corpus],
      ['OPENAI_API_KEY', saved.key],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function run(...argv: string[]): Promise<{ code: number; stdout: string }> {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await main(argv, { stdout, stderr: new PassThrough(), stdin: new PassThrough() });
    return { code, stdout: out };
  }

  test('GIVEN summary --json THEN the model’s points with located quotes and mode llm', async () => {
    fake.onChat((request) =>
      reply.structured({
        points: offeredIn(request)
          .slice(0, 3)
          .map((sentence) => ({ text: pointAbout(sentence), sentenceId: sentence.id })),
      }),
    );
    const result = await run('summary', '--json');
    assert.equal(result.code, 0);
    const output = JSON.parse(result.stdout) as { points: { text: string; quote: Parameters<typeof assertLocated>[1] }[]; mode: string };
    assert.deepEqual(Object.keys(output), ['points', 'mode']);
    assert.equal(output.mode, 'llm');
    assert.equal(output.points.length, 3);
    for (const point of output.points) {
      assertLocated(corpus, point.quote);
      assert.match(point.text, /^The text notes: /);
    }
  });

  test('GIVEN the model fails THEN the text output is the offline summary and says why', async () => {
    fake.queueChat(reply.status(503));
    const result = await run('summary');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Key points \(short\): How Baku is playing with fire/u);
    assert.match(result.stdout, /\(summarised offline from the text; model not used: the model server failed \(HTTP 503\)\)\n$/u);
    fake.queueChat(reply.status(500));
    const json = JSON.parse((await run('summary', '--json')).stdout) as { mode: string; fallbackReason: string };
    assert.equal(json.mode, 'extractive');
    assert.equal(json.fallbackReason, 'the model server failed (HTTP 500)');
  });
});
