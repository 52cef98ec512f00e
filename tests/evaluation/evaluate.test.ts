import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { abstentionTradeOff } from '../../src/evaluation/abstention-trade-off.js';
import { readQuestionSet } from '../../src/evaluation/question-set.js';
import type { Engine } from '../../src/engine-types.js';
import type { Answer, AskOutcome } from '../../src/answering/types.js';
import { temporaryFolder } from '../helpers/test-config.js';

/** A hand-made engine whose answers are known, so every metric has one right value. */
function scriptedEngine(answers: Record<string, Partial<Answer>>): Engine {
  const ask = async (question: string): Promise<AskOutcome> => {
    const scripted = answers[question];
    if (scripted === undefined) return { ok: false, problem: { kind: 'empty', message: 'no' } };
    return {
      ok: true,
      answer: {
        question,
        standaloneQuestion: question,
        answer: '',
        abstained: false,
        mode: 'extractive',
        quotes: [],
        passages: [],
        droppedQuotes: [],
        repairedQuotes: [],
        fallbackReason: undefined,
        ...scripted,
      },
    };
  };
  return { ask } as unknown as Engine;
}

const citation = { documentId: 'doc.txt', documentTitle: 'Doc', section: 'S', paragraph: 1 };
const passage = (text: string) => ({ ...citation, chunkId: text, text, score: 1, start: 0, end: text.length });

test('GIVEN a tiny question set with known answers THEN each metric follows its definition', async () => {
  const folder = temporaryFolder('eval');
  try {
    const corpusDir = path.join(folder.path, 'corpus');
    const questions = path.join(folder.path, 'q.jsonl');
    await import('node:fs').then(({ mkdirSync }) => mkdirSync(corpusDir));
    // Curly quote in the file, straight quote in the evidence: matching normalises both.
    writeFileSync(path.join(corpusDir, 'doc.txt'), 'Alpha beta “gamma”. Delta epsilon.\n');
    writeFileSync(
      questions,
      [
        '{"id":"a","question":"q1","evidence":["beta \\"gamma\\""],"answerable":true}',
        '{"id":"b","question":"q2","evidence":["Delta"],"answerable":true}',
        '{"id":"c","turns":["first","q3"],"evidence":["nowhere"],"answerable":true}',
        '{"id":"d","question":"q4","evidence":[],"answerable":false}',
      ].join('\n'),
    );
    const engine = scriptedEngine({
      // rank 1, supported by a verbatim quote
      q1: { passages: [passage('Alpha beta “gamma”.')], quotes: [{ ...citation, text: 'Alpha beta “gamma”.', start: 0, end: 19 }] },
      // rank 2, supported (its quote holds the evidence) but at wrong offsets, so not verbatim
      q2: { passages: [passage('Alpha'), passage('Delta epsilon.')], quotes: [{ ...citation, text: 'Delta epsilon.', start: 0, end: 14 }] },
      first: {},
      // abstained on an answerable item
      q3: { abstained: true, passages: [passage('Alpha')] },
      // answered an unanswerable item
      q4: { abstained: false },
    });
    const report = await evaluate(engine, await readQuestionSet(questions), { corpusDir });
    assert.deepEqual(
      { ...report.metrics, p50_ms: 0, p99_ms: 0 },
      {
        questions: 4,
        answerable: 3,
        unanswerable: 1,
        lead: 0.667,
        hit_at_1: 0.333,
        hit_at_3: 0.667,
        mrr: 0.5,
        supported: 0.667,
        abstain_correct: 0,
        false_abstain: 0.333,
        quotes_verbatim: 0.5,
        p50_ms: 0,
        p99_ms: 0,
        unanswerable_by_kind: { unlabelled: { items: 1, abstain_correct: 0 } },
      },
    );
  } finally {
    folder.remove();
  }
});

test('GIVEN a malformed question file THEN the error names the line', async () => {
  const folder = temporaryFolder('bad-eval');
  try {
    const file = path.join(folder.path, 'bad.jsonl');
    writeFileSync(file, '{"id":"a","question":"q","answerable":true}\n{"id":"b","answerable":true}\nnot json\n');
    await assert.rejects(readQuestionSet(file), /bad\.jsonl:2: .*exactly one of "question" or "turns"/u);
  } finally {
    folder.remove();
  }
});

