/**
 * The abstention trade-off: for each threshold on the answer's confidence, what abstaining below it would
 * give — the share of unanswerable items abstained on against the share of answerable items lost — so the
 * operating point is chosen from a curve, not from one figure.
 */
import { round, type ItemResult } from './evaluate.js';

export interface TradeOffPoint {
  readonly threshold: number;
  /** Share of unanswerable items that would be abstained on. */
  readonly abstain_unanswerable: number;
  /** Share of answerable items that would be abstained on. */
  readonly false_abstain: number;
  /** Share of answerable items still answered with the evidence in the answer line or first quote. */
  readonly lead: number;
}

export const DEFAULT_THRESHOLDS: readonly number[] = Array.from({ length: 21 }, (_, step) => step / 20);

/**
 * Undefined when no reply carries a confidence. A reply without one (a refused question) counts as
 * abstained at every threshold; a reply the engine abstained on cannot lead at any threshold, since the
 * line it would have given is not known.
 */
export function abstentionTradeOff(results: readonly ItemResult[], thresholds: readonly number[] = DEFAULT_THRESHOLDS): TradeOffPoint[] | undefined {
  if (!results.some((result) => result.reply.confidence !== undefined)) return undefined;
  const answerable = results.filter((result) => result.item.answerable);
  const unanswerable = results.filter((result) => !result.item.answerable);
  const share = (subset: readonly ItemResult[], test: (result: ItemResult) => boolean) =>
    subset.length === 0 ? 0 : round(subset.filter(test).length / subset.length);
  return thresholds.map((threshold) => {
    const abstains = (result: ItemResult) => result.reply.confidence === undefined || result.reply.confidence < threshold;
    return {
      threshold,
      abstain_unanswerable: share(unanswerable, abstains),
      false_abstain: share(answerable, abstains),
      lead: share(answerable, (result) => result.lead && !abstains(result)),
    };
  });
}
