/**
 * Sentence boundaries with offsets. A boundary is a terminator (. ! ? …) plus any closing quotes or
 * brackets, then whitespace, then something that can start a sentence — except after an abbreviation,
 * an initial ("J. Smith") or inside a number ("3.5" has no space, so it never qualifies).
 */
const ABBREVIATIONS = new Set([
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep',
    'pres', 'rev', 'hon', 'amb', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al', 'approx', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vol',
    'fig', 'p', 'pp', 'ed', 'eds', 'est', 'dept', 'univ', 'u.s', 'u.k', 'u.n', 'e.u', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
    'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);
/** Character sets rather than regular expressions: this loop visits every character of the corpus. */
const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '»']);
const OPENER = /[\p{Lu}\p{N}“‘"'([«¿¡]/u;
export function splitSentences(text) {
    const spans = [];
    let sentenceStart = skipSpace(text, 0);
    let position = sentenceStart;
    while (position < text.length) {
        const character = text[position] ?? '';
        if (!TERMINATORS.has(character)) {
            position += 1;
            continue;
        }
        let end = position + 1;
        while (end < text.length && (TERMINATORS.has(text[end] ?? '') || CLOSERS.has(text[end] ?? '')))
            end += 1;
        const next = skipSpace(text, end);
        const hasSpace = next > end;
        const atEnd = next >= text.length;
        if (atEnd)
            break;
        if (hasSpace && OPENER.test(text[next] ?? '') && !(character === '.' && endsWithAbbreviation(text, sentenceStart, position))) {
            spans.push({ start: sentenceStart, end });
            sentenceStart = next;
        }
        position = end;
    }
    const last = trimEnd(text, sentenceStart, text.length);
    if (last > sentenceStart)
        spans.push({ start: sentenceStart, end: last });
    return spans;
}
function skipSpace(text, from) {
    let position = from;
    while (position < text.length && /\s/u.test(text[position] ?? ''))
        position += 1;
    return position;
}
function trimEnd(text, start, end) {
    let position = end;
    while (position > start && /\s/u.test(text[position - 1] ?? ''))
        position -= 1;
    return position;
}
/** The word right before the period at `dot`: an abbreviation or a single-letter initial. */
function endsWithAbbreviation(text, sentenceStart, dot) {
    let wordStart = dot;
    while (wordStart > sentenceStart && /[\p{L}.]/u.test(text[wordStart - 1] ?? ''))
        wordStart -= 1;
    const word = text.slice(wordStart, dot);
    if (word === '')
        return false;
    if (/^\p{Lu}$/u.test(word))
        return true; // an initial: "J. Smith"
    if (/^(\p{L}\.)+\p{L}$/u.test(word))
        return true; // "U.S", "e.g"
    return ABBREVIATIONS.has(word.toLowerCase());
}
//# sourceMappingURL=split-sentences.js.map