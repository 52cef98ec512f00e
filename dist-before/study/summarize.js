import { continuesPreviousSentence } from '../language/tokenize.js';
import { centroidOf } from './sentence-graph.js';
import { canStandAsPoint, scoreSentences } from './sentence-scores.js';
import { cosine, SentenceVectors } from './sentence-vectors.js';
import { sectionKey, sentenceUnits } from './sentence-units.js';
import { resolveScope } from './study-scope.js';
import { quoteSpan } from '../corpus/citation.js';
/** MMR trade-off between relevance and novelty (1 = relevance only). */
const LAMBDA = 0.5;
/** Two points this similar say the same thing: the weaker one is left out of a long summary. */
const SAME_POINT = 0.5;
const SHORT_POINTS = 5;
/** A long summary's quotes stay within this many characters (about a screen of Discord). */
const LONG_CHARACTERS = 4000;
export function summarize(corpus, options) {
    const outcome = summarizeWithRanking(corpus, options);
    return outcome.ok ? { ok: true, summary: outcome.summary } : outcome;
}
/**
 * The extractive summary and every sentence of its scope, best first by the score the summary starts from
 * (before redundancy removal): model-summary.ts offers the model the top of this ranking.
 */
export function summarizeWithRanking(corpus, options) {
    const scope = resolveScope(corpus, options.section);
    if (!scope.ok)
        return scope;
    const vectors = new SentenceVectors(sentenceUnits(corpus).map((unit) => unit.sentence.text));
    const units = scope.units;
    const unitVectors = units.map((unit) => vectors.vector(unit.sentence.text));
    const scores = scoreSentences(units, unitVectors, vectors);
    const candidates = candidatesOf(units, unitVectors, scores);
    let chosen;
    if (scope.section === undefined) {
        const anchors = [...new Set(units.map((unit) => unit.document))].flatMap((document) => thesisAndConclusion(document, units, unitVectors, candidates));
        chosen = options.length === 'short' ? shortSelection(units, candidates, anchors) : longSelection(units, candidates, anchors);
    }
    else {
        const count = options.length === 'short' ? clamp(Math.round(units.length * 0.3), 2, 3) : clamp(Math.round(units.length * 0.6), 3, 8);
        chosen = maximalMarginalRelevance(candidates, [], count, () => 0);
    }
    const points = chosen
        .sort((first, second) => (first.indexes[0] ?? 0) - (second.indexes[0] ?? 0))
        .flatMap((candidate) => spansOf(candidate.indexes.map((index) => units[index])))
        .flatMap((span) => {
        const [first, last] = [span[0], span.at(-1)];
        const quote = quoteSpan(first.document, first.paragraph, first.sentence.start, last.sentence.end);
        return quote === undefined ? [] : [{ text: quote.text, quote }];
    });
    const ranked = units
        .map((unit, index) => ({ unit, score: scores[index] ?? 0 }))
        .sort((first, second) => second.score - first.score || first.unit.position - second.unit.position);
    return { ok: true, summary: { title: scope.title, section: scope.section, length: options.length, points, mode: 'extractive' }, ranked };
}
/** Consecutive sentences of one paragraph quote as one span; a pair across two paragraphs makes two points. */
function spansOf(units) {
    const spans = [];
    for (const unit of units) {
        const last = spans.at(-1);
        if (last !== undefined && last[0]?.paragraph === unit.paragraph)
            last.push(unit);
        else
            spans.push([unit]);
    }
    return spans;
}
function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
}
/** "It seems that …" and "It is clear that …" open with a pronoun that points at nothing before. */
function pointsBack(text) {
    if (/^[^,]{1,100},\s+(?:this|these|that|it|they|such)\s/iu.test(text))
        return true; // "Coupled with …, this has allowed …"
    return continuesPreviousSentence(text) && !/^It\s+(?:\S+\s+){1,2}?(?:that|to|whether)\b/u.test(text);
}
function candidatesOf(units, unitVectors, scores) {
    const candidates = [];
    units.forEach((unit, index) => {
        if (!canStandAsPoint(unit))
            return;
        const score = scores[index] ?? 0;
        const vector = unitVectors[index];
        if (!pointsBack(unit.sentence.text)) {
            candidates.push({ indexes: [index], score, vector, length: unit.sentence.text.length });
            return;
        }
        // The sentence it points back to, in the same section, must stand on its own.
        const previous = units[index - 1];
        if (previous === undefined || sectionKey(previous) !== sectionKey(unit) || !canStandAsPoint(previous) || pointsBack(previous.sentence.text))
            return;
        const pairScore = Math.max(score, scores[index - 1] ?? 0) * 0.95;
        const pairVector = centroidOf([unitVectors[index - 1], vector]);
        candidates.push({ indexes: [index - 1, index], score: pairScore, vector: pairVector, length: previous.sentence.text.length + unit.sentence.text.length });
    });
    return candidates;
}
/** The thesis: the introduction's point closest to the rest of the document. The conclusion: the last paragraph's best point. */
function thesisAndConclusion(document, units, unitVectors, candidates) {
    const ofDocument = candidates.filter((candidate) => units[candidate.indexes[0] ?? 0]?.document === document);
    const firstSection = document.paragraphs[0]?.sectionIndex;
    const lastParagraph = document.paragraphs.at(-1);
    const inIntroduction = (candidate) => units[candidate.indexes[0] ?? 0]?.paragraph.sectionIndex === firstSection;
    const rest = centroidOf(units.flatMap((unit, index) => (unit.document === document && unit.paragraph.sectionIndex !== firstSection ? [unitVectors[index]] : [])));
    // News writing states its thesis at the end of the introduction (the "nut graf"): later paragraphs of it weigh more.
    const introduction = document.paragraphs.filter((paragraph) => paragraph.sectionIndex === firstSection);
    const lateness = (candidate) => introduction.length < 2 ? 0 : introduction.indexOf(units[candidate.indexes.at(-1) ?? 0].paragraph) / (introduction.length - 1);
    const thesis = best(ofDocument.filter(inIntroduction), (candidate) => cosine(candidate.vector, rest) + 0.5 * candidate.score + 0.2 * lateness(candidate));
    const conclusion = lastParagraph === undefined || lastParagraph.sectionIndex === firstSection
        ? undefined
        : best(ofDocument.filter((candidate) => units[candidate.indexes.at(-1) ?? 0]?.paragraph === lastParagraph), (candidate) => candidate.score);
    return [thesis, conclusion].filter((candidate) => candidate !== undefined);
}
/** The anchors, then the best point of each of the largest sections not yet covered, then by MMR. */
function shortSelection(units, candidates, anchors) {
    const sectionOf = (candidate) => sectionKey(units[candidate.indexes[0] ?? 0]);
    const sentencesPerSection = new Map();
    for (const unit of units)
        sentencesPerSection.set(sectionKey(unit), (sentencesPerSection.get(sectionKey(unit)) ?? 0) + 1);
    const largest = Math.max(1, ...sentencesPerSection.values());
    // A point from a section no point covers yet, weighed by how much of the text that section is.
    const bonus = (candidate, chosen) => chosen.some((other) => sectionOf(other) === sectionOf(candidate)) ? 0 : 0.3 * ((sentencesPerSection.get(sectionOf(candidate)) ?? 0) / largest);
    return maximalMarginalRelevance(candidates, unique(anchors), Math.max(SHORT_POINTS, anchors.length), bonus);
}
/** The anchors and the best point of every paragraph, without two points that say the same thing, within the length budget. */
function longSelection(units, candidates, anchors) {
    const chosen = unique(anchors);
    const perParagraph = new Map();
    for (const candidate of candidates) {
        const paragraph = units[candidate.indexes.at(-1) ?? 0].paragraph;
        perParagraph.set(paragraph, [...(perParagraph.get(paragraph) ?? []), candidate]);
    }
    const bestOfParagraphs = [...perParagraph.values()]
        .map((list) => best(list, (candidate) => candidate.score))
        .filter((candidate) => candidate !== undefined)
        .sort((first, second) => second.score - first.score);
    let length = chosen.reduce((sum, candidate) => sum + candidate.length, 0);
    for (const candidate of bestOfParagraphs) {
        if (chosen.some((other) => overlaps(other, candidate) || cosine(other.vector, candidate.vector) > SAME_POINT))
            continue;
        if (length + candidate.length > LONG_CHARACTERS)
            continue;
        chosen.push(candidate);
        length += candidate.length;
    }
    return chosen;
}
function maximalMarginalRelevance(candidates, start, count, bonus) {
    const chosen = [...start];
    while (chosen.length < count) {
        const next = best(candidates.filter((candidate) => !chosen.some((other) => overlaps(other, candidate))), (candidate) => LAMBDA * (candidate.score + bonus(candidate, chosen)) - (1 - LAMBDA) * Math.max(0, ...chosen.map((other) => cosine(candidate.vector, other.vector))));
        if (next === undefined)
            break;
        chosen.push(next);
    }
    return chosen;
}
function overlaps(first, second) {
    return first.indexes.some((index) => second.indexes.includes(index));
}
function unique(candidates) {
    return candidates.filter((candidate, index) => candidates.findIndex((other) => overlaps(other, candidate)) === index);
}
function best(items, value) {
    let top;
    let topValue = -Infinity;
    for (const item of items) {
        const itemValue = value(item);
        if (itemValue > topValue) {
            top = item;
            topValue = itemValue;
        }
    }
    return top;
}
//# sourceMappingURL=summarize.js.map