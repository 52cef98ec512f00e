/**
 * The fitted answer selector: which candidate sentence answers the question (a listwise softmax ranker
 * over the named features of candidate-features.ts), and whether the best one does (a logistic
 * regression over the best candidate's figures). The weights live in models/answer-selector.json, written by
 * scripts/fit-answer-selector.ts; the model card beside it says on what data and how well.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES } from './candidate-features.js';
import { linearScore, sigmoid, softmax, type LogisticModel } from './logistic-regression.js';
import { treesScore, type Tree, type TreeNode } from './boosted-trees.js';

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
  const { selector, answerability } = readModelJson(json, source);
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

/** A part of the model as the file gives it: with the names of the features it was fitted on. */
type NamedModel = BoostedModel & { readonly features: readonly string[] };

/**
 * The model's fields, checked by hand (zod took ~0.1 s of CPU to import and ~0.08 s to check the 1,500 tree
 * nodes at every start). Fields it does not know are left out, so a file with more still loads.
 */
function readModelJson(json: unknown, source: string): { selector: NamedModel; answerability: NamedModel & { readonly threshold: number } } {
  const shape = (where: string, wanted: string) => new SelectorModelError(`${source} is not a ${SELECTOR_FORMAT} model: ${where} is not ${wanted}`);
  const record = (value: unknown, where: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shape(where, 'an object');
    return value as Record<string, unknown>;
  };
  const list = <T>(value: unknown, where: string, item: (entry: unknown, at: string) => T): T[] => {
    if (!Array.isArray(value)) throw shape(where, 'a list');
    return value.map((entry, index) => item(entry, `${where}[${index}]`));
  };
  const number = (value: unknown, where: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw shape(where, 'a number');
    return value;
  };
  const text = (value: unknown, where: string): string => {
    if (typeof value !== 'string') throw shape(where, 'a string');
    return value;
  };
  const isIndex = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
  const node = (value: unknown, where: string): TreeNode => {
    const { feature, threshold, left, right, value: leaf } = record(value, where);
    if (isIndex(feature) && typeof threshold === 'number' && Number.isFinite(threshold) && isIndex(left) && isIndex(right))
      return { feature, threshold, left, right };
    if (typeof leaf === 'number' && Number.isFinite(leaf)) return { value: leaf };
    throw shape(where, 'a split or a leaf');
  };
  const part = (value: unknown, where: string): NamedModel => {
    const fields = record(value, where);
    const numbers = (name: string) => list(fields[name], `${where}.${name}`, number);
    return {
      features: list(fields.features, `${where}.features`, text),
      mean: numbers('mean'),
      scale: numbers('scale'),
      weights: numbers('weights'),
      bias: number(fields.bias, `${where}.bias`),
      ...(fields.trees === undefined ? {} : { trees: list(fields.trees, `${where}.trees`, (tree, at) => list(tree, at, node)) }),
    };
  };
  const model = record(json, 'the file');
  if (model.format !== SELECTOR_FORMAT) throw shape('format', `"${SELECTOR_FORMAT}"`);
  const selector = part(model.selector, 'selector');
  const answerability = part(model.answerability, 'answerability');
  const threshold = number(record(model.answerability, 'answerability').threshold, 'answerability.threshold');
  if (threshold < 0 || threshold > 1) throw shape('answerability.threshold', 'between 0 and 1');
  return { selector, answerability: { ...answerability, threshold } };
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
