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
import { linearScore, sigmoid, softmax, type LogisticModel } from './logistic-regression.js';
import { treesScore, type Tree } from './boosted-trees.js';

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
  'absent_topic_share',
  'asked_noun_absent',
  'best_asked_noun_missing',
  'top3_rare_overlap',
  'best_alignment',
  'best_dense',
  'best_rarest_missing_here',
] as const;

const nodeSchema = z.union([
  z.object({ feature: z.number().int().min(0), threshold: z.number(), left: z.number().int().min(0), right: z.number().int().min(0) }),
  z.object({ value: z.number() }),
]);

const logisticSchema = z.object({
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Boosted trees added to the linear score (boosted-trees.ts); none in a purely linear model. */
  trees: z.array(z.array(nodeSchema)).optional(),
});

const modelSchema = z.object({
  format: z.literal(SELECTOR_FORMAT),
  selector: logisticSchema,
  answerability: logisticSchema.extend({ threshold: z.number().min(0).max(1) }),
});

/** A linear model with, optionally, boosted trees fitted on what it leaves unexplained. */
export type BoostedModel = LogisticModel & { readonly trees?: readonly Tree[] | undefined };

export interface SelectorModel {
  readonly selector: BoostedModel;
  readonly answerability: BoostedModel & { readonly threshold: number };
}

/** The model's score (log-odds) for one row: the linear part plus the trees. */
export function modelScore(model: BoostedModel, features: readonly number[]): number {
  return linearScore(model, features) + treesScore(model.trees, features);
}

export const MODEL_FILE = fileURLToPath(new URL('../../models/answer-selector.json', import.meta.url));

export class SelectorModelError extends Error {
  override readonly name = 'SelectorModelError';
}

/** Parses a model, checking its format and that it was fitted on the features this code computes. */
export function parseSelectorModel(json: unknown, source = MODEL_FILE): SelectorModel {
  const parsed = modelSchema.safeParse(json);
  if (!parsed.success) throw new SelectorModelError(`${source} is not a ${SELECTOR_FORMAT} model: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  const { selector, answerability } = parsed.data;
  const expect = (name: string, actual: readonly string[], wanted: readonly string[]) => {
    if (actual.join(',') !== wanted.join(',') || [selector, answerability].some((part) => part.weights.length !== part.features.length))
      throw new SelectorModelError(`${source}: the ${name} model was fitted on other features; run npx tsx scripts/fit-answer-selector.ts`);
  };
  expect('selector', selector.features, FEATURE_NAMES);
  expect('answerability', answerability.features, ANSWERABILITY_FEATURES);
  for (const [name, part] of [
    ['selector', selector],
    ['answerability', answerability],
  ] as const)
    for (const tree of part.trees ?? [])
      for (const node of tree)
        if ('feature' in node && (node.feature >= part.features.length || node.left >= tree.length || node.right >= tree.length))
          throw new SelectorModelError(
            `${source}: a tree of the ${name} model points outside its features or nodes; run npx tsx scripts/fit-answer-selector.ts`,
          );
  return { selector, answerability };
}

let loaded: SelectorModel | undefined;

export function loadSelectorModel(): SelectorModel {
  loaded ??= parseSelectorModel(JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as unknown);
  return loaded;
}

/** Each candidate's probability of being the answer, given that one of them is (softmax of the fitted scores). */
export function candidateProbabilities(model: SelectorModel, candidates: readonly (readonly number[])[]): number[] {
  return candidates.length === 0 ? [] : softmax(candidates.map((features) => modelScore(model.selector, features)));
}

export function answerabilityProbability(model: SelectorModel, features: readonly number[]): number {
  return sigmoid(modelScore(model.answerability, features));
}
