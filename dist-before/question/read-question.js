/**
 * Reads a question once, against the corpus it is asked of: the kind of answer asked, its focus, its
 * names and terms (question-analysis.ts), with how people type taken into account — words the corpus
 * does not have are corrected against its vocabulary by edit distance ("Yekaterinberg" → yekaterinburg),
 * and names are recognised whatever their case ("who is ovchuk"). Words still unknown are listed, rarest
 * first, so an abstention can say what the text never mentions.
 */
import { distance } from 'fastest-levenshtein';
import { analyzeQuestion } from './question-analysis.js';
import { isContentWord, sameWordFamily, stemWord, tokenize } from '../language/tokenize.js';
export function readQuestion(text, corpus, english) {
    const corrections = [];
    let correctedText = text;
    for (const token of [...tokenize(text)].reverse()) {
        if (!isContentWord(token.word) || knows(corpus, token.word))
            continue;
        const to = correctTypo(token.word, corpus, english);
        if (to === undefined)
            continue;
        corrections.unshift({ from: token.word, to });
        correctedText = `${correctedText.slice(0, token.start)}${to}${correctedText.slice(token.end)}`;
    }
    const analyzed = analyzeQuestion(correctedText);
    const unknownWords = analyzed.terms
        .filter((term) => !knows(corpus, term.word))
        .map((term) => term.word)
        .sort((first, second) => (english.rank(second) ?? Infinity) - (english.rank(first) ?? Infinity));
    const names = namesOf(analyzed, corpus);
    const unknownNames = names.filter((name) => !name.descriptive && !knowsName(corpus, name.word)).map((name) => nameAsWritten(correctedText, name.word));
    return { ...analyzed, text, correctedText, corrections, unknownWords, unknownNames: [...new Set(unknownNames)], names };
}
/** The run of capitalised words around `word` in the question ("united" → "United Nations"). */
export function nameAsWritten(text, word) {
    for (const match of text.matchAll(/\p{Lu}[\p{L}\p{N}’'-]*(?:\s+\p{Lu}[\p{L}\p{N}’'-]*)*/gu)) {
        if (tokenize(match[0]).some((token) => token.word === word))
            return match[0];
    }
    return word;
}
/** The corpus has the word itself or a word of the same stem. */
function knows(corpus, word) {
    return corpus.vocabulary.has(word) || corpus.hasStem(stemWord(word));
}
/** A name is known by its own word or its family ("Azerbaijani" ~ "Azerbaijanis"), never by a bare stem ("Nations" ≠ "nationals"). */
function knowsName(corpus, word) {
    if (corpus.vocabulary.has(word))
        return true;
    for (const known of corpus.vocabulary.keys())
        if (sameWordFamily(word, known) && Math.abs(word.length - known.length) <= 3)
            return true;
    return false;
}
/** Rank past which a word counts as rare in English: a corpus word one edit away is then the likelier reading. */
const RARE_IN_ENGLISH = 30_000;
/**
 * The corpus word a typo most likely stands for: one edit away for words of 4+ letters, two for 8+,
 * the closest first and then the one sharing the first letter. A word English knows well is not a typo.
 */
export function correctTypo(word, corpus, english) {
    if (word.length < 4 || /\d/u.test(word))
        return undefined;
    const rank = english.rank(word);
    if (rank !== undefined && rank < RARE_IN_ENGLISH)
        return undefined;
    const allowed = word.length >= 8 ? 2 : 1;
    let best;
    for (const candidate of corpus.vocabulary.keys()) {
        if (Math.abs(candidate.length - word.length) > allowed || candidate.length < 4)
            continue;
        const edits = distance(word, candidate);
        if (edits > allowed)
            continue;
        const score = edits - (candidate[0] === word[0] ? 0.5 : 0);
        if (best === undefined || score < best.score || (score === best.score && candidate < best.word))
            best = { word: candidate, distance: edits, score };
    }
    return best?.word;
}
/**
 * Names: capitalised words past the first (as before), and any word the corpus itself only ever writes
 * as a name, whatever its case in the question ("what did zakharova say").
 */
function namesOf(analyzed, corpus) {
    const names = [...analyzed.names];
    for (const term of analyzed.terms) {
        if (names.some((name) => name.stem === term.stem))
            continue;
        if (corpus.properNames.has(term.word) && !corpus.writtenLowercase.has(term.word))
            names.push({ ...term, descriptive: false });
    }
    return names;
}
/** Names of the question that one document never uses (for a question scoped to that document). */
export function namesMissingFrom(reading, documentWords) {
    const known = (word) => documentWords.has(word) || [...documentWords].some((candidate) => sameWordFamily(word, candidate) && Math.abs(word.length - candidate.length) <= 3);
    return [...new Set(reading.names.filter((name) => !name.descriptive && !known(name.word)).map((name) => nameAsWritten(reading.correctedText, name.word)))];
}
//# sourceMappingURL=read-question.js.map