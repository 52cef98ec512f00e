import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { corpusOf } from '../../src/corpus/find-document.js';
import type { Corpus } from '../../src/corpus/types.js';
import { makeQuiz } from '../../src/study/make-quiz.js';
import { timeline } from '../../src/study/timeline.js';
import { whosWho } from '../../src/study/whos-who.js';

// The second and third texts of eval/: fewer reasons and roles than the Baku article, many names and numbers.
const TEXTS = fileURLToPath(new URL('../../eval/texts/', import.meta.url));

let valencia: Corpus;
let lindmark: Corpus;
before(async () => {
  const corpus = (await loadCorpus(TEXTS)).corpus;
  const part = (id: string): Corpus => {
    const document = corpus.documents.find((candidate) => candidate.id.startsWith(id));
    assert.ok(document, `${id} is missing from eval/texts`);
    return corpusOf(corpus, document);
  };
  valencia = part('how-valencia');
  lindmark = part('lindmark');
});

describe('the study tools on texts with few questions beyond names and numbers', () => {
  test('GIVEN quizzes of 10 over 10 seeds THEN fill-in stays within 30% of each quiz as given, at least four kinds, most quizzes full', () => {
    for (const corpus of [valencia, lindmark]) {
      const kinds = new Set<string>();
      let full = 0;
      for (let seed = 0; seed < 10; seed += 1) {
        const outcome = makeQuiz(corpus, { count: 10, seed });
        assert.ok(outcome.ok);
        const { questions } = outcome.quiz;
        const fillIns = questions.filter((question) => question.kind === 'fill-in').length;
        assert.ok(fillIns <= 0.3 * questions.length, `${corpus.documents[0]?.id} seed ${seed}: ${fillIns} fill-in of ${questions.length}`);
        for (const question of questions) kinds.add(question.kind);
        if (questions.length === 10) full += 1;
      }
      assert.ok(kinds.size >= 4, `${corpus.documents[0]?.id}: ${[...kinds].join(', ')}`);
      assert.ok(full >= 8, `${corpus.documents[0]?.id}: ${full} of 10 quizzes have 10 questions`);
    }
  });

  test('GIVEN an institution described by the words before its name THEN that is its role, and a who-is question asks for it', () => {
    const found = new Map(whosWho(valencia).entities.map((entry) => [entry.name, entry]));
    assert.equal(found.get('AEMET')?.role, 'national weather agency');
    assert.equal(found.get('Aguas de Valencia')?.role, 'water company');
    assert.equal(found.get('Ministry for the Ecological Transition')?.kind, 'organisation', [...found.keys()].join(', '));
    assert.equal(found.get('Ecologistas en Acción')?.kind, 'organisation');
    const prompts = Array.from({ length: 10 }, (_, seed) => makeQuiz(valencia, { count: 10, seed }))
      .flatMap((outcome) => (outcome.ok ? outcome.quiz.questions : []))
      .filter((question) => question.kind === 'who-is')
      .map((question) => question.prompt);
    assert.ok(prompts.includes('Which organisation does the text describe as the “national weather agency”?'), prompts.join(' | '));
  });

  test('GIVEN bylines THEN their authors are people; streets, parks and months are no people', () => {
    const found = new Map(whosWho(lindmark).entities.map((entry) => [entry.name, entry.kind]));
    assert.equal(found.get('Helena Marsh'), 'person');
    for (const place of ['Kessel Park', 'Mill Street', 'Harbour Road']) assert.equal(found.get(place), 'place', place);
    for (const month of ['January', 'May', 'September']) assert.equal(found.has(month), false, month);
    assert.equal(found.get('Lindmark Verkehr'), 'organisation');
  });

  test('GIVEN “The council will vote in May on extending the night service to Lines 1, 2 and 7” THEN May 2024 (the text is of March 2024), the list whole', () => {
    const vote = timeline(lindmark).events.find((event) => event.text.startsWith('The council will vote in May'));
    assert.equal(vote?.date, '2024-05-01');
    assert.equal(vote.text, 'The council will vote in May on extending the night service to Lines 1, 2 and 7');
  });
});
