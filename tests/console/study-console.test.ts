import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { consoleFeedbackStore } from '../../src/console/console-feedback-store.js';
import { runConsole } from '../../src/console/console-session.js';
import { parseConsoleLine } from '../../src/console/parse-console-line.js';
import { slashCommands } from '../../src/commands/command-list.js';
import { silentLogger } from '../../src/logger.js';
import { makeQuiz } from '../../src/study/make-quiz.js';
import type { QuizQuestion } from '../../src/study/make-quiz.js';
import { StudyStore } from '../../src/study/study-store.js';
import { realEngine } from '../discord/bot-harness.js';
import { asyncStudyStore } from '../../src/study/async-study-store.js';

const letters = 'abcd';

test('GIVEN /press lines THEN they stand for clicking the buttons the console listed', () => {
  assert.deepEqual(parseConsoleLine('/press 2C', slashCommands), { kind: 'press', key: '2c' });
  assert.equal(parseConsoleLine('/press', slashCommands).kind, 'problem');
  const quiz = parseConsoleLine('/quiz questions:3 section:Arrests', slashCommands);
  assert.ok(quiz.kind === 'command');
  assert.deepEqual(Object.fromEntries(quiz.options), { questions: 3, section: 'Arrests' });
  assert.equal(parseConsoleLine('/quiz questions:many', slashCommands).kind, 'problem');
  const who = parseConsoleLine('/who Dmitry Peskov', slashCommands);
  assert.ok(who.kind === 'command');
  assert.deepEqual(Object.fromEntries(who.options), { name: 'Dmitry Peskov' });
});

test('GIVEN a quiz, answers, a review and a study guide in the console THEN the same handlers answer as text and the scores land in the SQLite file', async (t) => {
  const engine = await realEngine();
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-console-study-'));
  const databaseFile = path.join(folder, 'footnote.sqlite');
  const study = new StudyStore(databaseFile, { now: () => clock() });
  t.after(() => {
    study.close();
    rmSync(folder, { recursive: true, force: true });
  });
  let ids = 0;
  const newId = () => `seed${(ids += 1)}`;
  // /quiz takes the first id as its seed: the test can rebuild the quiz it will be shown.
  const made = makeQuiz(engine.corpus, { count: 2, seed: 'seed1' });
  assert.ok(made.ok);
  const [first, second] = made.quiz.questions as [QuizQuestion, QuizQuestion];
  const rightKey = (row: number, question: QuizQuestion) => `${row}${letters[question.answerIndex]}`;
  const wrongKey = (row: number, question: QuizQuestion) => `${row}${letters[question.answerIndex === 0 ? 1 : 0]}`;

  // The store's clock: a missed question is due the next day, so the second session runs a day later.
  let later = 0;
  const clock = () => new Date(Date.now() + later);
  const session = async (lines: readonly string[]) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    input.end([...lines, ''].join('\n'));
    const counted = await runConsole({
      services: { engine, feedback: consoleFeedbackStore, study: asyncStudyStore(study), logger: silentLogger, now: clock, newId },
      input,
      output,
      interactive: false,
      sessionId: 'study',
    });
    return { printed, counted };
  };
  const today = await session([
    '/quiz questions:2',
    `/press ${rightKey(1, first)}`,
    `/press ${wrongKey(2, second)}`,
    `/press ${rightKey(2, second)}`,
    '/review',
  ]);
  assert.match(today.printed, /Nothing is due now\. You have 1 card; the next is due tomorrow/);
  later = 86_400_000 + 60_000;
  const nextDay = await session(['/review', `/press ${rightKey(1, second)}`, '/leaderboard', '/press 7z', '/studyguide']);
  const text = today.printed + nextDay.printed;
  const summary = { commands: today.counted.commands + nextDay.counted.commands, problems: today.counted.problems + nextDay.counted.problems };

  assert.match(text, /Quiz: How Baku is playing with fire/);
  assert.ok(text.includes(`  [1a] 1 · ${first.choices[0]}   [1b] 1 · ${first.choices[1]}`), 'each question’s choices with the key to press');
  assert.match(text, /To answer, type \/press and a key/);
  assert.ok(text.includes(`Right (question 1): ${first.choices[first.answerIndex]}`));
  assert.ok(text.includes(`Not quite (question 2): the answer is ${second.choices[second.answerIndex]}`));
  assert.ok(text.includes(`  “${second.quote.text}”\n      — ${second.quote.section}, ¶ ${second.quote.paragraph}`), 'the quote explains the answer');
  assert.match(text, /You already answered question 2: your first answer stands \(not quite\)/);
  assert.match(text, /Review: 1 question due/);
  assert.match(text, /Next review tomorrow/);
  assert.match(text, /Your quiz score outside servers: 1 right of 2 \(50%\)\./);
  assert.match(text, /No button 7z: the keys are 1a, 1b/);
  assert.match(text, /\[1a\] Hard {3}\[1b\] Good {3}\[1c\] Easy/, 'a right review can be marked hard, good or easy');
  assert.match(text, /── study-guide-how-baku-is-playing-with-fire-without-getting-burned\.md \(\d+\.\d KiB\) ──\n# Study guide: /);
  assert.match(text, /### Answers/);
  assert.doesNotMatch(text, /<@|\\\(|\*\*Role/, 'no Discord markup in the terminal');
  assert.deepEqual(summary, { commands: 9, problems: 1 });

  study.close();
  const reopened = new StudyStore(databaseFile);
  t.after(() => reopened.close());
  assert.deepEqual(reopened.memberScore('direct', 'console'), { memberId: 'console', correct: 1, answered: 2 });
  assert.equal(reopened.reviewSummary('console').total, 1, 'the missed question is a review card');
});
