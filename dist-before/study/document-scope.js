/**
 * Which documents a study tool speaks of: the one the user named, or each document of the library in turn,
 * so that several documents give one group per document rather than one merged list. A section named
 * without a document must belong to one document only; one found in several is reported, never picked.
 */
import { corpusOf, findDocument, perDocument } from '../corpus/find-document.js';
import { resolveScope } from './study-scope.js';
export function documentScope(corpus, input) {
    const document = input.document?.trim() ?? '';
    if (document !== '') {
        const found = findDocument(corpus, document);
        return found.ok ? { ok: true, corpora: [corpusOf(corpus, found.document)] } : { ok: false, problem: found.problem };
    }
    const section = input.section?.trim() ?? '';
    if (section === '' || corpus.documents.length === 1)
        return { ok: true, corpora: perDocument(corpus) };
    const holding = perDocument(corpus).filter((single) => resolveScope(single, section).ok);
    // None: the tool itself reports the unknown section with the list of sections.
    if (holding.length === 0)
        return { ok: true, corpora: [corpus] };
    if (holding.length === 1)
        return { ok: true, corpora: holding };
    const titles = holding.map((single) => `“${single.documents[0]?.title ?? ''}”`);
    return {
        ok: false,
        problem: {
            kind: 'ambiguous-section',
            message: `Several documents have a section “${section.slice(0, 100)}”: ${titles.slice(0, 10).join(' · ')}. Choose one with the document option.`,
        },
    };
}
/** The title a grouped output shows for one document's part. */
export function documentTitleOf(corpus) {
    return corpus.documents.length === 1 ? (corpus.documents[0]?.title ?? 'The text') : 'The texts';
}
//# sourceMappingURL=document-scope.js.map