/**
 * What a click on one of footnote's buttons does, for any front end: show a paragraph, record a vote, or check
 * an answer to a quiz or review question. The reply is meant for the one who clicked only.
 */
import type { AsyncStudyStore } from '../study/async-study-store.js';
import { isCorrect } from '../study/make-quiz.js';
import type { GradeOutcome } from '../study/study-store.js';
import type { ButtonRequest, CommandServices } from './command.js';
import { paragraphsReply } from './answer-reply.js';
import { documentHash, gradeButtonId, parseButtonId } from './custom-ids.js';
import type { ButtonAction } from './custom-ids.js';
import { findPostedQuestion, isQuizRemembered } from './posted-quizzes.js';
import { cardReply, errorReply, textReply } from './reply.js';
import type { Reply, ReplyButton } from './reply.js';
import { answerCard, scoreLine, scoreScope, whenDue } from './study-reply.js';

type Action<Kind extends ButtonAction['kind']> = Extract<ButtonAction, { kind: Kind }>;

const reviewFooter = 'Missed questions come back in /review from tomorrow, spaced out over days until you know them.';
const gradeLabels = { 3: 'Hard', 4: 'Good', 5: 'Easy' } as const;

/** True when the click may outlast Discord's 3-second deadline: a quiz this process has not seen must be rebuilt. */
export function buttonNeedsTime(customId: string, services: CommandServices): boolean {
  const action = parseButtonId(customId);
  return action?.kind === 'quiz' && !isQuizRemembered(services.engine.corpus, action.quiz);
}

export async function pressButton(request: ButtonRequest, services: CommandServices): Promise<Reply> {
  const action = parseButtonId(request.customId);
  if (action === undefined) return errorReply('This button no longer works. Ask again for a fresh answer.');
  switch (action.kind) {
    case 'paragraph':
      return showParagraph(action, services);
    case 'vote':
      return recordVote(action, request, services);
    case 'quiz':
      return answerQuiz(action, request, services);
    case 'review':
      return answerReview(action, request, services);
    case 'grade':
      return selfGrade(action, request, services);
  }
}

function showParagraph(action: Action<'paragraph'>, services: CommandServices): Reply {
  const { engine } = services;
  const paragraph = engine
    .paragraphs()
    .find(
      (candidate) =>
        candidate.number === action.paragraph &&
        ('id' in action.document ? candidate.documentId === action.document.id : documentHash(candidate.documentId) === action.document.hash),
    );
  if (paragraph === undefined) return errorReply('That paragraph is no longer in the text (it may have been edited since).');
  const titleOf = (documentId: string) => engine.corpus.documents.find((document) => document.id === documentId)?.title ?? documentId;
  return paragraphsReply([paragraph], {
    documentTitle: titleOf,
    showDocument: engine.corpus.documents.length > 1,
    heading: `¶ ${paragraph.number} — ${paragraph.section}`,
  });
}

async function recordVote(action: Action<'vote'>, request: ButtonRequest, services: CommandServices): Promise<Reply> {
  const stored = await services.feedback.recordVote({
    answerId: action.answerId,
    vote: action.vote,
    userId: request.user.id,
    guildId: request.guildId,
    at: services.now(),
  });
  return textReply(
    stored.ok
      ? `Thanks, your ${action.vote === 'up' ? '👍' : '👎'} is noted.`
      : `Your vote could not be saved: ${stored.message}. The answer itself is unaffected.`,
  );
}

async function answerQuiz(action: Action<'quiz'>, request: ButtonRequest, services: CommandServices): Promise<Reply> {
  const { engine, study, logger } = services;
  const posted = findPostedQuestion(engine.corpus, action.quiz, action.questionId, action.choicesHash);
  if (!posted.ok) return errorReply(posted.message);
  const { question, number } = posted;
  if (action.choice >= question.choices.length) return errorReply('That choice is not one of the question’s choices. Start a new quiz with /quiz.');
  const showDocument = engine.corpus.documents.length > 1;
  const inServer = request.guildId !== undefined;
  const unscored = (why: string): Reply =>
    cardReply(
      answerCard({
        question,
        number,
        choice: action.choice,
        correct: isCorrect(question, action.choice),
        showDocument,
        lines: [`Your answer was not recorded: ${why}.`],
      }),
    );
  if (study === undefined) return unscored('scores are not being kept just now (the database could not be opened)');

  let outcome: Awaited<ReturnType<typeof study.recordAnswer>>;
  try {
    outcome = await study.recordAnswer({
      guildId: scoreScope(request.guildId),
      memberId: request.user.id,
      quizId: request.messageId,
      question,
      choiceIndex: action.choice,
    });
  } catch (error) {
    logger.error('quiz answer not recorded', { userId: request.user.id, guildId: request.guildId, error });
    return unscored('the scores database did not answer in time; try again in a moment');
  }
  switch (outcome.status) {
    case 'invalid-choice':
      return errorReply(`That choice cannot be checked: ${outcome.message}.`);
    case 'recorded':
      return cardReply(
        answerCard({
          question,
          number,
          choice: action.choice,
          correct: outcome.correct,
          showDocument,
          lines: [scoreLine(outcome.score, inServer)],
          ...(outcome.correct ? {} : { footer: reviewFooter }),
        }),
      );
    case 'already-answered':
      return cardReply(
        answerCard({
          question,
          number,
          choice: outcome.choiceIndex,
          correct: outcome.correct,
          showDocument,
          heading: `You already answered question ${number}: your first answer stands (${outcome.correct ? 'right' : 'not quite'})`,
          lines: [scoreLine(outcome.score, inServer)],
        }),
      );
  }
}

