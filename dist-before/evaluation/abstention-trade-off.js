/**
 * The abstention trade-off: for each threshold on the answer's confidence, what abstaining below it would
 * give — the share of unanswerable items abstained on against the share of answerable items lost — so the
 * operating point is chosen from a curve, not from one figure.
 */
import { round } from './evaluate.js';
export const DEFAULT_THRESHOLDS = Array.from({ length: 21 }, (_, step) => step / 20);
/**
 * Undefined when no reply carries a confidence. A reply without one (a refused question) counts as
 * abstained at every threshold; a reply the engine abstained on cannot lead at any threshold, since the
 * line it would have given is not known.
 */
export function abstentionTradeOff(results, thresholds = DEFAULT_THRESHOLDS) {
    if (!results.some((result) => result.reply.confidence !== undefined))
        return undefined;
    const answerable = results.filter((result) => result.item.answerable);
    const unanswerable = results.filter((result) => !result.item.answerable);
    const share = (subset, test) => subset.length === 0 ? 0 : round(subset.filter(test).length / subset.length);
    return thresholds.map((threshold) => {
        const abstains = (result) => result.reply.confidence === undefined || result.reply.confidence < threshold;
        return {
            threshold,
            abstain_unanswerable: share(unanswerable, abstains),
            false_abstain: share(answerable, abstains),
            lead: share(answerable, (result) => result.lead && !abstains(result)),
        };
    });
}
//# sourceMappingURL=abstention-trade-off.js.map