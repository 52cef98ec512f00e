import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConversationStore } from '../../src/conversation/conversation-store.js';
import {
  asksMeasureTheTextLacks,
  measureAskedOf,
  answeredPerson,
  askedOfAnother,
  asksActionTheTextLacks,
  replacesSubject,
  resolveFollowUp as resolveWithTopics,
  standaloneFollowUp,
  subjectFor,
  subjectOf as subjectWithTopics,
} from '../../src/conversation/follow-up.js';
import { questionTopics } from '../../src/question/question-topics.js';

/** The engine passes each question's nouns and names as read by question-topics.ts. */
const resolveFollowUp = (question: string) => resolveWithTopics(question, questionTopics(question).topics);
const subjectOf = (question: string, rank: (word: string) => number | undefined) => subjectWithTopics(question, rank, questionTopics(question).topics);

test('GIVEN an earlier turn THEN pronouns, ellipsis and short unnamed questions lean on it', () => {
  for (const question of [
    'Who apologised for it?',
    'And why?',
    'What about the victims?',
    'How many people died?',
    'Why?',
    'who lives there',
    'why not',
    'is that true',
  ])
    assert.equal(resolveFollowUp(question).leans, true, question);
});

test('GIVEN a question that names its own subject THEN it stands on its own', () => {
  assert.equal(resolveFollowUp('What did Toral Ganjali accuse Russia of?').leans, false);
  // Typed as students type: lower case, short, a typo — still a subject of its own. "why" or "this" alone make no follow-up.
  for (const question of [
    'did russia retaliate',
    'who was the pilot',
    'what happend in yekaterinberg',
    'recommend a good book',
    'who is ovchuk',
    'why does baku need russia',
    'what does this article say about turkey',
  ])
    assert.equal(resolveFollowUp(question).leans, false, question);
});

test('GIVEN a conversation store THEN turns are bounded, expire, and the least recently used conversation goes first', () => {
  let clock = 0;
  const store = new ConversationStore({ maxTurns: 2, ttlMs: 1000, maxConversations: 2, now: () => clock });
  const turn = (question: string) => ({ question, standaloneQuestion: question, answer: '', abstained: false });
  store.record('a', turn('1'));
  store.record('a', turn('2'));
  store.record('a', turn('3'));
  assert.deepEqual(
    store.history('a').map((entry) => entry.question),
    ['2', '3'],
  );
  store.record('b', turn('x'));
  store.record('c', turn('y'));
  assert.equal(store.history('a').length, 0, 'a was the least recently used of three');
  clock = 2000;
  assert.equal(store.history('c').length, 0, 'expired after the quiet period');
});

test('GIVEN an earlier question THEN its subject is its names, or else its rarest noun with the nouns written beside it', () => {
  const rank = (word: string) =>
    new Map([
      ['plane', 900],
      ['crash', 2500],
      ['tell', 100],
    ]).get(word);
  assert.equal(subjectOf('Who is Maria Zakharova?', rank), 'Maria Zakharova');
  assert.equal(subjectOf('what did Baku’s media say?', rank), 'Baku');
  assert.equal(subjectOf('tell me about the plane crash', rank), 'crash');
  assert.equal(subjectOf('why?', rank), undefined);
  // The whole compound the rarest noun stands in: a later "they" is the staff, not Sputnik.
  assert.equal(
    subjectOf('why did they arrest the sputnik staff', (word) => (word === 'sputnik' ? 40_000 : 500)),
    'sputnik staff',
  );
  // A verb is no subject: "what happened to the plane" is about the plane, however rare "happened" is.
  assert.equal(
    subjectOf('what happened to the plane', (word) =>
      new Map([
        ['plane', 900],
        ['happened', 5000],
      ]).get(word),
    ),
    'plane',
  );
});

test('GIVEN a follow-up THEN its pronoun becomes the earlier subject, or the subject is added to an ellipsis', () => {
  assert.equal(standaloneFollowUp('what did she say?', 'Zakharova'), 'what did Zakharova say?');
  assert.equal(standaloneFollowUp('why did they close it?', 'Sputnik'), 'why did Sputnik close it?');
  assert.equal(standaloneFollowUp('what was its role?', 'Sputnik'), 'what was Sputnik’s role?');
  assert.equal(standaloneFollowUp('how many died?', 'plane crash'), 'how many died (plane crash)?');
  assert.equal(standaloneFollowUp('what did Zakharova say next?', 'Zakharova'), 'what did Zakharova say next?');
});

test('GIVEN a "who" question answered with a name THEN a later "he", "she" or "they" stands for that name, "it" for the subject', () => {
  const person = answeredPerson(
    'Whose popularity has been boosted by foreign victories?',
    'Domestically, external victories have been a key source of Ilham Aliyev’s popularity, particularly since the 2020 war.',
  );
  assert.equal(person, 'Ilham Aliyev');
  assert.equal(answeredPerson('who is Ilham Aliyev', 'Ilham Aliyev is the president.'), undefined, 'a name the question already used is no answer');
  const turn = { subject: 'popularity', person: 'Ilham Aliyev' };
  assert.equal(subjectFor('and since when has he held power?', turn), 'Ilham Aliyev');
  assert.equal(subjectFor('what do they say', turn), 'Ilham Aliyev');
  assert.equal(subjectFor('when did it grow?', turn), 'popularity');
  assert.equal(subjectFor('what did she say?', { subject: 'Zakharova' }), 'Zakharova');
});

