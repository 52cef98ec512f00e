/** A span of one paragraph; the text is read from the document, never taken from the caller. */
export function quoteSpan(document, paragraph, start, end) {
    if (!(paragraph.start <= start && start < end && end <= paragraph.end))
        return undefined;
    const text = document.text.slice(start, end);
    // Defensive: a paragraph of another document would slice the wrong text.
    if (paragraph.documentId !== document.id || text.trim() !== text || text === '')
        return undefined;
    return { text, documentId: document.id, documentTitle: document.title, section: paragraph.section, paragraph: paragraph.number, start, end };
}
export function quoteSentence(document, paragraph, sentence) {
    return quoteSpan(document, paragraph, sentence.start, sentence.end);
}
/** True when the quote's text is exactly what the corpus holds at its offsets. */
export function isLocated(corpus, quote) {
    const document = corpus.documents.find((candidate) => candidate.id === quote.documentId);
    return document !== undefined && document.text.slice(quote.start, quote.end) === quote.text;
}
/** The shape the command line prints: `{text, documentId, section, paragraph, start, end}`. */
export function quoteJson(quote) {
    const { text, documentId, section, paragraph, start, end } = quote;
    return { text, documentId, section, paragraph, start, end };
}
/** "Section, ¶ 3", after the document title when asked ("Title — Section, ¶ 3"); ¶ 0 (the title block) is the section alone. */
export function citationLabel(citation, options) {
    const where = citation.paragraph === 0 ? citation.section : `${citation.section}, ¶ ${citation.paragraph}`;
    const label = options.withDocument ? `${citation.documentTitle} — ${where}` : where;
    return options.withOffsets === true && citation.start !== undefined && citation.end !== undefined ? `${label} [chars ${citation.start}–${citation.end}]` : label;
}
//# sourceMappingURL=citation.js.map