/** The card as graded, or as it stands when the click came too late; the other outcomes are answered in gradeReview. */
type GradedOrStale = Extract<GradeOutcome, { status: 'graded' | 'stale' }>;

/** Grades a review card through the study store and answers the outcomes an answer and a self-grade share. */
async function gradeReview(
  request: ButtonRequest,
  services: CommandServices,
  what: 'review' | 'grade',
  grade: (study: AsyncStudyStore) => Promise<GradeOutcome>,
  reply: (outcome: GradedOrStale, now: Date) => Reply,
): Promise<Reply> {
  const { study, logger } = services;
  if (study === undefined) return errorReply('Reviews are unavailable just now: the scores database could not be opened.');
  let outcome: GradeOutcome;
  try {
    outcome = await grade(study);
  } catch (error) {
    logger.error(`review ${what === 'review' ? 'answer' : 'grade'} not recorded`, { userId: request.user.id, error });
    return errorReply(`Your ${what} could not be recorded just now; try again in a moment.`);
  }
  switch (outcome.status) {
    case 'not-found':
      return errorReply('This question is not in your review list any more. Run /review for the cards due now.');
    case 'invalid-grade':
      return errorReply(outcome.message);
    default:
      return reply(outcome, services.now());
  }
}

async function answerReview(action: Action<'review'>, request: ButtonRequest, services: CommandServices): Promise<Reply> {
  const input = { memberId: request.user.id, questionId: action.questionId, version: action.version, choiceIndex: action.choice };
  return gradeReview(
    request,
    services,
    'review',
    (study) => study.answerReview(input),
    (outcome, now) => {
      if (outcome.status === 'stale')
        return textReply(`You already answered this card; it is next due ${whenDue(outcome.card.dueAt, now)}. Run /review for the cards due now.`);
      const { card } = outcome;
      const correct = outcome.correct === true;
      // A right answer counts as "good"; Hard and Easy change how fast the reviews after the next one spread out.
      const grades = correct
        ? [
            ([3, 4, 5] as const).map((grade): ReplyButton => ({
              customId: gradeButtonId(card, grade, outcome.previousEasiness),
              label: gradeLabels[grade],
              style: grade === 4 ? 'primary' : 'secondary',
            })),
          ]
        : [];
      return cardReply(
        answerCard({
          question: card.question,
          number: undefined,
          choice: action.choice,
          correct,
          showDocument: services.engine.corpus.documents.length > 1,
          lines: correct
            ? [`Next review ${whenDue(card.dueAt, now)}.`, 'Counted as good. Was it hard, or easy? Say so and later reviews come sooner, or later.']
            : [`It comes back ${whenDue(card.dueAt, now)}.`],
        }),
        grades,
      );
    },
  );
}

async function selfGrade(action: Action<'grade'>, request: ButtonRequest, services: CommandServices): Promise<Reply> {
  return gradeReview(
    request,
    services,
    'grade',
    (study) => study.selfGradeReview({ memberId: request.user.id, ...action }),
    (outcome, now) => {
      if (outcome.status === 'stale')
        return textReply(`This card was graded again since; it is next due ${whenDue(outcome.card.dueAt, now)}. Nothing was changed.`);
      const spacing = action.grade === 5 ? 'further apart' : action.grade === 3 ? 'closer together' : 'as planned';
      return textReply(
        `Noted: ${gradeLabels[action.grade].toLowerCase()}. Next review ${whenDue(outcome.card.dueAt, now)}; the ones after it will be ${spacing}.`,
      );
    },
  );
}
