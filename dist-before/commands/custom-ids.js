/**
 * Button custom ids (at most 100 characters, Discord's limit). They carry everything a click needs, so buttons
 * keep working after a restart: the paragraph to show, the saved answer a vote is about, the quiz to rebuild
 * from its seed and the choice made, or the review card and the version of it that was shown.
 */
import { createHash } from 'node:crypto';
import { discordLimits } from './discord-limits.js';
const prefix = 'fn';
/** A short, stable stand-in for a document id too long to fit in a custom id. */
export function documentHash(documentId) {
    return createHash('sha256').update(documentId).digest('base64url').slice(0, 16);
}
export function paragraphButtonId(documentId, paragraph) {
    const full = `${prefix}:p:${paragraph}:${documentId}`;
    return full.length <= discordLimits.customId ? full : `${prefix}:p:${paragraph}:#${documentHash(documentId)}`;
}
export function voteButtonId(vote, answerId) {
    return `${prefix}:v:${vote}:${answerId}`;
}
/**
 * Tells a question's choices apart from a rebuilt question's: if the text changed since the quiz was posted
 * and the choices with it, the click is refused rather than graded against choices nobody saw.
 */
export function choicesHash(choices) {
    return createHash('sha256').update(choices.join('\u0000')).digest('hex').slice(0, 6);
}
export function quizButtonId(quiz, question, choice) {
    const document = quiz.documentIndex === undefined ? '' : `:${quiz.documentIndex}`;
    return `${prefix}:q:${quiz.seed}:${quiz.count}:${quiz.sectionIndex ?? '-'}:${question.id}:${choicesHash(question.choices)}:${choice}${document}`;
}
export function reviewButtonId(card, choice) {
    return `${prefix}:r:${card.questionId}:${card.version}:${choice}`;
}
export function parseButtonId(customId) {
    const paragraph = /^fn:p:(\d{1,6}):(.+)$/s.exec(customId);
    if (paragraph !== null) {
        const [, number, document] = paragraph;
        return {
            kind: 'paragraph',
            paragraph: Number(number),
            document: document.startsWith('#') ? { hash: document.slice(1) } : { id: document },
        };
    }
    const vote = /^fn:v:(up|down):([\w-]{1,80})$/.exec(customId);
    if (vote !== null) {
        const [, direction, answerId] = vote;
        return { kind: 'vote', vote: direction, answerId };
    }
    const quiz = /^fn:q:([\w-]{1,24}):(\d{1,2}):(-|\d{1,4}):([0-9a-f]{16}):([0-9a-f]{6}):(\d)(?::(\d{1,5}))?$/.exec(customId);
    if (quiz !== null) {
        const [, seed, count, section, questionId, hash, choice, document] = quiz;
        return {
            kind: 'quiz',
            quiz: {
                seed,
                count: Number(count),
                sectionIndex: section === '-' ? undefined : Number(section),
                ...(document === undefined ? {} : { documentIndex: Number(document) }),
            },
            questionId,
            choicesHash: hash,
            choice: Number(choice),
        };
    }
    const review = /^fn:r:([0-9a-f]{16}):(\d{1,9}):(\d)$/.exec(customId);
    if (review !== null) {
        const [, questionId, version, choice] = review;
        return { kind: 'review', questionId, version: Number(version), choice: Number(choice) };
    }
    return undefined;
}
//# sourceMappingURL=custom-ids.js.map