import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FEATURE_NAMES } from '../../src/answering/candidate-features.js';
import { candidateProbabilities, loadSelectorModel, MODEL_FILE, parseSelectorModel, SelectorModelError } from '../../src/answering/answer-selector.js';
import { fitLogistic, fitSoftmaxRanking, linearScore, predict } from '../../src/answering/logistic-regression.js';

test('GIVEN the committed model THEN it loads, matches the features computed and scores deterministically', () => {
  const model = loadSelectorModel();
  assert.equal(model.selector.weights.length, FEATURE_NAMES.length);
  assert.ok(model.answerability.threshold > 0 && model.answerability.threshold < 1);
  const features = [FEATURE_NAMES.map((_name, index) => (index % 3) / 3), FEATURE_NAMES.map((_name, index) => (index % 2) / 2)];
  const first = candidateProbabilities(model, features);
  assert.deepEqual(candidateProbabilities(model, features), first);
  assert.ok(Math.abs((first[0] ?? 0) + (first[1] ?? 0) - 1) < 1e-9, 'probabilities over the candidates sum to 1');
});

test('GIVEN the committed model THEN a sentence covering the question scores above one that does not', () => {
  const model = loadSelectorModel();
  const covering = FEATURE_NAMES.map((name) =>
    [
      'coverage',
      'rare_overlap',
      'plain_overlap',
      'bm25_share',
      'retrieval_score',
      'rank_reciprocal',
      'alignment',
      'dense',
      'passage_coverage',
      'focus_match',
    ].includes(name)
      ? 1
      : 0,
  );
  const unrelated = FEATURE_NAMES.map((name) => (name === 'focus_match' ? 1 : name === 'gap_to_top' ? 0.5 : 0));
  const [forCovering = 0, forUnrelated = 0] = candidateProbabilities(model, [covering, unrelated]);
  assert.ok(forCovering > forUnrelated);
});

test('GIVEN a model of another format or fitted on other features THEN loading says how to refit', () => {
  const json = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { format: string; selector: { features: string[] } };
  assert.throws(() => parseSelectorModel({ ...json, format: 'something-else/9' }), SelectorModelError);
  const renamed = { ...json, selector: { ...json.selector, features: json.selector.features.map((name, index) => (index === 0 ? 'old_feature' : name)) } };
  assert.throws(() => parseSelectorModel(renamed), /fitted on other features; run npx tsx scripts\/fit-answer-selector.ts/u);
});

test('GIVEN separable data THEN the logistic fit separates it, the same way every time', () => {
  const rows = [
    [0, 1],
    [0.2, 0.8],
    [0.9, 0.1],
    [1, 0],
  ];
  const labels = [false, false, true, true];
  const model = fitLogistic(rows, labels);
  assert.deepEqual(fitLogistic(rows, labels), model);
  assert.ok(predict(model, [1, 0]) > 0.8);
  assert.ok(predict(model, [0, 1]) < 0.2);
});

test('GIVEN groups of candidates with one right answer each THEN the softmax ranker scores the right ones first', () => {
  const groups = [
    {
      rows: [
        [0.9, 0.1],
        [0.2, 0.3],
        [0.1, 0.9],
      ],
      labels: [true, false, false],
    },
    {
      rows: [
        [0.5, 0.5],
        [0.8, 0.2],
        [0.3, 0.1],
      ],
      labels: [false, true, false],
    },
  ];
  const model = fitSoftmaxRanking(groups, { iterations: 300 });
  for (const group of groups) {
    const scores = group.rows.map((row) => linearScore(model, row));
    assert.equal(scores.indexOf(Math.max(...scores)), group.labels.indexOf(true));
  }
});
