/** amountAsked and countedNoun (question/amount-asked.ts): which amount a "how much / how + adjective / how many" question asks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountAsked, countedNoun, namesKindOfAmount } from '../../src/question/amount-asked.js';

test('GIVEN "how much" of a price or a payment THEN money is asked, outright', () => {
  assert.deepEqual(amountAsked('how much money do farmers get for drip irrigation'), { kind: 'money', outright: true, word: 'money' });
  assert.deepEqual(amountAsked('how much does the trial cost'), { kind: 'money', outright: true });
});

test('GIVEN "how much" of anything else THEN an amount is asked, and the noun measured is kept', () => {
  assert.deepEqual(amountAsked('how much water does each person get'), { kind: 'amount', outright: true, word: 'water' });
  assert.equal(amountAsked('How much retail activity does the neighborhood have?')?.word, 'activity');
});

test('GIVEN "how" and an adjective THEN an amount is asked as a degree, not outright', () => {
  assert.deepEqual(amountAsked('how full are valencias reservoirs'), { kind: 'amount', outright: false, word: 'full' });
  assert.equal(amountAsked('how expensive is the night service')?.kind, 'money');
});

test('GIVEN a manner, a count, an age, a length or a frequency question THEN no amount is asked here', () => {
  for (const question of [
    'how did putin fix it',
    'how many died',
    'how old is he',
    'how long is line 4',
    'how often do trams run',
    'how are you',
    'who paid how much',
  ])
    assert.equal(amountAsked(question), undefined, question);
});

test('GIVEN "how many" THEN the thing counted is the last noun after it', () => {
  assert.equal(countedNoun('how many driver vacancies are there'), 'vacancies');
  assert.equal(countedNoun('how many died'), undefined);
  assert.equal(countedNoun('who shot down the plane and how many died'), undefined);
});

test('GIVEN a word of paying THEN it only names the kind of amount', () => {
  assert.ok(namesKindOfAmount('money'));
  assert.ok(!namesKindOfAmount('water'));
});
