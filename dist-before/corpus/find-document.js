/**
 * One document of a library, chosen the way a person names it: its title or file name, or a unique part
 * of either (case and curly quotes ignored). Several matches are reported, never resolved silently.
 */
import { normalizeForMatch } from '../language/normalize.js';
/** Titles in library order, for autocomplete and messages. */
export function documentTitles(corpus) {
    return corpus.documents.map((document) => document.title);
}
export function findDocument(corpus, typed) {
    const wanted = normalizeForMatch(typed);
    const names = (document) => [normalizeForMatch(document.title), normalizeForMatch(document.id)];
    const exact = corpus.documents.filter((document) => names(document).includes(wanted));
    const prefix = corpus.documents.filter((document) => names(document).some((name) => name.startsWith(wanted)));
    const fragment = corpus.documents.filter((document) => names(document).some((name) => name.includes(wanted)));
    const matches = exact.length > 0 ? exact : prefix.length > 0 ? prefix : fragment;
    const [document] = matches;
    const shown = typed.slice(0, 100);
    if (document === undefined || wanted === '') {
        const titles = documentTitles(corpus).slice(0, 20).map((title) => `“${title}”`);
        return { ok: false, problem: { kind: 'unknown-document', message: `No document is called “${shown}”. Documents: ${titles.join(' · ')}` } };
    }
    if (matches.length > 1) {
        const titles = matches.slice(0, 20).map((match) => `“${match.title}”`);
        return {
            ok: false,
            problem: { kind: 'ambiguous-document', message: `“${shown}” matches several documents: ${titles.join(' · ')}. Give more of the title.` },
        };
    }
    return { ok: true, document };
}
/** The corpus narrowed to one document, for the study tools that read a whole corpus. */
export function corpusOf(corpus, document) {
    return { documents: [document], contentHash: `${corpus.contentHash}#${document.id}` };
}
/** The corpus as one-document corpora, in library order: each study tool's output grouped per document. */
export function perDocument(corpus) {
    return corpus.documents.map((document) => corpusOf(corpus, document));
}
//# sourceMappingURL=find-document.js.map