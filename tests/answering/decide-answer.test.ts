import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideAnswer, NOT_IN_TEXT } from '../../src/answering/extractive-answerer.js';
import type { CandidateRanking, RankedCandidate } from '../../src/answering/rank-candidates.js';
import { ANSWERABILITY_FEATURES } from '../../src/answering/answer-selector.js';

function ranked(ordinal: number, probability: number, continuesPrevious = false): RankedCandidate {
  return {
    scored: { entry: { sentence: { documentId: 'a.txt', ordinal, paragraph: 1 } } },
    facts: { continuesPrevious },
    features: [],
    probability,
  } as unknown as RankedCandidate;
}

function ranking(candidates: RankedCandidate[], answerability: number, unknownShare = 0): CandidateRanking {
  const features = ANSWERABILITY_FEATURES.map((name) => (name === 'unknown_share' ? unknownShare : 0));
  return {
    candidates,
    answerability,
    answerabilityFeatures: features,
    questionFacts: { kind: 'thing', terms: [{ word: 'plov', stem: 'plov', rarity: 1 }], words: new Set() },
    questionLevel: { unknownShare, absentTopicShare: 0, askedNounAbsent: 0 },
  };
}

const nothingMissing = { unknownWords: [], unknownNames: [], topics: [], absentTopics: [] };

test('GIVEN answerability above the threshold THEN the best candidate answers, with the sentence continuing it and close runners-up', () => {
  const decision = decideAnswer(ranking([ranked(5, 0.9), ranked(9, 0.1), ranked(6, 0.7, true), ranked(2, 0.6)], 0.8), 0.5, nothingMissing);
  assert.equal(decision.kind, 'answer');
  assert.deepEqual(decision.kind === 'answer' ? decision.chosen.map((candidate) => candidate.scored.entry.sentence.ordinal) : [], [5, 6, 2]);
});

test('GIVEN answerability below the threshold and key words the text never uses THEN it says what the text does not mention', () => {
  const decision = decideAnswer(ranking([ranked(1, 0.2)], 0.1, 1), 0.5, { ...nothingMissing, unknownWords: ['plov', 'cook'] });
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['not-mentioned', "The text doesn't mention plov."]);
});

test('GIVEN answerability below the threshold on a topic the text has THEN it abstains gently', () => {
  const decision = decideAnswer(ranking([ranked(1, 0.2)], 0.1, 0), 0.5, nothingMissing);
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['no-answering-sentence', NOT_IN_TEXT]);
  assert.doesNotMatch(NOT_IN_TEXT, /doesn't say/u);
});

test('GIVEN the second quote continues the first in the same paragraph THEN they are one quote, the exact span of the source', async () => {
  const { joinContinuation } = await import('../../src/answering/extractive-answerer.js');
  const text = 'Title\n\nThe office was closed. This center was accused of spying. Other news.\n';
  const corpus = { contentHash: '', documents: [{ id: 'a.txt', text }] } as unknown as Parameters<typeof joinContinuation>[0];
  const quote = (sentence: string) => {
    const start = text.indexOf(sentence);
    return { text: sentence, documentId: 'a.txt', documentTitle: 'Title', section: 'Introduction', paragraph: 1, start, end: start + sentence.length };
  };
  const [joined, ...rest] = joinContinuation(
    corpus,
    [quote('The office was closed.'), quote('This center was accused of spying.'), quote('Other news.')],
    true,
  );
  assert.equal(joined?.text, 'The office was closed. This center was accused of spying.');
  assert.equal(text.slice(joined?.start, joined?.end), joined?.text);
  assert.deepEqual(
    rest.map((other) => other.text),
    ['Other news.'],
  );
  // Not adjacent, or not a continuation: left as they are.
  assert.equal(joinContinuation(corpus, [quote('The office was closed.'), quote('Other news.')], true).length, 2);
  assert.equal(joinContinuation(corpus, [quote('The office was closed.'), quote('This center was accused of spying.')], false).length, 2);
});

test('GIVEN a name the text never mentions THEN it abstains naming it, whatever the scores', () => {
  const decision = decideAnswer(ranking([ranked(1, 0.9)], 0.9, 0.2), 0.5, { ...nothingMissing, unknownNames: ['United Nations'] });
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['not-mentioned', "The text doesn't mention United Nations."]);
});

test("GIVEN none of the question's nouns is in the text THEN it abstains naming the rarest, unless a sentence very likely answers", () => {
  const missing = { unknownWords: ['library'], unknownNames: [], topics: ['library'], absentTopics: ['library'] };
  const decision = decideAnswer(ranking([ranked(1, 0.9)], 0.55, 0.4), 0.5, missing);
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['not-mentioned', "The text doesn't mention library."]);
  // A sentence that very likely answers it wins: the question named the thing in its own words.
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.9, 0.4), 0.5, missing).kind, 'answer');
  // One of its nouns in the text: the model decides.
  const partly = decideAnswer(ranking([ranked(1, 0.9)], 0.55, 0.4), 0.5, { ...missing, topics: ['library', 'baku'] });
  assert.equal(partly.kind, 'answer');
});

