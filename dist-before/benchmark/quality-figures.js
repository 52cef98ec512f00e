/**
 * Retrieval quality and latency of any question → passages pipeline, scored with the rule of
 * evaluation/evaluate.ts and the eval README: a passage hits when, after the shared normalisation, it
 * contains one of the item's evidence strings; hit_at_k is over answerable items only.
 */
import { performance } from 'node:perf_hooks';
import { percentile } from '../evaluation/evaluate.js';
import { evidenceRank } from '../evaluation/evidence.js';
/**
 * Asks every item once and times it. A pipeline without conversation memory (the baseline) sees a
 * multi-turn item as its turns joined into one query, which gives it the earlier turns' words.
 */
export async function measureRetrieval(items, retrieve) {
    const times = [];
    const ranks = [];
    for (const item of items) {
        const started = performance.now();
        const passages = await retrieve(item.turns.join(' '));
        times.push(performance.now() - started);
        if (item.answerable)
            ranks.push(evidenceRank(passages, item.evidence));
    }
    times.sort((first, second) => first - second);
    const share = (test) => (ranks.length === 0 ? 0 : round(ranks.filter(test).length / ranks.length));
    return {
        hit_at_1: share((rank) => rank === 1),
        hit_at_3: share((rank) => rank !== undefined && rank <= 3),
        p50_ms: round(percentile(times, 0.5)),
        p99_ms: round(percentile(times, 0.99)),
    };
}
export function round(value) {
    return Math.round(value * 1000) / 1000;
}
//# sourceMappingURL=quality-figures.js.map