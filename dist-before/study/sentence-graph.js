/**
 * Centrality of sentences in their similarity graph: continuous LexRank (PageRank over cosine similarities),
 * the graph method the summariser ranks by, with similarity to the centroid standing in past a few thousand
 * sentences, where comparing every pair costs too much.
 */
import { cosine } from './sentence-vectors.js';
/** Most sentences scored with LexRank (quadratic in the number of sentences). */
const LEXRANK_LIMIT = 2000;
/** Each sentence's centrality, scaled so the most central is 1. */
export function centrality(vectors) {
    const raw = vectors.length <= LEXRANK_LIMIT ? lexRank(vectors) : centroidSimilarity(vectors);
    const highest = Math.max(...raw, Number.EPSILON);
    return raw.map((value) => value / highest);
}
export function centroidOf(vectors) {
    const centroid = new Map();
    for (const vector of vectors)
        for (const [stem, weight] of vector)
            centroid.set(stem, (centroid.get(stem) ?? 0) + weight);
    const norm = Math.sqrt([...centroid.values()].reduce((sum, value) => sum + value * value, 0)) || 1;
    for (const [stem, weight] of centroid)
        centroid.set(stem, weight / norm);
    return centroid;
}
function centroidSimilarity(vectors) {
    const centroid = centroidOf(vectors);
    return vectors.map((vector) => cosine(vector, centroid));
}
function lexRank(vectors, damping = 0.85, rounds = 40) {
    const count = vectors.length;
    if (count === 0)
        return [];
    const similarity = vectors.map((vector, row) => vectors.map((other, column) => (row === column ? 0 : cosine(vector, other))));
    const rowSums = similarity.map((row) => row.reduce((sum, value) => sum + value, 0));
    let rank = new Array(count).fill(1 / count);
    for (let round = 0; round < rounds; round += 1) {
        const next = new Array(count).fill((1 - damping) / count);
        for (let from = 0; from < count; from += 1) {
            const total = rowSums[from] ?? 0;
            const share = (rank[from] ?? 0) * damping;
            for (let to = 0; to < count; to += 1) {
                next[to] = (next[to] ?? 0) + (total > 0 ? (share * (similarity[from]?.[to] ?? 0)) / total : share / count);
            }
        }
        rank = next;
    }
    return rank;
}
//# sourceMappingURL=sentence-graph.js.map