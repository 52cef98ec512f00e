import { randomBytes } from 'node:crypto';
import { makeQuiz, MAX_QUIZ_QUESTIONS } from '../../study/make-quiz.js';
import { noPositionals, parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { quizJson, quizText, reportProblem } from '../format-study.js';
import { loadPartsForCli } from '../load-corpus-for-cli.js';

export const quizCliCommand = {
  name: 'quiz',
  summary: 'A quiz on the text (multiple choice and fill in the blank), with the quote behind each answer.',
  usage: `quiz [--count 1-${MAX_QUIZ_QUESTIONS}] [--section NAME] [--document TITLE] [--server ID] [--seed S] [--json]`,
  interpretRegexps: true,
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['count', 'section', 'seed', 'document', 'server'] });
    noPositionals(parsed);
    const countFlag = parsed.flags.get('count') ?? '5';
    const count = Number(countFlag);
    if (countFlag === true || !Number.isInteger(count) || count < 1 || count > MAX_QUIZ_QUESTIONS)
      throw new UsageError(`--count is a whole number from 1 to ${MAX_QUIZ_QUESTIONS}`);
    const seedFlag = parsed.flags.get('seed');
    if (seedFlag === true) throw new UsageError('--seed needs a value');
    // Without --seed every run differs; the seed is printed so a quiz can be given again.
    const seed = seedFlag ?? randomBytes(4).toString('hex');
    const section = parsed.flags.get('section');
    const json = parsed.flags.has('json');
    const sectionName = typeof section === 'string' ? section : undefined;
    // Several documents: one quiz over the library, its questions in reading order, so document by document.
    const { corpus: library, parts } = await loadPartsForCli(io, parsed.flags, { section: sectionName });
    const corpus = parts.length === 1 && parts[0] !== undefined ? parts[0] : library;
    const outcome = makeQuiz(corpus, { count, seed, section: sectionName });
    if (!outcome.ok) return reportProblem(io, outcome.problem, json);
    writeLine(io.stdout, json ? JSON.stringify(quizJson(outcome.quiz, count)) : quizText(corpus, outcome.quiz, count));
    return 0;
  },
} satisfies CliCommand;
