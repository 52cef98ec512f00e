import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsAnswerKind } from '../../src/question/answer-type.js';

test('GIVEN a "how many" question THEN a new count answers it, a year or a number from the question does not', () => {
  const question = 'How many people died when the Azal plane crashed?';
  assert.ok(holdsAnswerKind('number', 'The plane crashed in Kazakhstan, killing 67 people.', question));
  assert.ok(!holdsAnswerKind('number', 'Russian peacekeepers deployed after the 2020 war stayed.', question));
  assert.ok(holdsAnswerKind('number', 'Forty-six percent of transfers come from Russia.', 'What share of transfers comes from Russia?'));
});

test('GIVEN "how long" or "how old" THEN only a unit or an age answers', () => {
  assert.ok(holdsAnswerKind('number', 'Fifteen years after the arrest, Baku responded.', 'How long had passed since the arrest?'));
  assert.ok(!holdsAnswerKind('number', 'Forty-six percent of transfers come from Russia.', 'How long is the border?'));
  assert.ok(!holdsAnswerKind('number', 'They were accused of murders 15 years ago.', 'How old were the brothers?'));
});

test('GIVEN "when" THEN a year, a month or a relative time answers, unless the question already names it', () => {
  assert.ok(holdsAnswerKind('time', 'The first attempt came in late 2024.', 'When did Baku first challenge Moscow?'));
  assert.ok(!holdsAnswerKind('time', 'The first attempt came in late 2024.', 'What happened in 2024?'));
  assert.ok(!holdsAnswerKind('time', 'Baku ignored this and confronted Moscow.', 'When did Baku confront Moscow?'));
  // The year dates something else in the sentence, far from what was asked about.
  assert.ok(
    !holdsAnswerKind(
      'time',
      'According to Kyiv Independent, Russia’s withdrawal of peacekeepers from Karabakh and its non-intervention in Baku’s 2023 military operations against the region were interpreted by Baku as signs of strategic weakness.',
      'When did Russia withdraw its peacekeepers from Karabakh?',
    ),
  );
  assert.ok(holdsAnswerKind('time', 'Aliyev, who has inherited power since 2003, is unpopular.', 'Since when has Aliyev held power?'));
});

test('GIVEN "who" or "where" THEN a name not in the question answers', () => {
  assert.ok(holdsAnswerKind('person', 'The proposal came from former official Eldar Namazov.', 'Who proposed a base?'));
  assert.ok(holdsAnswerKind('place', 'The plane flying from Baku to Grozny crashed in Kazakhstan.', 'Where did the plane crash?'));
  assert.ok(
    !holdsAnswerKind('place', 'A monument to Heydar Aliyev was installed in Moscow.', 'Where exactly in Moscow does the Heydar Aliyev monument stand?'),
  );
});

test('GIVEN "how old" THEN it asks a person\'s age when it names a person or says he, she or they', async () => {
  const { asksAgeOfPerson } = await import('../../src/question/answer-type.js');
  for (const question of ['how old is aliyev', 'how old is rosa vintner', 'how old were the brothers when they died'])
    assert.equal(asksAgeOfPerson(question), true, question);
  for (const question of ['how old are the fossils', 'how old is the desalination plant', 'how many people died'])
    assert.equal(asksAgeOfPerson(question), false, question);
});