test('GIVEN a request whose every noun the text lacks, though a relative of it is there, THEN it is about something else; a question so worded is still judged by the model', () => {
  // "can you help me with my essay" of a text that has "help", and a word-vector relative of "essay".
  const missing = { unknownWords: ['essay'], unknownNames: [], topics: ['essay'], absentTopics: [] };
  const request = decideAnswer(ranking([ranked(1, 0.9)], 0.8, 0.6), 0.5, { ...missing, request: true });
  assert.deepEqual(request.kind === 'abstain' && [request.reason, request.message], ['not-mentioned', "The text doesn't mention essay."]);
  const question = decideAnswer(ranking([ranked(1, 0.9)], 0.8, 0.6), 0.5, missing);
  assert.equal(question.kind, 'answer');
  // A request naming a word of the text is answered ("can you explain the tariffs").
  const about = decideAnswer(ranking([ranked(1, 0.9)], 0.8, 0.2), 0.5, {
    unknownWords: ['explain'],
    unknownNames: [],
    topics: ['tariffs'],
    absentTopics: [],
    request: true,
  });
  assert.equal(about.kind, 'answer');
});

test("GIVEN a question about the asker's coming days THEN it abstains, saying the text says nothing about them, however likely a sentence", () => {
  const decision = decideAnswer(ranking([ranked(1, 0.9)], 0.95), 0.5, { ...nothingMissing, nearFuture: 'tomorrow' });
  assert.equal(decision.kind, 'abstain');
  assert.equal(decision.kind === 'abstain' ? decision.message : '', "The text doesn't say anything about tomorrow.");
});

test('GIVEN every question word absent but one of them has a word of its family in the text THEN it is not about something else', () => {
  const missing = { ...nothingMissing, unknownWords: ['think'], topics: ['environmentalists'] };
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.4, 1), 0.35, { ...missing, relatedWords: ['environmentalists'] }).kind, 'answer');
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.4, 1), 0.35, missing).kind, 'abstain');
});

test("GIVEN a question about the asker's present moment THEN it abstains saying the text does not say it, however likely a sentence", () => {
  // "what time is it" of a text that says "at a time when…".
  const decision = decideAnswer(ranking([ranked(1, 0.9)], 0.95), 0.5, { ...nothingMissing, askerNow: 'what time it is now' });
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['not-mentioned', "The text doesn't say what time it is now."]);
});

test('GIVEN a question naming no noun but the kind of answer, whose every other word the text lacks, THEN it is about something else', () => {
  // "who is the richest person alive" of a text that has "person" (a kind of answer) but neither "richest" nor "alive".
  const missing = { ...nothingMissing, unknownWords: ['richest', 'alive'], ownWords: ['richest', 'person', 'alive'] };
  const decision = decideAnswer(ranking([ranked(1, 0.9)], 0.49, 0.8), 0.36, missing);
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['not-mentioned', "The text doesn't mention richest."]);
  // One describing word the text has ("who is the richest person in baku"), a noun of its own, or a likely answer: the model decides.
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.49, 0.5), 0.36, { ...missing, ownWords: ['richest', 'person', 'alive', 'baku'] }).kind, 'answer');
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.49, 0.8), 0.36, { ...missing, topics: ['fortune'], absentTopics: [] }).kind, 'answer');
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.7, 0.8), 0.36, missing).kind, 'answer');
});

test('GIVEN every noun of the question in the text only as another part of speech THEN it is about something else, named', () => {
  // "recommend a good book to read" of a text whose only "book" is "tourists would book elsewhere".
  const missing = { ...nothingMissing, unknownWords: ['recommend'], topics: ['book'], otherwiseUsedTopics: ['book'], ownWords: ['recommend', 'good', 'book'] };
  const decision = decideAnswer(ranking([ranked(1, 0.9)], 0.46, 0.3), 0.36, missing);
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['not-mentioned', "The text doesn't mention book."]);
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.46, 0.3), 0.36, { ...missing, otherwiseUsedTopics: [] }).kind, 'answer');
  // A request so worded is not about the text however likely a sentence looks.
  assert.equal(decideAnswer(ranking([ranked(1, 0.9)], 0.65, 0.3), 0.36, { ...missing, request: true }).kind, 'abstain');
});

test('GIVEN a request for a thing the text never names THEN it abstains naming it, though a word describing it is in the text', () => {
  // "can you make me a study schedule" of a text that says "to study what went right": the schedule is what is asked for.
  const missing = {
    unknownWords: ['schedule'],
    unknownNames: [],
    topics: ['study', 'schedule'],
    absentTopics: [],
    request: true,
    requestedThing: 'schedule',
  };
  const decision = decideAnswer(ranking([ranked(1, 0.6)], 0.7, 0.5), 0.5, missing);
  assert.deepEqual(decision.kind === 'abstain' && [decision.reason, decision.message], ['not-mentioned', "The text doesn't mention schedule."]);
  // The same words asked as a question, or a request for something the text has, are answered.
  assert.equal(decideAnswer(ranking([ranked(1, 0.6)], 0.7, 0.5), 0.5, { ...missing, request: false }).kind, 'answer');
  assert.equal(decideAnswer(ranking([ranked(1, 0.6)], 0.7, 0.5), 0.5, { ...missing, requestedThing: 'study' }).kind, 'answer');
});
