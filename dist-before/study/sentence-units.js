const cache = new WeakMap();
/** Cached per corpus, so every tool holds the same unit objects and can compare them by identity. */
export function sentenceUnits(corpus) {
    let units = cache.get(corpus);
    if (units === undefined) {
        units = readUnits(corpus);
        cache.set(corpus, units);
    }
    return units;
}
/** Identifies the section a sentence is in, across documents. */
export function sectionKey(unit) {
    return `${unit.document.id}\u0000${unit.paragraph.sectionIndex}`;
}
function readUnits(corpus) {
    const units = [];
    for (const document of corpus.documents) {
        for (const paragraph of document.paragraphs) {
            for (const sentence of paragraph.sentences)
                units.push({ document, paragraph, sentence, position: units.length });
        }
    }
    return units;
}
//# sourceMappingURL=sentence-units.js.map