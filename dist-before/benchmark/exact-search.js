/**
 * Exact nearest neighbours by cosine over every stored vector: the ground truth the hnswlib index is
 * measured against, and the search a brute-force in-memory store does. Rows are kept unit-length in one
 * Float32Array, so a query costs one pass of dot products and no allocation per row.
 */
export class ExactSearch {
    dimensions;
    rows;
    count = 0;
    constructor(dimensions, initialCapacity = 1024) {
        this.dimensions = dimensions;
        this.rows = new Float32Array(dimensions * Math.max(1, initialCapacity));
    }
    get size() {
        return this.count;
    }
    get bytes() {
        return this.rows.byteLength;
    }
    add(vector) {
        if (vector.length !== this.dimensions)
            throw new Error(`a ${vector.length}-dimension vector cannot go into a ${this.dimensions}-dimension search`);
        if ((this.count + 1) * this.dimensions > this.rows.length) {
            const grown = new Float32Array(this.rows.length * 2);
            grown.set(this.rows);
            this.rows = grown;
        }
        const offset = this.count * this.dimensions;
        const norm = Math.sqrt(sumOfSquares(vector));
        for (let dimension = 0; dimension < this.dimensions; dimension += 1) {
            this.rows[offset + dimension] = norm > 0 ? vector[dimension] / norm : 0;
        }
        this.count += 1;
        return this.count - 1;
    }
    /** The `k` rows most similar to `query` as [row, cosine], best first. */
    search(query, k) {
        const limit = Math.min(k, this.count);
        if (limit <= 0)
            return [];
        const norm = Math.sqrt(sumOfSquares(query)) || 1;
        const unit = new Float32Array(this.dimensions);
        for (let dimension = 0; dimension < this.dimensions; dimension += 1)
            unit[dimension] = query[dimension] / norm;
        // The best `limit` so far, kept sorted from best to worst; most rows lose to the worst and cost one comparison.
        const labels = [];
        const scores = [];
        const rows = this.rows;
        for (let row = 0; row < this.count; row += 1) {
            let score = 0;
            const offset = row * this.dimensions;
            for (let dimension = 0; dimension < this.dimensions; dimension += 1)
                score += rows[offset + dimension] * unit[dimension];
            if (labels.length === limit && score <= scores[limit - 1])
                continue;
            let position = Math.min(labels.length, limit - 1);
            while (position > 0 && scores[position - 1] < score)
                position -= 1;
            labels.splice(position, 0, row);
            scores.splice(position, 0, score);
            if (labels.length > limit) {
                labels.pop();
                scores.pop();
            }
        }
        return labels.map((label, position) => [label, scores[position]]);
    }
}
function sumOfSquares(vector) {
    let sum = 0;
    for (let index = 0; index < vector.length; index += 1)
        sum += vector[index] ** 2;
    return sum;
}
//# sourceMappingURL=exact-search.js.map