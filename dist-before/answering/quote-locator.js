const repairDefaults = { within: [], minScore: 0.6, minMargin: 0.15 };
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const WHITESPACE = /\s/;
function normaliseCharacter(character) {
    if (SINGLE_QUOTES.test(character))
        return "'";
    if (DOUBLE_QUOTES.test(character))
        return '"';
    if (DASHES.test(character))
        return '-';
    return character;
}
/** Collapses whitespace runs, folds quote marks and dashes, and drops spaces next to a dash. */
export function normaliseForMatching(original) {
    const characters = [];
    const offsets = [];
    let pendingSpace = -1;
    for (let index = 0; index < original.length; index += 1) {
        const character = original[index];
        if (WHITESPACE.test(character)) {
            if (pendingSpace < 0)
                pendingSpace = index;
            continue;
        }
        const folded = normaliseCharacter(character);
        const previous = characters[characters.length - 1];
        if (pendingSpace >= 0 && characters.length > 0 && folded !== '-' && previous !== '-') {
            characters.push(' ');
            offsets.push(pendingSpace);
        }
        pendingSpace = -1;
        characters.push(folded);
        offsets.push(index);
    }
    return { text: characters.join(''), offsets };
}
const documentCache = new WeakMap();
function normalisedDocument(document) {
    let cached = documentCache.get(document);
    if (cached === undefined) {
        cached = normaliseForMatching(document.text);
        documentCache.set(document, cached);
    }
    return cached;
}
function occurrencesOf(corpus, needle) {
    const occurrences = [];
    for (const document of corpus.documents) {
        const haystack = normalisedDocument(document);
        for (let at = haystack.text.indexOf(needle); at >= 0; at = haystack.text.indexOf(needle, at + 1)) {
            const start = haystack.offsets[at];
            const end = haystack.offsets[at + needle.length - 1] + 1;
            occurrences.push({ documentId: document.id, start, end, text: document.text.slice(start, end) });
        }
    }
    return occurrences;
}
function inside(occurrence, ranges) {
    return ranges.some((range) => range.documentId === occurrence.documentId && range.start <= occurrence.start && occurrence.end <= range.end);
}
/** Narrows several occurrences with the caller's preferences; one left means the quote is placed. */
function choose(occurrences, options) {
    let candidates = [...occurrences];
    const within = options.within ?? [];
    if (candidates.length > 1 && within.length > 0) {
        const preferred = candidates.filter((occurrence) => inside(occurrence, within));
        if (preferred.length > 0)
            candidates = preferred;
    }
    if (candidates.length > 1 && options.preferDocumentId !== undefined) {
        const preferred = candidates.filter((occurrence) => occurrence.documentId === options.preferDocumentId);
        if (preferred.length > 0)
            candidates = preferred;
    }
    return candidates;
}
const ELLIPSIS_EDGES = /^(?:\.\.\.|\u2026)\s*|\s*(?:\.\.\.|\u2026)$/g;
const WRAPPING_QUOTES = /^["'\u2018\u2019\u201C\u201D](.*)["'\u2018\u2019\u201C\u201D]$/s;
/** The quote as given, then without the wrapping quote marks or edge ellipses models like to add. */
function variantsOf(quoteText) {
    const trimmed = quoteText.trim();
    const variants = [trimmed];
    const unwrapped = WRAPPING_QUOTES.exec(trimmed)?.[1]?.trim();
    if (unwrapped !== undefined && unwrapped !== '')
        variants.push(unwrapped);
    for (const variant of [...variants]) {
        const bare = variant.replace(ELLIPSIS_EDGES, '').trim();
        if (bare !== variant && bare !== '')
            variants.push(bare);
    }
    return variants;
}
/** Finds `quoteText` in the corpus; the result carries the source's wording and offsets. */
export function locateQuote(corpus, quoteText, options = {}) {
    for (const variant of variantsOf(quoteText)) {
        const needle = normaliseForMatching(variant).text;
        if (needle === '')
            continue;
        const occurrences = occurrencesOf(corpus, needle);
        if (occurrences.length === 0)
            continue;
        const candidates = choose(occurrences, options);
        if (candidates.length > 1)
            return { status: 'ambiguous' };
        const found = candidates[0];
        return { status: found.text === variant ? 'exact' : 'normalised', ...found };
    }
    return { status: 'not-found' };
}
// Words that carry no content: two sentences sharing only these are not alike.
const STOPWORDS = new Set('a an the and or but of to in on at by for with from as is are was were be been being it its this that these those which who whom whose what when where why how not no nor so than then there their they them he she his her him we our you your i my me do does did has have had will would can could should may might must also such into over after before about between during under while'.split(' '));
function contentWords(text) {
    const words = normaliseForMatching(text)
        .text.toLowerCase()
        .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
    return new Set(words.filter((word) => !STOPWORDS.has(word)));
}
function dice(left, right) {
    if (left.size === 0 || right.size === 0)
        return 0;
    let shared = 0;
    for (const word of left)
        if (right.has(word))
            shared += 1;
    return (2 * shared) / (left.size + right.size);
}
function overlaps(sentence, ranges) {
    return ranges.some((range) => range.documentId === sentence.documentId && sentence.start < range.end && range.start < sentence.end);
}
/** Quotes with fewer content words than this are too thin to attribute to one sentence. */
const MIN_CONTENT_WORDS = 4;
/**
 * Maps a near-quote (a light paraphrase of one sentence) to that sentence, in the source's wording — but
 * only when one sentence is clearly the closest. Anything less certain is `not-found` or `ambiguous`, and
 * the caller drops the quote.
 */
export function repairQuote(corpus, quoteText, options = {}) {
    const settings = { ...repairDefaults, ...options };
    const quoteWords = contentWords(quoteText);
    if (quoteWords.size < MIN_CONTENT_WORDS)
        return { status: 'not-found' };
    let best;
    let runnerUp = 0;
    for (const document of corpus.documents) {
        for (const paragraph of document.paragraphs) {
            for (const sentence of paragraph.sentences) {
                if (settings.within.length > 0 && !overlaps(sentence, settings.within))
                    continue;
                const score = dice(quoteWords, contentWords(sentence.text));
                if (best === undefined || score > best.score) {
                    runnerUp = best?.score ?? 0;
                    best = { sentence, score };
                }
                else if (score > runnerUp) {
                    runnerUp = score;
                }
            }
        }
    }
    if (best === undefined || best.score < settings.minScore)
        return { status: 'not-found' };
    if (best.score - runnerUp < settings.minMargin)
        return { status: 'ambiguous' };
    const { sentence, score } = best;
    const document = corpus.documents.find((candidate) => candidate.id === sentence.documentId);
    if (document === undefined)
        return { status: 'not-found' };
    return {
        status: 'repaired',
        documentId: document.id,
        start: sentence.start,
        end: sentence.end,
        text: document.text.slice(sentence.start, sentence.end),
        score,
    };
}
//# sourceMappingURL=quote-locator.js.map