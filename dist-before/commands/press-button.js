/**
 * What a click on one of footnote's buttons does, for any front end: show a paragraph, record a vote, or check
 * an answer to a quiz or review question. The reply is meant for the one who clicked only.
 */
import { isCorrect } from '../study/make-quiz.js';
import { paragraphsReply } from './answer-reply.js';
import { documentHash, parseButtonId } from './custom-ids.js';
import { findPostedQuestion, isQuizRemembered } from './posted-quizzes.js';
import { cardReply, errorReply, textReply } from './reply.js';
import { answerCard, scoreLine, scoreScope, whenDue } from './study-reply.js';
const reviewFooter = 'Missed questions come back in /review, spaced out over days until you know them.';
/** True when the click may outlast Discord's 3-second deadline: a quiz this process has not seen must be rebuilt. */
export function buttonNeedsTime(customId, services) {
    const action = parseButtonId(customId);
    return action?.kind === 'quiz' && !isQuizRemembered(services.engine.corpus, action.quiz);
}
export async function pressButton(request, services) {
    const action = parseButtonId(request.customId);
    if (action === undefined)
        return errorReply('This button no longer works. Ask again for a fresh answer.');
    switch (action.kind) {
        case 'paragraph':
            return showParagraph(action, services);
        case 'vote':
            return recordVote(action, request, services);
        case 'quiz':
            return answerQuiz(action, request, services);
        case 'review':
            return answerReview(action, request, services);
    }
}
function showParagraph(action, services) {
    const { engine } = services;
    const paragraph = engine
        .paragraphs()
        .find((candidate) => candidate.number === action.paragraph &&
        ('id' in action.document ? candidate.documentId === action.document.id : documentHash(candidate.documentId) === action.document.hash));
    if (paragraph === undefined)
        return errorReply('That paragraph is no longer in the text (it may have been edited since).');
    const titleOf = (documentId) => engine.corpus.documents.find((document) => document.id === documentId)?.title ?? documentId;
    return paragraphsReply([paragraph], {
        documentTitle: titleOf,
        showDocument: engine.corpus.documents.length > 1,
        heading: `¶ ${paragraph.number} — ${paragraph.section}`,
    });
}
function recordVote(action, request, services) {
    const stored = services.feedback.recordVote({
        answerId: action.answerId,
        vote: action.vote,
        userId: request.user.id,
        guildId: request.guildId,
        at: services.now(),
    });
    return textReply(stored.ok
        ? `Thanks, your ${action.vote === 'up' ? '👍' : '👎'} is noted.`
        : `Your vote could not be saved: ${stored.message}. The answer itself is unaffected.`);
}
function answerQuiz(action, request, services) {
    const { engine, study, logger } = services;
    const posted = findPostedQuestion(engine.corpus, action.quiz, action.questionId, action.choicesHash);
    if (!posted.ok)
        return errorReply(posted.message);
    const { question, number } = posted;
    if (action.choice >= question.choices.length)
        return errorReply('That choice is not one of the question’s choices. Start a new quiz with /quiz.');
    const showDocument = engine.corpus.documents.length > 1;
    const inServer = request.guildId !== undefined;
    const unscored = (why) => cardReply(answerCard({
        question,
        number,
        choice: action.choice,
        correct: isCorrect(question, action.choice),
        showDocument,
        lines: [`Your answer was not recorded: ${why}.`],
    }));
    if (study === undefined)
        return unscored('scores are not being kept just now (the database could not be opened)');
    let outcome;
    try {
        outcome = study.recordAnswer({
            guildId: scoreScope(request.guildId),
            memberId: request.user.id,
            quizId: request.messageId,
            question,
            choiceIndex: action.choice,
        });
    }
    catch (error) {
        logger.error('quiz answer not recorded', { userId: request.user.id, guildId: request.guildId, error });
        return unscored('the scores database did not answer in time; try again in a moment');
    }
    switch (outcome.status) {
        case 'invalid-choice':
            return errorReply(`That choice cannot be checked: ${outcome.message}.`);
        case 'recorded':
            return cardReply(answerCard({
                question,
                number,
                choice: action.choice,
                correct: outcome.correct,
                showDocument,
                lines: [scoreLine(outcome.score, inServer)],
                ...(outcome.correct ? {} : { footer: reviewFooter }),
            }));
        case 'already-answered':
            return cardReply(answerCard({
                question,
                number,
                choice: outcome.choiceIndex,
                correct: outcome.correct,
                showDocument,
                heading: `You already answered question ${number}: your first answer stands (${outcome.correct ? 'right' : 'not quite'})`,
                lines: [scoreLine(outcome.score, inServer)],
            }));
    }
}
function answerReview(action, request, services) {
    const { study, logger } = services;
    if (study === undefined)
        return errorReply('Reviews are unavailable just now: the scores database could not be opened.');
    let outcome;
    try {
        outcome = study.answerReview({ memberId: request.user.id, questionId: action.questionId, version: action.version, choiceIndex: action.choice });
    }
    catch (error) {
        logger.error('review answer not recorded', { userId: request.user.id, error });
        return errorReply('Your review could not be recorded just now; try again in a moment.');
    }
    const now = services.now();
    switch (outcome.status) {
        case 'graded': {
            const { card } = outcome;
            const correct = outcome.correct === true;
            return cardReply(answerCard({
                question: card.question,
                number: undefined,
                choice: action.choice,
                correct,
                showDocument: services.engine.corpus.documents.length > 1,
                lines: [correct ? `Next review ${whenDue(card.dueAt, now)}.` : `It comes back ${whenDue(card.dueAt, now)}.`],
            }));
        }
        case 'stale':
            return textReply(`You already answered this card; it is next due ${whenDue(outcome.card.dueAt, now)}. Run /review for the cards due now.`);
        case 'not-found':
            return errorReply('This question is not in your review list any more. Run /review for the cards due now.');
        case 'invalid-grade':
            return errorReply(outcome.message);
    }
}
//# sourceMappingURL=press-button.js.map