import { normalizeForMatch } from '../language/normalize.js';
import { sentenceUnits } from './sentence-units.js';
/** Section names in reading order, without repeats (for autocomplete and error messages). */
export function sectionNames(corpus) {
    return [...new Set(corpus.documents.flatMap((document) => document.paragraphs.map((paragraph) => paragraph.section)))];
}
export function resolveScope(corpus, section) {
    const units = sentenceUnits(corpus);
    if (section === undefined || section.trim() === '') {
        const title = corpus.documents.length === 1 ? (corpus.documents[0]?.title ?? 'The text') : 'The texts';
        return { ok: true, title, section: undefined, units };
    }
    const names = sectionNames(corpus);
    const wanted = normalizeForMatch(section);
    const exact = names.filter((name) => normalizeForMatch(name) === wanted);
    const prefix = names.filter((name) => normalizeForMatch(name).startsWith(wanted));
    const fragment = names.filter((name) => normalizeForMatch(name).includes(wanted));
    const matches = exact.length > 0 ? exact : prefix.length > 0 ? prefix : fragment;
    const [name] = matches;
    if (name === undefined) {
        return {
            ok: false,
            problem: { kind: 'unknown-section', message: `There is no section called “${section.slice(0, 100)}”. Sections: ${names.join(' · ')}` },
        };
    }
    if (matches.length > 1) {
        return {
            ok: false,
            problem: { kind: 'ambiguous-section', message: `“${section.slice(0, 100)}” matches several sections: ${matches.join(' · ')}. Give more of the name.` },
        };
    }
    const inSection = units.filter((unit) => unit.paragraph.section === name);
    if (inSection.length === 0)
        return { ok: false, problem: { kind: 'empty-section', message: `The section “${name}” has no text.` } };
    return { ok: true, title: name, section: name, units: inSection };
}
//# sourceMappingURL=study-scope.js.map