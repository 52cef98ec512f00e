import { makeQuiz, MAX_QUIZ_QUESTIONS, shortQuizNote } from '../../study/make-quiz.js';
import { sectionNames } from '../../study/study-scope.js';
import type { Command } from '../command.js';
import { slashCommand, channelReadingCommand } from '../command.js';
import { documentOption, integerOption, newSeed, stringOption, requestedScope } from '../command.js';
import { corpusOf, documentTitles } from '../../corpus/find-document.js';
import { matchingChoices } from '../autocomplete.js';
import { quizButtonId } from '../custom-ids.js';
import type { QuizKey } from '../custom-ids.js';
import { rememberQuiz, sectionIndexOf } from '../posted-quizzes.js';
import { errorReply } from '../reply.js';
import { questionCards } from '../study-reply.js';

const defaultQuestions = 5;
export const quizCommand = {
  data: slashCommand('quiz', 'A quiz on the text for everyone here: click an answer to see if it was right, with the quote.')
    .addIntegerOption((option) =>
      option
        .setName('questions')
        .setDescription(`How many questions (1–${MAX_QUIZ_QUESTIONS}, default ${defaultQuestions})`)
        .setMinValue(1)
        .setMaxValue(MAX_QUIZ_QUESTIONS),
    )
    .addStringOption((option) =>
      option.setName('section').setDescription('Ask about one section (empty: the whole text)').setAutocomplete(true).setMaxLength(200),
    )
    .addStringOption(documentOption)
    .toJSON(),
  ...channelReadingCommand,
  async execute(request, services) {
    const count = integerOption(request, 'questions') ?? defaultQuestions;
    if (count < 1 || count > MAX_QUIZ_QUESTIONS) return errorReply(`A quiz has 1 to ${MAX_QUIZ_QUESTIONS} questions.`);
    const { corpus } = services.engine;
    // The seed, count and section go into every button, so a click can rebuild exactly this quiz.
    const seed = newSeed(services, 'quiz');
    const section = stringOption(request, 'section');
    const scope = requestedScope(request, corpus, section);
    if (!scope.ok) return errorReply(scope.problem.message);
    // One document of several: the button carries its position so a click rebuilds the quiz from it alone.
    const single = scope.corpora.length === 1 && corpus.documents.length > 1 ? scope.corpora[0]?.documents[0] : undefined;
    const quizzed = single === undefined ? corpus : corpusOf(corpus, single);
    const outcome = makeQuiz(quizzed, { count, seed, section });
    if (!outcome.ok) return errorReply(outcome.problem.message);
    const { quiz } = outcome;
    const key: QuizKey = {
      seed: quiz.seed,
      count,
      sectionIndex: sectionIndexOf(quizzed, quiz.section),
      ...(single === undefined ? {} : { documentIndex: corpus.documents.indexOf(single) }),
    };
    rememberQuiz(corpus, key, quiz);
    // Questions come in reading order, so document by document; each says which one it is about.
    const labelled = quizzed.documents.length > 1;
    const note = shortQuizNote(quiz, count);
    const fewer = note === undefined ? '' : ` (${note})`;
    return {
      kind: 'content',
      cards: questionCards(quiz.questions, {
        title: `Quiz: ${quiz.title}`,
        footer: `Everyone can answer; each first answer counts. Only you see whether yours was right, with the quote that settles it${fewer}. Scores: /leaderboard · missed questions: /review.`,
        question: (question) => (labelled ? { ...question, prompt: `(${question.quote.documentTitle}) ${question.prompt}` } : question),
        buttonId: (question, choice) => quizButtonId(key, question, choice),
      }),
      buttons: [],
    };
  },
  autocomplete(focused, services) {
    return matchingChoices(focused.name === 'document' ? documentTitles(services.engine.corpus) : sectionNames(services.engine.corpus), focused.value);
  },
} satisfies Command;
