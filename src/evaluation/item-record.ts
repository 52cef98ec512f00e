/** One line of `footnote eval --items FILE`: what footnote gave on one item, and whether BM25 led on it. */
import type { ItemResult } from './evaluate.js';

export interface ItemRecord {
  readonly id: string;
  readonly group?: string;
  readonly kind?: string;
  /** The last turn (the one scored); earlier turns in `turns`. */
  readonly question: string;
  readonly turns?: readonly string[];
  readonly answerable: boolean;
  readonly evidence: readonly string[];
  readonly answerLine: string;
  readonly abstained: boolean;
  readonly abstainReason?: string;
  readonly confidence?: number;
  readonly firstQuote: string | null;
  readonly lead: boolean;
  readonly supported: boolean;
  /** Rank of the first passage holding evidence, null when none does. */
  readonly passageRank: number | null;
  readonly baselineLead?: boolean;
  readonly milliseconds: number;
}

export function itemRecord(result: ItemResult, baseline: ItemResult | undefined): ItemRecord {
  const { item, reply } = result;
  return {
    id: item.id,
    ...(item.group !== undefined ? { group: item.group } : {}),
    ...(item.kind !== undefined ? { kind: item.kind } : {}),
    question: item.turns.at(-1) ?? '',
    ...(item.turns.length > 1 ? { turns: item.turns } : {}),
    answerable: item.answerable,
    evidence: item.evidence,
    answerLine: reply.answerLine,
    abstained: reply.abstained,
    ...(reply.abstainReason !== undefined ? { abstainReason: reply.abstainReason } : {}),
    ...(reply.confidence !== undefined ? { confidence: reply.confidence } : {}),
    firstQuote: reply.quotes[0]?.text ?? null,
    lead: result.lead,
    supported: result.supported,
    passageRank: result.rank ?? null,
    ...(baseline !== undefined ? { baselineLead: baseline.lead } : {}),
    milliseconds: Math.round(result.milliseconds * 10) / 10,
  };
}

/** JSON lines, footnote's items in run order, each paired with the baseline's result on the same item. */
export function itemLines(footnote: readonly ItemResult[], baseline: readonly ItemResult[]): string {
  return footnote.map((result, position) => JSON.stringify(itemRecord(result, baseline[position]))).join('\n') + '\n';
}
