import { corpusOf } from '../corpus/find-document.js';
import { makeQuiz } from '../study/make-quiz.js';
import { sectionNames } from '../study/study-scope.js';
import { choicesHash } from './custom-ids.js';
const quizzesKept = 200;
// Per corpus: after a reindex the old corpus, and its quizzes with it, can be collected.
const recent = new WeakMap();
function cacheKey(key) {
    return `${key.seed}|${key.count}|${key.sectionIndex ?? '-'}|${key.documentIndex ?? '-'}`;
}
/** Where the quiz's section stands in the text's list of sections (what a button carries instead of the name). */
export function sectionIndexOf(corpus, section) {
    if (section === undefined)
        return undefined;
    const index = sectionNames(corpus).indexOf(section);
    return index === -1 ? undefined : index;
}
export function rememberQuiz(corpus, key, quiz) {
    let quizzes = recent.get(corpus);
    if (quizzes === undefined) {
        quizzes = new Map();
        recent.set(corpus, quizzes);
    }
    const name = cacheKey(key);
    quizzes.delete(name);
    quizzes.set(name, quiz);
    if (quizzes.size > quizzesKept) {
        const oldest = quizzes.keys().next();
        if (oldest.done !== true)
            quizzes.delete(oldest.value);
    }
}
/** False when a click would have to rebuild the quiz (after a restart): the caller may want to defer first. */
export function isQuizRemembered(corpus, key) {
    return recent.get(corpus)?.has(cacheKey(key)) === true;
}
const outOfDate = 'This quiz was made from an earlier version of the text, so its answers can no longer be checked. Start a new one with /quiz.';
export function findPostedQuestion(corpus, key, questionId, expectedChoices) {
    let quiz = recent.get(corpus)?.get(cacheKey(key));
    if (quiz === undefined) {
        const document = key.documentIndex === undefined ? undefined : corpus.documents[key.documentIndex];
        if (key.documentIndex !== undefined && document === undefined)
            return { ok: false, message: outOfDate };
        const quizzed = document === undefined ? corpus : corpusOf(corpus, document);
        const section = key.sectionIndex === undefined ? undefined : sectionNames(quizzed)[key.sectionIndex];
        if (key.sectionIndex !== undefined && section === undefined)
            return { ok: false, message: outOfDate };
        const rebuilt = makeQuiz(quizzed, { count: key.count, seed: key.seed, section });
        if (!rebuilt.ok)
            return { ok: false, message: outOfDate };
        quiz = rebuilt.quiz;
        rememberQuiz(corpus, key, quiz);
    }
    const index = quiz.questions.findIndex((question) => question.id === questionId);
    const question = quiz.questions[index];
    if (question === undefined || choicesHash(question.choices) !== expectedChoices)
        return { ok: false, message: outOfDate };
    return { ok: true, question, number: index + 1 };
}
//# sourceMappingURL=posted-quizzes.js.map