/** Share of the question's rarity-weighted words whose stem the sentence has. */
export function rareOverlap(question, candidate) {
    const total = question.terms.reduce((sum, term) => sum + term.rarity, 0);
    if (total <= 0)
        return 0;
    return question.terms.reduce((sum, term) => sum + (candidate.stems.has(term.stem) ? term.rarity : 0), 0) / total;
}
/** Rarity of the rarest question word the sentence lacks (0 when it has them all): a changed name or detail shows here. */
export function rarestMissing(question, candidate) {
    return Math.max(0, ...question.terms.filter((term) => !candidate.stems.has(term.stem)).map((term) => term.rarity));
}
/** The same, with the sentences around it counted as the sentence's own. */
export function rarestMissingNearby(question, candidate) {
    return Math.max(0, ...question.terms.filter((term) => !candidate.stems.has(term.stem) && !candidate.nearbyStems.has(term.stem)).map((term) => term.rarity));
}
/** Share of the question's words (unweighted) the sentence has by stem. */
export function plainOverlap(question, candidate) {
    if (question.terms.length === 0)
        return 0;
    return question.terms.filter((term) => candidate.stems.has(term.stem)).length / question.terms.length;
}
/** Share of the question's words found in the section heading. */
export function headingMatch(question, candidate) {
    if (question.terms.length === 0)
        return 0;
    return question.terms.filter((term) => candidate.headingStems.has(term.stem)).length / question.terms.length;
}
const TYPED_KINDS = new Set(['number', 'time', 'person', 'place']);
/** 1 when the sentence holds something of the kind asked (a count, a time, a name, a place) that the question does not already say. */
export function answerKindPresent(question, candidate) {
    const fresh = (values) => values.some((value) => !value.split(/\s+/u).every((word) => question.words.has(word.toLowerCase())));
    const { entities } = candidate;
    switch (question.kind) {
        case 'number':
            return fresh(entities.numbers) ? 1 : 0;
        case 'time':
            return fresh(entities.times) ? 1 : 0;
        case 'person':
            return fresh(entities.names) ? 1 : 0;
        case 'place':
            return fresh(entities.names) ? 1 : 0;
        default:
            return 0;
    }
}
/** 1 when the question asks for a typed answer and the sentence has nothing of that kind. */
export function answerKindMissing(question, candidate) {
    return TYPED_KINDS.has(question.kind) && answerKindPresent(question, candidate) === 0 ? 1 : 0;
}
/** "Why"/"how" questions: the sentence states a cause or means (read from its grammar: a subordinate clause or "by/for + -ing"). */
export function explainsCause(question, candidate) {
    return (question.kind === 'reason' || question.kind === 'manner') && candidate.entities.explains ? 1 : 0;
}
export const FEATURES = {
    retrieval_score: (_question, candidate) => candidate.score,
    gap_to_top: (_question, candidate) => candidate.topScore - candidate.score,
    rank_reciprocal: (_question, candidate) => 1 / (1 + candidate.rank),
    coverage: (_question, candidate) => candidate.coverage,
    passage_coverage: (_question, candidate) => candidate.passageCoverage,
    dense: (_question, candidate) => candidate.dense,
    alignment: (_question, candidate) => candidate.alignment,
    rare_overlap: rareOverlap,
    plain_overlap: plainOverlap,
    rarest_missing: rarestMissing,
    rarest_missing_nearby: rarestMissingNearby,
    bm25_share: (_question, candidate) => candidate.bm25Share,
    answer_kind_present: answerKindPresent,
    answer_kind_missing: answerKindMissing,
    explains_cause: explainsCause,
    focus_match: (_question, candidate) => candidate.focusMatch,
    names_missing_here: (_question, candidate) => Math.min(2, candidate.namesMissingHere),
    names_missing_in_passage: (_question, candidate) => Math.min(2, candidate.namesMissingInPassage),
    heading_match: headingMatch,
    previous_coverage: (_question, candidate) => candidate.previousCoverage,
    next_coverage: (_question, candidate) => candidate.nextCoverage,
    first_in_paragraph: (_question, candidate) => (candidate.positionInParagraph === 0 ? 1 : 0),
    continues_previous: (_question, candidate) => (candidate.continuesPrevious ? 1 : 0),
    length_log: (_question, candidate) => Math.log(1 + candidate.text.length) / 6,
};
export const FEATURE_NAMES = Object.keys(FEATURES);
export function featureVector(question, candidate) {
    return FEATURE_NAMES.map((name) => FEATURES[name](question, candidate));
}
//# sourceMappingURL=candidate-features.js.map