/**
 * The eval README's matching rule, in one place: a text holds evidence when, after the shared
 * normalisation on both sides, it contains one of the evidence strings.
 */
import { normalizeForMatch } from '../language/normalize.js';
export function evidenceMatcher(evidence) {
    const needles = evidence.map(normalizeForMatch).filter((text) => text !== '');
    return (text) => {
        if (needles.length === 0)
            return false;
        const haystack = normalizeForMatch(text);
        return needles.some((needle) => haystack.includes(needle));
    };
}
/** 1-based rank of the first text holding evidence, or undefined when none does. */
export function evidenceRank(texts, evidence) {
    const holds = evidenceMatcher(evidence);
    const index = texts.findIndex(holds);
    return index >= 0 ? index + 1 : undefined;
}
//# sourceMappingURL=evidence.js.map