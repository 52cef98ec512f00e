import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Corpus } from '../../src/corpus/types.js';
import { makeQuiz } from '../../src/study/make-quiz.js';
import { timeline } from '../../src/study/timeline.js';
import { whosWho } from '../../src/study/whos-who.js';
import { assertLocated, mentions } from './study-fixtures.js';

// Another article, with names the recogniser was never tuned on: it must work from the words around them.
const ARTICLE = `The river deal that split two capitals
12 March 2024
By Ana Pereira

Last year, talks between Lisbon and Madrid over the Tagus River collapsed. According to Reuters, the Spanish Ministry of Ecological Transition refused to release more water. Environmental economist Marta Ruiz, a professor at the University of Salamanca, warned that farmers in Extremadura would suffer.
Prime Minister Luís Montenegro said that Portugal would take the case to the European Commission. Montenegro’s government later softened its tone. El País reported that 40 percent of the basin was in drought in 2023.
Despite these tensions, both governments signed a new protocol in late 2023. Two years ago, a similar agreement failed.
Lisbon also closed the Spanish Cultural Centre (Instituto Cervantes) office, and Madrid summoned the Portuguese Lighthouse (Farol) staff.
Meanwhile the river agency CHT rationed water for growers in the province of Cáceres.
`;

let folder: string;
let corpus: Corpus;
before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'footnote-entities-'));
  await writeFile(path.join(folder, 'river.txt'), ARTICLE, 'utf8');
  corpus = (await loadCorpus(folder)).corpus;
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the study tools on another article', () => {
  test('GIVEN names it has no list of THEN people, institutions and places are told apart by their context', () => {
    const found = new Map(whosWho(corpus).entities.map((entry) => [entry.name, entry]));
    assert.equal(found.get('Marta Ruiz')?.kind, 'person');
    // A name that gives its short form in brackets is an institution's full name, nationality adjective included.
    assert.equal(found.get('Portuguese Lighthouse')?.kind, 'organisation', [...found.keys()].join(', '));
    assert.deepEqual(found.get('Portuguese Lighthouse')?.aliases, ['Farol']);
    // An institution or place noun just before a name: "the river agency CHT", "the province of Cáceres".
    assert.equal(found.get('CHT')?.kind, 'organisation');
    assert.equal(found.get('Cáceres')?.kind, 'place');
    assert.equal(found.get('Marta Ruiz')?.role, 'a professor at the University of Salamanca');
    assert.equal(found.get('Luís Montenegro')?.role, 'Prime Minister');
    assert.deepEqual(found.get('Luís Montenegro')?.aliases, ['Montenegro']);
    for (const organisation of ['Reuters', 'El País', 'European Commission', 'University of Salamanca', 'Spanish Ministry of Ecological Transition'])
      assert.equal(found.get(organisation)?.kind, 'organisation', organisation);
    for (const place of ['Extremadura', 'Tagus River']) assert.equal(found.get(place)?.kind, 'place', place);
    for (const notAName of ['Despite', 'Last', 'Two', 'Environmental']) assert.equal(found.has(notAName), false, notAName);
  });

  test('GIVEN relative dates THEN they resolve against this article’s own date (12 March 2024)', () => {
    const events = timeline(corpus).events;
    assert.deepEqual(
      events.map((event) => [event.when, event.date]),
      [
        ['Two years ago (about 2022)', '2022-01-01'],
        ['Last year (about 2023)', '2023-01-01'],
        ['2023', '2023-01-01'],
        ['late 2023', '2023-09-01'],
      ],
    );
  });

  test('GIVEN a quiz THEN its answers are spans of located quotes and its distractors are not in them', () => {
    const outcome = makeQuiz(corpus, { count: 5, seed: 'river' });
    assert.ok(outcome.ok);
    assert.ok(outcome.quiz.questions.length >= 3);
    for (const question of outcome.quiz.questions) {
      assertLocated(corpus, question.quote);
      assert.equal(corpus.documents[0]?.text.slice(question.answerStart, question.answerEnd), question.choices[question.answerIndex]);
      question.choices.forEach((choice, index) => assert.equal(mentions(question.quote.text, choice), index === question.answerIndex, choice));
    }
  });
});
