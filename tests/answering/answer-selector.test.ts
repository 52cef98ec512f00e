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

test('GIVEN data a weighted sum cannot separate (either feature alone says nothing) THEN boosted trees on a linear model learn it, the same way every time', async () => {
  const { fitBoostedTrees, treesScore } = await import('../../src/answering/boosted-trees.js');
  const rows: number[][] = [];
  const labels: boolean[] = [];
  // An exclusive or, in unequal numbers (a greedy tree needs its first split to gain something).
  for (const [first, second, count] of [
    [0, 0, 60],
    [0, 1, 20],
    [1, 0, 20],
    [1, 1, 100],
  ] as const)
    for (let index = 0; index < count; index += 1) {
      rows.push([first, second]);
      labels.push(first !== second);
    }
  const linear = fitLogistic(rows, labels);
  const loss = (scores: Float64Array) => {
    const probabilities = Array.from(scores, (score) => 1 / (1 + Math.exp(-score)));
    return {
      gradient: Float64Array.from(probabilities, (probability, index) => probability - (labels[index] ? 1 : 0)),
      hessian: Float64Array.from(probabilities, (probability) => probability * (1 - probability)),
    };
  };
  const base = rows.map((row) => linearScore(linear, row));
  const trees = fitBoostedTrees(rows, base, loss, { rounds: 60, depth: 2, shrinkage: 0.3, minLeafWeight: 1 });
  assert.deepEqual(fitBoostedTrees(rows, base, loss, { rounds: 60, depth: 2, shrinkage: 0.3, minLeafWeight: 1 }), trees);
  const probability = (row: number[]) => 1 / (1 + Math.exp(-(linearScore(linear, row) + treesScore(trees, row))));
  assert.ok(predict(linear, [1, 0]) < 0.5 && predict(linear, [0, 1]) < 0.5, 'the linear model alone misses both true cases');
  assert.ok(probability([1, 0]) > 0.8 && probability([0, 1]) > 0.8);
  assert.ok(probability([0, 0]) < 0.2 && probability([1, 1]) < 0.2);
});

test('GIVEN a model whose tree points outside its features THEN loading refuses it and says how to refit', () => {
  const json = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { selector: { features: string[] } };
  const broken = { ...json, selector: { ...json.selector, trees: [[{ feature: 999, threshold: 0, left: 1, right: 2 }, { value: 0 }, { value: 1 }]] } };
  assert.throws(() => parseSelectorModel(broken), /points outside its features or nodes; run npx tsx scripts\/fit-answer-selector.ts/u);
});
