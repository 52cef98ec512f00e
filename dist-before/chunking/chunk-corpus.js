/** Bump when chunk boundaries change: an index built by another version is rebuilt. */
export const CHUNKER_VERSION = 3;
export const HEADER_SECTION = 'Title and byline';
const DEFAULT_OPTIONS = { maxCharacters: 900 };
export function chunkCorpus(corpus, options = {}) {
    const settings = { ...DEFAULT_OPTIONS, ...options };
    return corpus.documents.flatMap((document) => chunkDocument(document, settings));
}
function chunkDocument(document, options) {
    const chunks = [];
    const headerSentences = document.header.map((line) => ({
        documentId: document.id,
        paragraph: 0,
        section: HEADER_SECTION,
        ordinal: -1,
        start: line.start,
        end: line.end,
        text: line.text,
        kind: 'header',
    }));
    if (headerSentences.length > 0)
        chunks.push(makeChunk(document, `${document.id}#header`, headerSentences));
    const sectionsWithHeading = new Map(document.sections.filter((section) => section.headingStart !== undefined).map((section) => [section.index, section]));
    let previousSectionIndex;
    for (const paragraph of document.paragraphs) {
        const section = sectionsWithHeading.get(paragraph.sectionIndex);
        // Paragraphs come in document order, so a section's first paragraph is the one where the section changes.
        const leadsSection = section !== undefined && paragraph.sectionIndex !== previousSectionIndex;
        previousSectionIndex = paragraph.sectionIndex;
        const heading = leadsSection && section.headingStart !== undefined && section.headingEnd !== undefined
            ? [
                {
                    documentId: document.id,
                    paragraph: paragraph.number,
                    section: section.title,
                    ordinal: -1,
                    start: section.headingStart,
                    end: section.headingEnd,
                    text: document.text.slice(section.headingStart, section.headingEnd),
                    kind: 'heading',
                },
            ]
            : [];
        const sentences = [...heading, ...paragraph.sentences];
        if (paragraph.end - paragraph.start <= options.maxCharacters || paragraph.sentences.length <= 1) {
            chunks.push(makeChunk(document, `${document.id}#p${paragraph.number}`, sentences));
            continue;
        }
        // Windows of whole sentences up to maxCharacters, each starting one sentence before the last one ended.
        let first = 0;
        let part = 1;
        while (first < sentences.length) {
            let last = first;
            while (last + 1 < sentences.length && (sentences[last + 1]?.end ?? 0) - (sentences[first]?.start ?? 0) <= options.maxCharacters)
                last += 1;
            chunks.push(makeChunk(document, `${document.id}#p${paragraph.number}.${part}`, sentences.slice(first, last + 1)));
            if (last + 1 >= sentences.length)
                break;
            first = last > first ? last : last + 1;
            part += 1;
        }
    }
    return chunks;
}
function makeChunk(document, id, sentences) {
    const first = sentences[0];
    const last = sentences.at(-1);
    return {
        id,
        documentId: document.id,
        documentTitle: document.title,
        section: first.section,
        paragraph: first.paragraph,
        start: first.start,
        end: last.end,
        text: document.text.slice(first.start, last.end),
        sentences,
    };
}
//# sourceMappingURL=chunk-corpus.js.map