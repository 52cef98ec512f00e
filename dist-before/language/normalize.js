/**
 * The one normalisation used wherever two texts are compared for "the same words": Unicode NFKC, curly
 * quotes and apostrophes to straight ones, every dash to '-', whitespace runs to one space, case folded.
 * (The eval README defines matching with exactly these steps.)
 */
export function normalizeForMatch(text) {
    return text
        .normalize('NFKC')
        .replace(/[‘’‚‛′`´]/gu, "'")
        .replace(/[“”„‟″«»]/gu, '"')
        .replace(/[‐‑‒–—―−﹘﹣－]/gu, '-')
        .replace(/\s+/gu, ' ')
        .trim()
        .toLowerCase();
}
//# sourceMappingURL=normalize.js.map