/**
 * How good a point each sentence makes: central in the document and in its section (LexRank), on the
 * section's topic (similar to its heading) and placed where writers put their point (a paragraph's lead);
 * short or overlong sentences make weaker points, and one that cannot stand as a point scores 0.
 */
import { centrality } from './sentence-graph.js';
import { cosine } from './sentence-vectors.js';
import { sectionKey } from './sentence-units.js';
const weights = { document: 0.4, section: 0.2, topic: 0.2, position: 0.2 };
/** A lead-in ("… can be seen across several dimensions:") or a fragment makes no point. */
export function canStandAsPoint(unit) {
    const text = unit.sentence.text;
    return unit.sentence.kind === undefined && !/:\s*$/u.test(text) && text.split(/\s+/u).length >= 6;
}
/** Centrality in the document and in the section, topicality and position, combined; short or overlong sentences make weaker points. */
export function scoreSentences(units, unitVectors, vectors) {
    const inDocument = centrality(unitVectors);
    const inSection = new Array(units.length).fill(0);
    const bySection = new Map();
    units.forEach((unit, index) => bySection.set(sectionKey(unit), [...(bySection.get(sectionKey(unit)) ?? []), index]));
    for (const indexes of bySection.values()) {
        const values = centrality(indexes.map((index) => unitVectors[index]));
        indexes.forEach((index, position) => (inSection[index] = indexes.length === 1 ? 1 : (values[position] ?? 0)));
    }
    return units.map((unit, index) => {
        if (!canStandAsPoint(unit))
            return 0;
        const headings = vectors.vector(`${unit.paragraph.section} ${unit.document.title}`);
        const topic = cosine(unitVectors[index], headings);
        // Writers open sections and paragraphs with their point: lead sentences weigh more.
        const firstInParagraph = unit.paragraph.sentences[0]?.start === unit.sentence.start;
        const firstInSection = firstInParagraph && unit.document.paragraphs.find((paragraph) => paragraph.sectionIndex === unit.paragraph.sectionIndex) === unit.paragraph;
        const position = firstInSection ? 1 : firstInParagraph ? 0.7 : 0.3;
        const words = unit.sentence.text.split(/\s+/u).length;
        const lengthFactor = words < 8 ? 0.6 : words < 12 ? 0.85 : words > 50 ? 0.8 : 1;
        return (lengthFactor *
            (weights.document * (inDocument[index] ?? 0) + weights.section * (inSection[index] ?? 0) + weights.topic * topic + weights.position * position));
    });
}
//# sourceMappingURL=sentence-scores.js.map