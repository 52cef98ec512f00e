/**
 * SM-2 (SuperMemo 2, Woźniak 1990): after each review a card's interval grows by its easiness factor when
 * recalled (grade 3–5) and starts again at one day when not (grade 0–2); the easiness factor moves with
 * how hard the recall was and never drops below 1.3.
 */
export const NEW_CARD = { easiness: 2.5, repetitions: 0, intervalDays: 0 };
export const MINIMUM_EASINESS = 1.3;
const DAY_MS = 86_400_000;
export function isReviewGrade(value) {
    return Number.isInteger(value) && value >= 0 && value <= 5;
}
/** A right answer to a multiple-choice review is a recall with some hesitation (4); a wrong one a failed recall (1). */
export function gradeForAnswer(correct) {
    return correct ? 4 : 1;
}
export function nextReview(state, grade) {
    const easiness = Math.max(MINIMUM_EASINESS, state.easiness + 0.1 - (5 - grade) * (0.08 + (5 - grade) * 0.02));
    if (grade < 3)
        return { easiness, repetitions: 0, intervalDays: 1 };
    const intervalDays = state.repetitions === 0 ? 1 : state.repetitions === 1 ? 6 : Math.round(state.intervalDays * state.easiness);
    return { easiness, repetitions: state.repetitions + 1, intervalDays };
}
export function dueAfter(from, intervalDays) {
    return new Date(from.getTime() + intervalDays * DAY_MS);
}
//# sourceMappingURL=spaced-repetition.js.map