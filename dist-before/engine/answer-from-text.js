import { corpusOf } from '../corpus/find-document.js';
import { withContext } from '../question/question-analysis.js';
import { namesMissingFrom, readQuestion } from '../question/read-question.js';
import { tokenize } from '../language/tokenize.js';
import { answerExtractively } from '../answering/extractive-answerer.js';
import { rankCandidates, preferParagraph } from '../answering/rank-candidates.js';
import { EntityCache } from '../answering/sentence-entities.js';
import { resolveFollowUp, standaloneFollowUp } from '../conversation/follow-up.js';
/** Weight of words carried over from earlier turns, relative to the question's own words. */
const CONTEXT_WEIGHT = 1;
export function createTextAnswerer(options) {
    const entities = new EntityCache();
    const read = (text) => {
        const { retriever } = options.state();
        return readQuestion(text, retriever.lexical, retriever.wordVectors.words);
    };
    const answerReading = async (question, standalone, reading, retrievalText, scope = {}) => {
        const state = options.state();
        const { documentId, earlierParagraph } = scope;
        const retrieval = await state.retriever.retrieve(reading, retrievalText, documentId === undefined ? {} : { documentId });
        const chosen = documentId === undefined ? undefined : state.corpus.documents.find((document) => document.id === documentId);
        const corpus = chosen === undefined ? state.corpus : corpusOf(state.corpus, chosen);
        let ranking = rankCandidates({ question: reading, retrieval, corpus, statistics: state.statistics, entities, model: options.selector });
        if (earlierParagraph !== undefined)
            ranking = preferParagraph(ranking, earlierParagraph);
        options.onRanking?.({ question: reading, ranking });
        return answerExtractively({
            question,
            standaloneQuestion: standalone,
            analyzed: reading,
            retrieval,
            corpus,
            ranking,
            threshold: options.threshold,
            unknownWords: reading.unknownWords,
            // Asked of one document, a name only the other documents use is still missing.
            unknownNames: chosen === undefined ? reading.unknownNames : namesMissingFrom(reading, wordsOf(chosen)),
        });
    };
    /** Reads the question with the earlier turns when it leans on them, or when it is too weak on its own. */
    const answer = async (question, history, documentId) => {
        const own = read(question);
        // "what did she say?" → "what did Zakharova say?", looked for first in the paragraph the last answer came from.
        const asFollowUp = (turn) => {
            const standalone = turn.subject !== undefined ? standaloneFollowUp(question, turn.subject) : `${question} (${turn.standaloneQuestion})`;
            const reading = withContext(read(standalone), turn.standaloneQuestion, CONTEXT_WEIGHT);
            return answerReading(question, standalone, reading, `${reading.correctedText} ${turn.standaloneQuestion}`, {
                documentId,
                earlierParagraph: turn.answerParagraph,
            });
        };
        const previous = history.at(-1);
        if (previous !== undefined && resolveFollowUp(question, history).leans)
            return asFollowUp(previous);
        const alone = await answerReading(question, question, own, own.correctedText, { documentId });
        // Words the text never mentions are not found by leaning on the earlier turn either.
        if (!alone.abstained || previous === undefined || alone.abstainReason === 'not-mentioned')
            return alone;
        const retry = await asFollowUp(previous);
        return retry.abstained ? alone : retry;
    };
    return { read, answerReading, answer };
}
const documentWords = new WeakMap();
/** Every word of one document, lower-cased, computed once. */
function wordsOf(document) {
    let words = documentWords.get(document);
    if (words === undefined) {
        words = new Set(tokenize(document.text).map((token) => token.word));
        documentWords.set(document, words);
    }
    return words;
}
//# sourceMappingURL=answer-from-text.js.map