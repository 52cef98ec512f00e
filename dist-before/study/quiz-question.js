import { containsPhrase } from './distractors.js';
export const BLANK = '_____';
export const MAX_PROMPT_CHARACTERS = 200;
/** A choice is a button label: Discord allows 80 characters, and “10 · ” comes before it. */
export const MAX_CHOICE_CHARACTERS = 74;
export const MINIMUM_DISTRACTORS = 2;
/** Opens with a word that points to something said before: the reader of one question cannot resolve it. */
const POINTS_BACK = /^\W*(?:this|these|that|those|it|its|they|their|them|he|his|she|her|such|thus)\b/iu;
export function pointsBack(text) {
    return POINTS_BACK.test(text) && !/^It\s+(?:\S+\s+){1,2}?(?:that|to|whether)\b/u.test(text);
}
/**
 * A sentence's clauses: split at semicolons, colons, dashes and brackets, and at a comma before a word
 * that opens a new clause; the commas of a list ("Turkey, Azerbaijan, and Armenia") do not split.
 */
export function clausesOf(sentence) {
    const boundary = /\s*[;:—–()]\s*|,\s+(?=(?:which|who|whose|where|while|whereas|although|though|but|because|since|when|as|so|yet|and\s+(?:the|this|these|its|their|it|they|he|she)\b|according\s+to|including|such\s+as|especially|particularly)\b)/gu;
    const clauses = [];
    let start = 0;
    for (const match of sentence.matchAll(boundary)) {
        if (match.index > start)
            clauses.push({ start, end: match.index });
        start = match.index + match[0].length;
    }
    if (start < sentence.length)
        clauses.push({ start, end: sentence.length });
    return clauses
        .map((clause) => {
        const text = sentence.slice(clause.start, clause.end);
        const leading = text.length - text.trimStart().length;
        const trimmed = text.trim().replace(/[.,!?]+$/u, '');
        return { start: clause.start + leading, end: clause.start + leading + trimmed.length };
    })
        .filter((clause) => clause.end > clause.start);
}
const words = (text) => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
/**
 * The clause of the sentence holding [start, end), widened by its neighbours until it says enough (at least
 * eight words) but stays short; undefined when what is left opens with an unresolved reference.
 */
export function clauseAround(sentence, start, end, maxCharacters) {
    const clauses = clausesOf(sentence);
    let first = clauses.findIndex((clause) => clause.start <= start && end <= clause.end);
    if (first < 0)
        return undefined;
    let last = first;
    const span = () => ({ start: clauses[first]?.start ?? 0, end: clauses[last]?.end ?? sentence.length });
    const length = (clause) => clause.end - clause.start;
    while (words(sentence.slice(span().start, span().end)) < 8) {
        const before = clauses[first - 1];
        const after = clauses[last + 1];
        const widerBefore = before === undefined ? undefined : { start: before.start, end: span().end };
        const widerAfter = after === undefined ? undefined : { start: span().start, end: after.end };
        // Widen backwards first when the clause opens by pointing back.
        if (widerBefore !== undefined && (pointsBack(sentence.slice(span().start)) || widerAfter === undefined) && length(widerBefore) <= maxCharacters)
            first -= 1;
        else if (widerAfter !== undefined && length(widerAfter) <= maxCharacters)
            last += 1;
        else
            break;
    }
    while (pointsBack(sentence.slice(span().start)) && first > 0 && span().end - (clauses[first - 1]?.start ?? 0) <= maxCharacters)
        first -= 1;
    const result = span();
    if (length(result) > maxCharacters || pointsBack(sentence.slice(result.start)) || words(sentence.slice(result.start, result.end)) < 5)
        return undefined;
    return result;
}
/** "Fill in the blank: …" over the clause that holds the answer, or undefined when no clause makes a fair prompt. */
export function blankPrompt(quote, answerStart, answerEnd) {
    const lead = 'Fill in the blank: ';
    const sentence = quote.text;
    const clause = clauseAround(sentence, answerStart - quote.start, answerEnd - quote.start, MAX_PROMPT_CHARACTERS - lead.length - 2);
    if (clause === undefined)
        return undefined;
    const before = sentence.slice(clause.start, answerStart - quote.start);
    const after = sentence.slice(answerEnd - quote.start, clause.end);
    const opening = clause.start > 0 ? '…' : '';
    // To the sentence's end: its own closing punctuation ('.”'); else an ellipsis.
    const rest = sentence.slice(clause.end);
    const closing = /^[\s.!?”"’']*$/u.test(rest) ? rest.trim() || '.' : '…';
    const prompt = `${lead}${opening}${before}${BLANK}${after}${closing}`;
    return prompt.length <= MAX_PROMPT_CHARACTERS ? prompt : undefined;
}
/** A word of the prompt from the answer's family ("Turkish" for "Turkey", "Azerbaijani" for "Azerbaijan") gives it away. */
export function givesAway(prompt, answer) {
    if (containsPhrase(prompt.replace(BLANK, ' '), answer))
        return true;
    const promptWords = prompt.toLowerCase().match(/\p{L}+/gu) ?? [];
    return (answer.toLowerCase().match(/\p{L}{4,}/gu) ?? []).some((word) => promptWords.some((other) => {
        let common = 0;
        while (common < Math.min(word.length, other.length) && word[common] === other[common])
            common += 1;
        return common >= 4 && common >= 0.6 * word.length;
    }));
}
export function occurrences(text, phrase) {
    const split = (value) => value
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word !== '');
    const haystack = split(text);
    const needle = split(phrase);
    let count = 0;
    for (let index = 0; index + needle.length <= haystack.length; index += 1) {
        if (needle.every((word, offset) => haystack[index + offset] === word))
            count += 1;
    }
    return count;
}
//# sourceMappingURL=quiz-question.js.map