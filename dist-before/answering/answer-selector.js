/**
 * The fitted answer selector: which candidate sentence answers the question (a listwise softmax ranker
 * over the named features of candidate-features.ts), and whether the best one does (a logistic
 * regression over the best candidate's figures). The weights live in models/answer-selector.json, written by
 * scripts/fit-answer-selector.ts; the model card beside it says on what data and how well.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FEATURE_NAMES } from './candidate-features.js';
import { linearScore, predict, softmax } from './logistic-regression.js';
export const SELECTOR_FORMAT = 'footnote-answer-selector/1';
/** Question-level figures the answerability model reads, computed from the ranked candidates. */
export const ANSWERABILITY_FEATURES = [
    'best_probability',
    'margin_to_second',
    'best_names_missing',
    'unknown_share',
    'best_coverage',
    'best_rare_overlap',
    'best_kind_missing',
    'best_rarest_missing',
    'question_terms',
    'best_focus_match',
    'best_names_missing_in_passage',
];
const logisticSchema = z.object({
    features: z.array(z.string()),
    mean: z.array(z.number()),
    scale: z.array(z.number()),
    weights: z.array(z.number()),
    bias: z.number(),
});
const modelSchema = z.object({
    format: z.literal(SELECTOR_FORMAT),
    selector: logisticSchema,
    answerability: logisticSchema.extend({ threshold: z.number().min(0).max(1) }),
});
export const MODEL_FILE = fileURLToPath(new URL('../../models/answer-selector.json', import.meta.url));
export class SelectorModelError extends Error {
    name = 'SelectorModelError';
}
/** Parses a model, checking its format and that it was fitted on the features this code computes. */
export function parseSelectorModel(json, source = MODEL_FILE) {
    const parsed = modelSchema.safeParse(json);
    if (!parsed.success)
        throw new SelectorModelError(`${source} is not a ${SELECTOR_FORMAT} model: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    const { selector, answerability } = parsed.data;
    const expect = (name, actual, wanted) => {
        if (actual.join(',') !== wanted.join(',') || [selector, answerability].some((part) => part.weights.length !== part.features.length))
            throw new SelectorModelError(`${source}: the ${name} model was fitted on other features; run npx tsx scripts/fit-answer-selector.ts`);
    };
    expect('selector', selector.features, FEATURE_NAMES);
    expect('answerability', answerability.features, ANSWERABILITY_FEATURES);
    return { selector, answerability };
}
let loaded;
export function loadSelectorModel() {
    loaded ??= parseSelectorModel(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
    return loaded;
}
/** Each candidate's probability of being the answer, given that one of them is (softmax of the fitted scores). */
export function candidateProbabilities(model, candidates) {
    return candidates.length === 0 ? [] : softmax(candidates.map((features) => linearScore(model.selector, features)));
}
export function answerabilityProbability(model, features) {
    return predict(model.answerability, features);
}
//# sourceMappingURL=answer-selector.js.map