test('GIVEN a turn about a person THEN a later "it" stands for the latest earlier subject that is not a person', () => {
  const isPerson = (name: string) => name === 'putin' || name === 'Zakharova';
  const earlier = [{ subject: 'plane crash' }, { subject: 'Zakharova' }, { subject: 'visa', abstained: true }];
  const turn = { subject: 'putin' };
  assert.equal(subjectFor('what else did russia do to fix it', turn, { earlier, isPerson }), 'plane crash', 'abstained turns and persons are passed over');
  assert.equal(subjectFor('what was its cost', turn, { earlier, isPerson }), 'plane crash');
  assert.equal(subjectFor('what did he say', turn, { earlier, isPerson }), 'putin', '"he" stands for the person');
  assert.equal(subjectFor('what else did russia do to fix it', turn, { isPerson }), 'putin', 'with nothing earlier, the subject stays');
  assert.equal(subjectFor('why was it shut down', { subject: 'Sputnik' }, { earlier, isPerson }), 'Sputnik');
});

test('GIVEN "he" after a subject that is no name THEN it stands for the person named near the earlier answer', () => {
  const isName = (name: string) => name !== 'break';
  const near = () => 'DJ Kool Herc';
  assert.equal(subjectFor('did he influence others', { subject: 'break' }, { nearbyPerson: near, isName }), 'DJ Kool Herc');
  assert.equal(subjectFor('what did he say', { subject: 'Arif Yunusov' }, { nearbyPerson: near, isName }), 'Arif Yunusov', 'a name stays');
  assert.equal(subjectFor('did they like it', { subject: 'break' }, { nearbyPerson: near, isName }), 'break', '"they" may be things');
  assert.equal(subjectFor('did he influence others', { subject: 'break' }, { isName }), 'break', 'no person near');
});

test('GIVEN "what about X?" THEN the earlier question is asked of X; an opening without a noun phrase is not', () => {
  assert.equal(askedOfAnother('what about hotels?', 'how much do households pay', 'households'), 'how much do hotels pay');
  assert.equal(askedOfAnother('and the farmers?', 'what did hosbec want', 'hosbec'), 'what did the farmers want');
  assert.equal(askedOfAnother('and al jazeera?', 'what did the washington post say', 'washington post'), 'what did al jazeera say');
  assert.equal(askedOfAnother('and why?', 'what did hosbec want', 'hosbec'), undefined);
  assert.equal(askedOfAnother('and during the day?', 'how often do trams run at night', 'trams'), undefined);
  assert.equal(askedOfAnother('what about hotels?', 'how much do they pay', 'households'), undefined, 'the subject is not written in it');
  assert.equal(askedOfAnother('who are the farmers', 'what did hosbec want', 'hosbec'), undefined);
});

test('GIVEN a pronoun that takes the place of the earlier subject THEN replacesSubject says so; "there" and "then" do not', () => {
  assert.equal(replacesSubject('who shot it down'), true);
  assert.equal(replacesSubject('what was its role'), true);
  assert.equal(replacesSubject('who lives there'), false);
  assert.equal(replacesSubject('what about hotels'), false);
});

test('GIVEN a leaning question with a verb the text lacks THEN it asks an action of the earlier subject', () => {
  assert.equal(asksActionTheTextLacks('why was it shut down', ['shut']), true);
  assert.equal(asksActionTheTextLacks('what did they ban', ['ban']), true);
  assert.equal(asksActionTheTextLacks('how old is he', ['old']), false, 'an adjective asks for something else');
  assert.equal(asksActionTheTextLacks('why was it shut down', []), false, 'the text has every word');
  assert.equal(asksActionTheTextLacks('what happened then', ['happened']), true);
});

test('GIVEN a question joined by "and"/"but" with a subject and a verb of its own and no pronoun THEN it stands alone first', async () => {
  const { joinedButSelfContained } = await import('../../src/conversation/follow-up.js');
  const selfContained = (question: string) => joinedButSelfContained(question, questionTopics(question).topics);
  assert.equal(selfContained('and what did valencias mayor say back'), true);
  assert.equal(selfContained('but why did the hotels refuse'), true);
  // A pronoun for the earlier subject, no verb ("and the police?"), nothing named, or no joining word: not so.
  for (const question of ['and where did it crash', 'and the police?', 'and why?', 'what did the mayor say'])
    assert.equal(selfContained(question), false, question);
});

test('GIVEN "how tall is he" and the text lacks only "tall" THEN it asks a measure of the earlier subject', () => {
  assert.ok(asksMeasureTheTextLacks('how tall is he', ['tall']));
  assert.ok(!asksMeasureTheTextLacks('how tall is the eiffel tower', ['tall', 'eiffel', 'tower']));
  assert.ok(!asksMeasureTheTextLacks('is it going to rain', ['rain']));
  assert.equal(measureAskedOf('how old is alexey ovchuk?'), 'how old alexey ovchuk is');
  assert.equal(measureAskedOf('how old is alexey ovchuk?', ['Deputy Prime Minister Alexey Ovchuk']), 'how old Alexey Ovchuk is');
  assert.equal(measureAskedOf('what did he say'), undefined);
});
