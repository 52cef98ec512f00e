/**
 * A small, deterministic logistic regression: features standardised, weights fitted by full-batch
 * gradient descent with L2 regularisation. Small enough to read; the fitted result is plain numbers.
 */
const fitDefaults = { iterations: 600, learningRate: 0.5, l2: 0.001, positiveWeight: 1 };
export function sigmoid(value) {
    return value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
}
/** The model's linear score (log-odds) for one row. */
export function linearScore(model, features) {
    let sum = model.bias;
    for (let index = 0; index < model.weights.length; index += 1) {
        const standardised = ((features[index] ?? 0) - (model.mean[index] ?? 0)) / (model.scale[index] ?? 1);
        sum += (model.weights[index] ?? 0) * standardised;
    }
    return sum;
}
export function predict(model, features) {
    return sigmoid(linearScore(model, features));
}
/** Softmax of scores: each one's share of the probability that exactly one of them is right. */
export function softmax(scores) {
    const top = Math.max(...scores);
    const exponentials = scores.map((score) => Math.exp(score - top));
    const total = exponentials.reduce((sum, value) => sum + value, 0);
    return exponentials.map((value) => value / total);
}
/**
 * A listwise ranker (conditional logit): within each group of candidates, softmax of the linear scores
 * should put its mass on the labelled ones. Groups without a labelled candidate are skipped.
 */
export function fitSoftmaxRanking(groups, options = {}) {
    const settings = { ...fitDefaults, ...options };
    const usable = groups.filter((group) => group.labels.some(Boolean) && group.rows.length > 0);
    const all = usable.flatMap((group) => group.rows);
    const width = all[0]?.length ?? 0;
    const mean = Array.from({ length: width }, (_unused, column) => all.reduce((sum, row) => sum + (row[column] ?? 0), 0) / Math.max(1, all.length));
    const scale = mean.map((average, column) => {
        const variance = all.reduce((sum, row) => sum + ((row[column] ?? 0) - average) ** 2, 0) / Math.max(1, all.length);
        return variance > 1e-12 ? Math.sqrt(variance) : 1;
    });
    const standardised = usable.map((group) => ({
        rows: group.rows.map((row) => row.map((value, column) => (value - (mean[column] ?? 0)) / (scale[column] ?? 1))),
        targets: group.labels.map((label) => (label ? 1 / group.labels.filter(Boolean).length : 0)),
    }));
    const weights = new Array(width).fill(0);
    for (let iteration = 0; iteration < settings.iterations; iteration += 1) {
        const gradient = new Array(width).fill(0);
        for (const group of standardised) {
            const probabilities = softmax(group.rows.map((row) => row.reduce((sum, value, column) => sum + value * weights[column], 0)));
            group.rows.forEach((row, index) => {
                const error = probabilities[index] - group.targets[index];
                for (let column = 0; column < width; column += 1)
                    gradient[column] = gradient[column] + error * row[column];
            });
        }
        for (let column = 0; column < width; column += 1)
            weights[column] =
                weights[column] -
                    settings.learningRate * (gradient[column] / Math.max(1, standardised.length) + settings.l2 * weights[column]);
    }
    return { mean, scale, weights, bias: 0 };
}
export function fitLogistic(rows, labels, options = {}) {
    const settings = { ...fitDefaults, ...options };
    const width = rows[0]?.length ?? 0;
    const mean = Array.from({ length: width }, (_unused, column) => rows.reduce((sum, row) => sum + (row[column] ?? 0), 0) / Math.max(1, rows.length));
    const scale = mean.map((average, column) => {
        const variance = rows.reduce((sum, row) => sum + ((row[column] ?? 0) - average) ** 2, 0) / Math.max(1, rows.length);
        return variance > 1e-12 ? Math.sqrt(variance) : 1;
    });
    const standardised = rows.map((row) => row.map((value, column) => (value - (mean[column] ?? 0)) / (scale[column] ?? 1)));
    const weights = new Array(width).fill(0);
    let bias = 0;
    const rowWeight = labels.map((label) => (label ? settings.positiveWeight : 1));
    const totalWeight = rowWeight.reduce((sum, weight) => sum + weight, 0) || 1;
    for (let iteration = 0; iteration < settings.iterations; iteration += 1) {
        const gradient = new Array(width).fill(0);
        let biasGradient = 0;
        standardised.forEach((row, index) => {
            let sum = bias;
            for (let column = 0; column < width; column += 1)
                sum += weights[column] * row[column];
            const error = (sigmoid(sum) - (labels[index] ? 1 : 0)) * rowWeight[index];
            for (let column = 0; column < width; column += 1)
                gradient[column] = gradient[column] + error * row[column];
            biasGradient += error;
        });
        for (let column = 0; column < width; column += 1)
            weights[column] =
                weights[column] - settings.learningRate * (gradient[column] / totalWeight + settings.l2 * weights[column]);
        bias -= settings.learningRate * (biasGradient / totalWeight);
    }
    return { mean, scale, weights, bias };
}
//# sourceMappingURL=logistic-regression.js.map