test('GIVEN what a reader sees THEN lead looks at the answer line and the first quote only, and never at an abstention', async () => {
  const folder = temporaryFolder('eval-lead');
  try {
    const questions = path.join(folder.path, 'q.jsonl');
    writeFileSync(
      questions,
      [
        '{"id":"line","question":"in the line","evidence":["sixty-seven"],"answerable":true}',
        '{"id":"second","question":"in the second quote","evidence":["Delta"],"answerable":true}',
        '{"id":"abstained","question":"abstained","evidence":["Alpha"],"answerable":true}',
        '{"id":"plov","question":"off topic","evidence":[],"answerable":false,"kind":"off-topic"}',
        '{"id":"near","question":"near topic","evidence":[],"answerable":false,"kind":"near-topic"}',
      ].join('\n'),
    );
    const quote = (text: string) => ({ ...citation, text, start: 0, end: text.length });
    const engine = scriptedEngine({
      'in the line': { answer: 'Sixty-seven people died.', quotes: [quote('The plane crashed.')] },
      'in the second quote': { answer: 'Alpha.', quotes: [quote('Alpha beta.'), quote('Delta epsilon.')] },
      abstained: { answer: 'The text does not say; closest: Alpha.', abstained: true, quotes: [quote('Alpha')] },
      'off topic': { abstained: true },
      'near topic': { abstained: false },
    });
    const report = await evaluate(engine, await readQuestionSet(questions), { corpusDir: folder.path });
    assert.deepEqual(
      report.items.map((result) => [result.item.id, result.lead, result.supported]),
      [
        ['line', true, false],
        ['second', false, true],
        ['abstained', false, false],
        ['plov', false, false],
        ['near', false, false],
      ],
    );
    assert.equal(report.metrics.lead, 0.333);
    assert.deepEqual(report.metrics.unanswerable_by_kind, { 'near-topic': { items: 1, abstain_correct: 0 }, 'off-topic': { items: 1, abstain_correct: 1 } });
    assert.equal(abstentionTradeOff(report.items), undefined, 'no confidence, no curve');
  } finally {
    folder.remove();
  }
});

test('GIVEN answers with a confidence THEN the trade-off shows, per threshold, abstention on unanswerable items against answerable ones lost', async () => {
  const folder = temporaryFolder('eval-trade-off');
  try {
    const questions = path.join(folder.path, 'q.jsonl');
    writeFileSync(
      questions,
      [
        '{"id":"a","question":"sure","evidence":["Alpha"],"answerable":true}',
        '{"id":"b","question":"unsure","evidence":["Alpha"],"answerable":true}',
        '{"id":"c","question":"impossible","evidence":[],"answerable":false}',
        '{"id":"d","question":"impossible but confident","evidence":[],"answerable":false}',
      ].join('\n'),
    );
    const quote = { ...citation, text: 'Alpha beta.', start: 0, end: 11 };
    const engine = scriptedEngine({
      sure: { answer: 'Alpha.', quotes: [quote], confidence: 0.9 },
      unsure: { answer: 'Alpha.', quotes: [quote], confidence: 0.4 },
      impossible: { answer: 'Beta.', confidence: 0.2 },
      'impossible but confident': { answer: 'Beta.', confidence: 0.7 },
    });
    const report = await evaluate(engine, await readQuestionSet(questions), { corpusDir: folder.path });
    assert.deepEqual(abstentionTradeOff(report.items, [0, 0.3, 0.5, 0.8, 1]), [
      { threshold: 0, abstain_unanswerable: 0, false_abstain: 0, lead: 1 },
      { threshold: 0.3, abstain_unanswerable: 0.5, false_abstain: 0, lead: 1 },
      { threshold: 0.5, abstain_unanswerable: 0.5, false_abstain: 0.5, lead: 0.5 },
      { threshold: 0.8, abstain_unanswerable: 1, false_abstain: 0.5, lead: 0.5 },
      { threshold: 1, abstain_unanswerable: 1, false_abstain: 1, lead: 0 },
    ]);
  } finally {
    folder.remove();
  }
});
