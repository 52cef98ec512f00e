import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answerKindMissing,
  answerKindPresent,
  explainsCause,
  FEATURE_NAMES,
  featureVector,
  headingMatch,
  plainOverlap,
  rareOverlap,
  rarestMissing,
  rarestMissingNearby,
  type CandidateFacts,
  type QuestionFacts,
} from '../../src/answering/candidate-features.js';
import { readEntities } from '../../src/answering/sentence-entities.js';
import { stemWord } from '../../src/language/tokenize.js';

function question(kind: QuestionFacts['kind'], terms: [string, number][], text: string): QuestionFacts {
  return {
    kind,
    terms: terms.map(([word, rarity]) => ({ word, stem: stemWord(word), rarity })),
    words: new Set(text.toLowerCase().split(/\W+/u)),
  };
}

function candidate(text: string, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    text,
    stems: new Set(text.toLowerCase().split(/\W+/u).filter(Boolean).map(stemWord)),
    headingStems: new Set(),
    nearbyStems: new Set(),
    entities: readEntities(text),
    score: 0.5,
    topScore: 0.6,
    rank: 1,
    coverage: 0.5,
    passageCoverage: 0.5,
    dense: 0.3,
    alignment: 0.4,
    focusMatch: 1,
    namesMissingHere: 0,
    namesMissingInPassage: 0,
    bm25Share: 0.5,
    previousCoverage: 0,
    nextCoverage: 0,
    positionInParagraph: 0,
    continuesPrevious: false,
    ...overrides,
  };
}

test('GIVEN a rare and a common question word THEN rare_overlap counts the rare one for more than plain_overlap does', () => {
  const asked = question(
    'thing',
    [
      ['jamestown', 0.9],
      ['come', 0.1],
    ],
    'what came to jamestown',
  );
  const hasRare = candidate('Settlers reached Jamestown in spring.');
  const hasCommon = candidate('Many people come and go.');
  assert.equal(plainOverlap(asked, hasRare), 0.5);
  assert.equal(plainOverlap(asked, hasCommon), 0.5);
  assert.equal(rareOverlap(asked, hasRare), 0.9);
  assert.equal(Math.round(rareOverlap(asked, hasCommon) * 10) / 10, 0.1);
});

test('GIVEN "how many" THEN a sentence with a new count holds the kind asked and one without lacks it', () => {
  const asked = question(
    'number',
    [
      ['died', 0.5],
      ['crash', 0.6],
    ],
    'how many people died in the crash',
  );
  assert.equal(answerKindPresent(asked, candidate('The plane crashed in Kazakhstan, killing 67 people.')), 1);
  assert.equal(answerKindMissing(asked, candidate('The plane crashed in Kazakhstan.')), 1);
  // A figure the question already gives is no answer.
  const givesYear = question('number', [['2020', 0.8]], 'how many troops stayed after 2020');
  assert.equal(answerKindPresent(givesYear, candidate('The troops stayed after 2020.')), 0);
});

test('GIVEN "when" and "who" THEN times and names are found by the English model, not by word lists', () => {
  assert.equal(answerKindPresent(question('time', [], 'when did it crash'), candidate('It crashed on 25 December 2024.')), 1);
  assert.equal(answerKindPresent(question('time', [], 'when did it crash'), candidate('It crashed near the coast.')), 0);
  assert.equal(answerKindPresent(question('person', [], 'who proposed a base'), candidate('The proposal came from Eldar Namazov.')), 1);
  assert.equal(answerKindPresent(question('person', [], 'who proposed a base'), candidate('the proposal came late.')), 0);
  // Kinds without a visible form never count as missing.
  assert.equal(answerKindMissing(question('reason', [], 'why'), candidate('It rained.')), 0);
});

test('GIVEN a "why" question THEN a sentence giving a cause or means is marked', () => {
  const why = question('reason', [['closed', 0.5]], 'why was it closed');
  assert.equal(explainsCause(why, candidate('It was closed because it facilitated spying.')), 1);
  assert.equal(explainsCause(why, candidate('It was closed in March.')), 0);
  assert.equal(explainsCause(question('thing', [], 'what'), candidate('It was closed because it facilitated spying.')), 0);
});

test('GIVEN a heading that names the question words THEN heading_match counts them', () => {
  const asked = question(
    'thing',
    [
      ['economy', 0.6],
      ['migrants', 0.7],
    ],
    'economy migrants',
  );
  assert.equal(headingMatch(asked, candidate('x', { headingStems: new Set([stemWord('economy')]) })), 0.5);
  assert.equal(headingMatch(asked, candidate('x')), 0);
});

test('GIVEN any candidate THEN the feature vector has one finite value per named feature, in order', () => {
  const values = featureVector(question('number', [['died', 0.5]], 'how many died'), candidate('67 people died.'));
  assert.equal(values.length, FEATURE_NAMES.length);
  assert.ok(values.every(Number.isFinite));
  assert.equal(values[FEATURE_NAMES.indexOf('rank_reciprocal')], 0.5);
  assert.equal(values[FEATURE_NAMES.indexOf('first_in_paragraph')], 1);
});

test('GIVEN a question word changed in the question THEN rarest_missing shows how rare the missing word is, unless a neighbour has it', () => {
  const asked = question(
    'time',
    [
      ['treaty', 0.8],
      ['signed', 0.4],
    ],
    'when was the treaty signed',
  );
  assert.equal(rarestMissing(asked, candidate('The treaty was signed in 1648.')), 0);
  assert.equal(rarestMissing(asked, candidate('The peace was signed in 1648.')), 0.8);
  assert.equal(rarestMissingNearby(asked, candidate('It was signed in 1648.', { nearbyStems: new Set([stemWord('treaty')]) })), 0);
});
