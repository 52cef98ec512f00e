/**
 * Gradient-boosted regression trees, small and deterministic: each tree is fitted with Newton steps to the
 * gradient and curvature of a loss at the current scores (logistic for answerability, the candidates' softmax
 * for the selector), on features cut into at most BINS quantile bins. Added to a linear model's score, the
 * trees learn what a weighted sum cannot: that a missing name matters only when the question has one, that
 * low coverage is fine for a short question. The fitted result is plain numbers in a JSON file.
 */

/** A node: a split (feature, threshold, children by index) or a leaf (value). */
export type TreeNode = { readonly feature: number; readonly threshold: number; readonly left: number; readonly right: number } | { readonly value: number };

/** Nodes in an array; node 0 is the root. Rows with feature value <= threshold go left. */
export type Tree = readonly TreeNode[];

export function treeScore(tree: Tree, features: readonly number[]): number {
  let index = 0;
  for (;;) {
    const node = tree[index];
    if (node === undefined) return 0;
    if ('value' in node) return node.value;
    index = (features[node.feature] ?? 0) <= node.threshold ? node.left : node.right;
  }
}

export function treesScore(trees: readonly Tree[] | undefined, features: readonly number[]): number {
  let sum = 0;
  for (const tree of trees ?? []) sum += treeScore(tree, features);
  return sum;
}

export interface BoostOptions {
  readonly rounds?: number;
  readonly depth?: number;
  readonly shrinkage?: number;
  /** L2 penalty on leaf values. */
  readonly lambda?: number;
  /** Smallest summed curvature a leaf may have. */
  readonly minLeafWeight?: number;
}

const BINS = 32;
const defaults = { rounds: 120, depth: 3, shrinkage: 0.1, lambda: 1, minLeafWeight: 2 } as const satisfies Required<BoostOptions>;

/** Per-row gradient and curvature of the loss at the current scores (scores include the base model). */
export type LossDerivatives = (scores: Float64Array) => { gradient: Float64Array; hessian: Float64Array };

/** Fits trees on `rows`, starting from `baseScores`; returns the trees (already shrunk). */
export function fitBoostedTrees(
  rows: readonly (readonly number[])[],
  baseScores: readonly number[],
  loss: LossDerivatives,
  options: BoostOptions = {},
): Tree[] {
  const settings = { ...defaults, ...options };
  const width = rows[0]?.length ?? 0;
  const thresholds = Array.from({ length: width }, (_unused, column) => quantileCuts(rows.map((row) => row[column] ?? 0)));
  const binned = rows.map((row) => Uint8Array.from(thresholds, (cuts, column) => binOf(cuts, row[column] ?? 0)));
  const scores = Float64Array.from(baseScores);
  const trees: Tree[] = [];
  for (let round = 0; round < settings.rounds; round += 1) {
    const { gradient, hessian } = loss(scores);
    const nodes: TreeNode[] = [];
    const grow = (members: number[], depth: number): number => {
      const index = nodes.length;
      nodes.push({ value: 0 });
      let totalGradient = 0;
      let totalHessian = 0;
      for (const row of members) {
        totalGradient += gradient[row] as number;
        totalHessian += hessian[row] as number;
      }
      const leaf = { value: (-totalGradient / (totalHessian + settings.lambda)) * settings.shrinkage };
      const split = depth < settings.depth ? bestSplit(members, binned, thresholds, gradient, hessian, settings) : undefined;
      if (split === undefined) {
        nodes[index] = leaf;
        return index;
      }
      const left = members.filter((row) => (binned[row]?.[split.feature] ?? 0) <= split.bin);
      const right = members.filter((row) => (binned[row]?.[split.feature] ?? 0) > split.bin);
      const leftIndex = grow(left, depth + 1);
      const rightIndex = grow(right, depth + 1);
      nodes[index] = { feature: split.feature, threshold: thresholds[split.feature]?.[split.bin] ?? 0, left: leftIndex, right: rightIndex };
      return index;
    };
    grow(
      rows.map((_row, index) => index),
      0,
    );
    trees.push(nodes);
    rows.forEach((row, index) => (scores[index] = (scores[index] as number) + treeScore(nodes, row)));
  }
  return trees;
}

/** Up to BINS-1 cut points at the quantiles of the values (distinct values only). */
function quantileCuts(values: readonly number[]): number[] {
  const sorted = [...values].sort((first, second) => first - second);
  const cuts: number[] = [];
  for (let step = 1; step < BINS; step += 1) {
    const value = sorted[Math.floor((step * sorted.length) / BINS)];
    if (value !== undefined && value !== cuts.at(-1) && value !== sorted.at(-1)) cuts.push(value);
  }
  return cuts;
}

/** Index of the first cut the value does not exceed (values above every cut get cuts.length). */
function binOf(cuts: readonly number[], value: number): number {
  let bin = 0;
  while (bin < cuts.length && value > (cuts[bin] as number)) bin += 1;
  return bin;
}

function bestSplit(
  members: readonly number[],
  binned: readonly Uint8Array[],
  thresholds: readonly (readonly number[])[],
  gradient: Float64Array,
  hessian: Float64Array,
  settings: Required<BoostOptions>,
): { feature: number; bin: number } | undefined {
  let best: { feature: number; bin: number; gain: number } | undefined;
  const gain = (g: number, h: number) => (g * g) / (h + settings.lambda);
  thresholds.forEach((cuts, feature) => {
    if (cuts.length === 0) return;
    const sumGradient = new Float64Array(cuts.length + 1);
    const sumHessian = new Float64Array(cuts.length + 1);
    for (const row of members) {
      const bin = binned[row]?.[feature] ?? 0;
      sumGradient[bin] = (sumGradient[bin] as number) + (gradient[row] as number);
      sumHessian[bin] = (sumHessian[bin] as number) + (hessian[row] as number);
    }
    const totalGradient = sumGradient.reduce((sum, value) => sum + value, 0);
    const totalHessian = sumHessian.reduce((sum, value) => sum + value, 0);
    let leftGradient = 0;
    let leftHessian = 0;
    for (let bin = 0; bin < cuts.length; bin += 1) {
      leftGradient += sumGradient[bin] as number;
      leftHessian += sumHessian[bin] as number;
      const rightHessian = totalHessian - leftHessian;
      if (leftHessian < settings.minLeafWeight || rightHessian < settings.minLeafWeight) continue;
      const value = gain(leftGradient, leftHessian) + gain(totalGradient - leftGradient, rightHessian) - gain(totalGradient, totalHessian);
      if (value > 1e-9 && (best === undefined || value > best.gain)) best = { feature, bin, gain: value };
    }
  });
  return best === undefined ? undefined : { feature: best.feature, bin: best.bin };
}
