import { studyGuide } from './study-guide.js';
import { escapeMarkdown } from './study-guide.js';
export function studyGuideByDocument(corpora, options) {
    const [only] = corpora;
    if (corpora.length === 1 && only !== undefined)
        return studyGuide(only, options);
    const contents = corpora.map((part, position) => `${position + 1}. ${escapeMarkdown(part.documents[0]?.title ?? '')}`);
    // Each guide's headings go one level down, under the library's own title.
    const guides = corpora.map((part) => studyGuide(part, options).replace(/^#/gmu, '##'));
    return [`# Study guide: ${corpora.length} documents`, '', ...contents, '', ...guides].join('\n');
}
//# sourceMappingURL=study-guide-by-document.js.map