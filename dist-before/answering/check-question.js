export const MAX_QUESTION_CHARACTERS = 1000;
/** Wording that tries to steer the bot rather than ask about the text ("ignore your instructions and..."). */
const INSTRUCTION_LIKE = /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|above|previous|everything)\b|\b(system prompt|you are now|act as|pretend (?:to be|you)|jailbreak|developer mode)\b|^\s*(say|print|repeat|write|output)\b/iu;
/** Said instead of "the article doesn't say" when the question was an instruction. */
export const INSTRUCTION_NOTICE = 'footnote only answers from the text and does not follow instructions inside a question.';
export function checkQuestion(raw) {
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    let question = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '').trim();
    // "Zalgo" text stacks combining marks on letters until words no longer read as words; unstack them.
    if (/\p{M}{3,}/u.test(question))
        question = question
            .normalize('NFD')
            .replace(/\p{M}+/gu, '')
            .normalize('NFC');
    if (question === '')
        return { ok: false, problem: { kind: 'empty', message: 'Ask a question about the article, e.g. "Why did Baku close the Russian House?"' } };
    if (question.length > MAX_QUESTION_CHARACTERS) {
        return {
            ok: false,
            problem: { kind: 'too-long', message: `That question is ${question.length} characters long; please keep it under ${MAX_QUESTION_CHARACTERS}.` },
        };
    }
    // Letters of any script count; combining marks alone (zalgo debris) and emoji do not.
    const letters = question.normalize('NFC').replace(/\p{M}/gu, '').match(/\p{L}/gu)?.length ?? 0;
    if (letters < 2)
        return { ok: false, problem: { kind: 'no-words', message: 'I need a question in words, e.g. "What did the autopsies reveal?"' } };
    return { ok: true, question, instructionLike: INSTRUCTION_LIKE.test(question) };
}
//# sourceMappingURL=check-question.js.map