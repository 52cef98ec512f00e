import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Corpus } from '../../src/corpus/types.js';
import { makeQuiz, type Quiz } from '../../src/study/make-quiz.js';
import { whosWho } from '../../src/study/whos-who.js';
import { assertLocated, loadArticle, mentions } from './study-fixtures.js';

let corpus: Corpus;
before(async () => {
  corpus = await loadArticle();
});

function quizOf(options: Parameters<typeof makeQuiz>[1]): Quiz {
  const outcome = makeQuiz(corpus, options);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.problem.message);
  return outcome.quiz;
}

const SEEDS = Array.from({ length: 25 }, (_, index) => `seed-${index}`);

describe('makeQuiz', () => {
  test('GIVEN many seeds THEN each correct choice is the span of its quote and no distractor occurs in that quote', () => {
    for (const seed of SEEDS) {
      for (const question of quizOf({ count: 10, seed }).questions) {
        assertLocated(corpus, question.quote);
        const correct = question.choices[question.answerIndex];
        assert.ok(correct !== undefined, `${seed}: answerIndex out of range`);
        assert.equal(
          question.quote.text.slice(question.answerStart - question.quote.start, question.answerEnd - question.quote.start),
          correct,
          `${seed}: correct choice is not the span of its quote`,
        );
        assert.ok(mentions(question.quote.text, correct));
        for (const [index, choice] of question.choices.entries()) {
          if (index !== question.answerIndex)
            assert.ok(!mentions(question.quote.text, choice), `${seed}: distractor “${choice}” occurs in the quote of “${question.prompt}”`);
        }
        assert.equal(new Set(question.choices.map((choice) => choice.toLowerCase())).size, question.choices.length, `${seed}: repeated choice`);
        assert.ok(question.choices.length >= 3 && question.choices.length <= 4);
      }
    }
  });

  test('GIVEN a quiz THEN no question repeats: prompts (with their choices), source sentences and answers are all different', () => {
    for (const seed of SEEDS) {
      const questions = quizOf({ count: 10, seed }).questions;
      assert.equal(questions.length, 10, `${seed}: asked for 10`);
      // Every "Which of these does the text say?" has that prompt: its statements tell it apart.
      const shown = questions.map((question) => (question.kind === 'which-true' ? `${question.prompt} ${question.choices.join(' | ')}` : question.prompt));
      assert.equal(new Set(shown).size, questions.length);
      assert.equal(new Set(questions.map((question) => question.quote.start)).size, questions.length);
      assert.equal(new Set(questions.map((question) => question.choices[question.answerIndex]?.toLowerCase())).size, questions.length);
    }
  });

  test('GIVEN the same seed twice THEN the same quiz; GIVEN other seeds THEN other quizzes', () => {
    assert.deepEqual(quizOf({ count: 7, seed: 'reading group' }), quizOf({ count: 7, seed: 'reading group' }));
    const prompts = new Set(SEEDS.map((seed) => JSON.stringify(quizOf({ count: 5, seed }).questions.map((question) => [question.prompt, question.choices]))));
    assert.ok(prompts.size > SEEDS.length / 2, `only ${prompts.size} different quizzes from ${SEEDS.length} seeds`);
  });

  test('GIVEN a fill-in question THEN the prompt is the clause that holds the answer, with a blank, no reference to an unseen sentence, and no giveaway', () => {
    let fillIns = 0;
    for (const seed of SEEDS) {
      for (const question of quizOf({ count: 10, seed }).questions) {
        const correct = question.choices[question.answerIndex] ?? '';
        assert.ok(question.prompt.length <= 200, `${seed}: a prompt of ${question.prompt.length} characters`);
        if (question.kind === 'fill-in') {
          fillIns += 1;
          const body = question.prompt.replace(/^Fill in the blank: /u, '');
          assert.doesNotMatch(body, /^(?:This|These|Such|They|Its|Their)\b|^It\b(?!\s+\w+\s+that\b)/u, `${seed}: “${body}” opens with an unresolved reference`);
          const clause = body.replace(/^…/u, '').replace(/(?:…|[.!?”"]+)$/u, '');
          assert.ok(question.quote.text.includes(clause.replace('_____', correct)), `${seed}: “${body}” is not a clause of its quote with the answer blanked`);
        }
        assert.ok(!mentions(question.prompt, correct), `${seed}: the prompt “${question.prompt}” contains its answer`);
      }
    }
    assert.ok(fillIns > 0);
  });

  test('GIVEN distractors THEN they are of the same kind as the answer', () => {
    const entries = whosWho(corpus).entities;
    const namesOf = (kind: string): Set<string> =>
      new Set(
        entries
          .filter((entry) => entry.kind === kind)
          .flatMap((entry) =>
            [entry.name, entry.name.replace(/^The /u, ''), entry.name.split(' ').at(-1) ?? '', ...entry.aliases].map((name) => name.toLowerCase()),
          ),
      );
    const text = corpus.documents[0]?.text ?? '';
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      for (const question of quizOf({ count: 10, seed }).questions) {
        kinds.add(question.answerKind);
        for (const [index, choice] of question.choices.entries()) {
          if (question.answerKind === 'year') assert.match(choice, /^(?:19|20)\d{2}$/u);
          else if (question.answerKind === 'number')
            assert.match(choice, /^(?:\d[\d,.]*|[A-Za-z]+(?:-[a-z]+)?)(?: (?:thousand|million|billion))?(?: ?(?:%|percent))?$/u);
          else if (question.answerKind === 'statement')
            // One statement the text makes; the others are altered copies the text does not make.
            assert.equal(text.includes(choice), index === question.answerIndex, `${seed}: “${choice}” (which does the text say?)`);
          else if (question.answerKind === 'reason' || question.answerKind === 'event')
            assert.ok(text.includes(choice), `${seed}: the ${question.answerKind} “${choice}” is not from the text`);
          else
            assert.ok(
              namesOf(question.answerKind).has(choice.toLowerCase()),
              `${seed}: “${choice}” is not a ${question.answerKind} of the text (question: ${question.prompt})`,
            );
        }
      }
    }
    assert.deepEqual([...kinds].sort(), ['event', 'number', 'organisation', 'person', 'place', 'reason', 'statement', 'year']);
  });

  test('GIVEN a number question THEN the distractors are written like the answer (words with words, “percent” kept)', () => {
    const numberQuestions = SEEDS.flatMap((seed) => quizOf({ count: 10, seed }).questions).filter((question) => question.answerKind === 'number');
    assert.ok(numberQuestions.length > 0);
    for (const question of numberQuestions) {
      const correct = question.choices[question.answerIndex] ?? '';
      for (const choice of question.choices) {
        assert.equal(/^\d/u.test(choice), /^\d/u.test(correct), `“${choice}” is not written like “${correct}”`);
        assert.equal(/percent|million/u.exec(choice)?.[0], /percent|million/u.exec(correct)?.[0]);
      }
    }
  });

  test('GIVEN quizzes of 10 over 10 seeds THEN at least four kinds, at most 30% fill-in, and most paragraphs used', () => {
    const quizzes = SEEDS.slice(0, 10).map((seed) => quizOf({ count: 10, seed }));
    const questions = quizzes.flatMap((quiz) => quiz.questions);
    const kinds = new Set(questions.map((question) => question.kind));
    assert.ok(kinds.size >= 4, `kinds: ${[...kinds].join(', ')}`);
    for (const kind of ['why', 'which-true', 'who-said', 'order'] as const) assert.ok(kinds.has(kind), `no ${kind} question`);
    const fillIns = questions.filter((question) => question.kind === 'fill-in').length;
    assert.ok(fillIns <= 0.3 * questions.length, `${fillIns} of ${questions.length} are fill-in`);
    const paragraphs = new Set(questions.map((question) => question.quote.paragraph));
    const total = corpus.documents[0]?.paragraphs.length ?? 0;
    assert.ok(paragraphs.size >= 0.7 * total, `${paragraphs.size} of ${total} paragraphs asked about`);
  });

  test('GIVEN a section THEN every question comes from it', () => {
    const quiz = quizOf({ count: 4, seed: 3, section: 'Aligning with Moscow' });
    assert.ok(quiz.questions.length >= 2);
    for (const question of quiz.questions) assert.equal(question.quote.section, 'Aligning with Moscow’s rivals and geopolitical provocations');
  });

  test('GIVEN a count outside 1–10 or an unknown section THEN the outcome is a problem, not a throw', () => {
    for (const count of [0, 11, 2.5]) {
      const outcome = makeQuiz(corpus, { count, seed: 1 });
      assert.ok(!outcome.ok);
      assert.equal(outcome.problem.kind, 'bad-count');
    }
    const outcome = makeQuiz(corpus, { count: 3, seed: 1, section: 'Weather' });
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.kind, 'unknown-section');
  });

  test('GIVEN the same question in two quizzes THEN it keeps its id, so a review card follows it', () => {
    const ids = new Map<string, string>();
    for (const seed of SEEDS) {
      for (const question of quizOf({ count: 10, seed }).questions) {
        const key = `${question.prompt}|${question.choices[question.answerIndex]}`;
        const known = ids.get(question.id);
        if (known !== undefined) assert.equal(known, key, 'one id for two questions');
        ids.set(question.id, key);
      }
    }
  });
});
