/**
 * Universal part-of-speech tags for a piece of text, from wink-nlp's English light model (an npm package:
 * nothing is downloaded). The model takes about half a second to load, so it is loaded once, on first use.
 */
import winkNLP, {} from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
let pipeline;
function nlp() {
    pipeline ??= winkNLP(model, ['sbd', 'pos']);
    return pipeline;
}
const cache = new Map();
const CACHE_LIMIT = 5000;
/** Every token of `text` with its tag and offsets, in order. */
export function tagWords(text) {
    const cached = cache.get(text);
    if (cached !== undefined)
        return cached;
    const { its } = nlp();
    const words = [];
    let cursor = 0;
    nlp()
        .readDoc(text)
        .tokens()
        .each((token) => {
        const value = token.out();
        const start = text.indexOf(value, cursor);
        // The tokenizer keeps each token as written; one it rewrote cannot be located and is skipped.
        if (start < 0)
            return;
        cursor = start + value.length;
        words.push({
            text: value,
            pos: token.out(its.pos),
            lemma: String(token.out(its.lemma)),
            start,
            end: cursor,
        });
    });
    if (cache.size >= CACHE_LIMIT)
        cache.clear();
    cache.set(text, words);
    return words;
}
/** True when the text has a subject (a noun, name or pronoun) before a verb: "Baku closed the Russian House". */
export function hasSubjectAndVerb(text) {
    const words = tagWords(text);
    const verb = words.findIndex((word) => word.pos === 'VERB' || word.pos === 'AUX');
    return verb > 0 && words.slice(0, verb).some((word) => word.pos === 'NOUN' || word.pos === 'PROPN' || word.pos === 'PRON');
}
//# sourceMappingURL=part-of-speech.js.map