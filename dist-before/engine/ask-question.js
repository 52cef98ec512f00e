import { checkQuestion, INSTRUCTION_NOTICE } from '../answering/check-question.js';
import { subjectOf } from '../conversation/follow-up.js';
export async function askQuestion(context, rawQuestion, options = {}) {
    const { config, text, conversations, modelAnswerer } = context;
    const checked = checkQuestion(rawQuestion);
    if (!checked.ok)
        return checked;
    const question = checked.question;
    const conversationId = options.conversationId;
    const history = conversationId !== undefined ? conversations.history(conversationId) : [];
    // One time budget for the whole answer: the rewrite's time comes out of the answer's.
    const budgetEnds = Date.now() + (config.llm?.timeoutMs ?? 0);
    let rewritten;
    if (history.length > 0 && modelAnswerer?.rewrite !== undefined) {
        rewritten = await modelAnswerer
            .rewrite({
            history: history.map((turn) => ({ question: turn.standaloneQuestion, answer: turn.answer })),
            question,
            ...(options.signal ? { signal: options.signal } : {}),
        })
            .catch(() => undefined);
    }
    let answer = rewritten !== undefined
        ? await text.answerReading(question, rewritten, text.read(rewritten), rewritten, { documentId: options.documentId })
        : await text.answer(question, history, options.documentId);
    if (modelAnswerer !== undefined) {
        const remaining = AbortSignal.timeout(Math.max(1, budgetEnds - Date.now()));
        const signal = options.signal !== undefined ? AbortSignal.any([options.signal, remaining]) : remaining;
        answer = await modelAnswerer.answer({ question, standaloneQuestion: answer.standaloneQuestion, passages: answer.passages, fallback: answer, signal });
    }
    if (checked.instructionLike && answer.abstained)
        answer = { ...answer, answer: `${INSTRUCTION_NOTICE} ${answer.answer}` };
    if (conversationId !== undefined) {
        const words = context.state().retriever.wordVectors.words;
        const subject = subjectOf(answer.standaloneQuestion, (word) => words.rank(word)) ?? history.at(-1)?.subject;
        const quoted = answer.quotes[0];
        conversations.record(conversationId, {
            question,
            standaloneQuestion: answer.standaloneQuestion,
            answer: answer.answer,
            abstained: answer.abstained,
            ...(subject !== undefined ? { subject } : {}),
            ...(quoted !== undefined ? { answerParagraph: { documentId: quoted.documentId, paragraph: quoted.paragraph } } : {}),
        });
    }
    return { ok: true, answer };
}
//# sourceMappingURL=ask-question.js.map