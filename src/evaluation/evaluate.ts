/**
 * The evaluation: asks every item through the real `Engine.ask` path (multi-turn items turn by turn in
 * one conversation) and computes the metrics defined in the eval README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../engine-types.js';
import type { Answer } from '../answering/types.js';
import { decodeFile } from '../corpus/decode-file.js';
import { evidenceMatcher, evidenceRank } from './evidence.js';
import type { EvalItem } from './question-set.js';

export interface EvalMetrics {
  readonly questions: number;
  readonly answerable: number;
  readonly unanswerable: number;
  readonly hit_at_1: number;
  readonly hit_at_3: number;
  readonly mrr: number;
  readonly supported: number;
  readonly abstain_correct: number;
  readonly false_abstain: number;
  readonly quotes_verbatim: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
}

export interface ItemResult {
  readonly item: EvalItem;
  readonly answer: Answer | undefined;
  readonly refused: string | undefined;
  readonly rank: number | undefined;
  readonly supported: boolean;
  readonly milliseconds: number;
}

export interface EvalReport {
  readonly metrics: EvalMetrics;
  readonly items: readonly ItemResult[];
}

export async function evaluate(engine: Engine, items: readonly EvalItem[], options: { corpusDir: string }): Promise<EvalReport> {
  const results: ItemResult[] = [];
  const fileTexts = new Map<string, string | undefined>();
  let quotes = 0;
  let verbatim = 0;
  for (const item of items) {
    const started = performance.now();
    let outcome: Awaited<ReturnType<Engine['ask']>> | undefined;
    for (const turn of item.turns) outcome = await engine.ask(turn, { conversationId: `eval:${item.id}:${started}` });
    const milliseconds = performance.now() - started;
    const answer = outcome?.ok === true ? outcome.answer : undefined;
    const contains = evidenceMatcher(item.evidence);
    const rank = evidenceRank(answer?.passages.map((passage) => passage.text) ?? [], item.evidence);
    for (const quote of answer?.quotes ?? []) {
      quotes += 1;
      if (!fileTexts.has(quote.documentId)) fileTexts.set(quote.documentId, readCorpusFile(options.corpusDir, quote.documentId));
      if (fileTexts.get(quote.documentId)?.slice(quote.start, quote.end) === quote.text) verbatim += 1;
    }
    results.push({
      item,
      answer,
      refused: outcome?.ok === false ? outcome.problem.message : undefined,
      rank,
      supported: answer !== undefined && !answer.abstained && answer.quotes.some((quote) => contains(quote.text)),
      milliseconds,
    });
  }

  const answerable = results.filter((result) => result.item.answerable);
  const unanswerable = results.filter((result) => !result.item.answerable);
  const share = (subset: readonly ItemResult[], test: (result: ItemResult) => boolean) =>
    subset.length === 0 ? 0 : round(subset.filter(test).length / subset.length);
  const times = results.map((result) => result.milliseconds).sort((first, second) => first - second);
  return {
    metrics: {
      questions: results.length,
      answerable: answerable.length,
      unanswerable: unanswerable.length,
      hit_at_1: share(answerable, (result) => result.rank === 1),
      hit_at_3: share(answerable, (result) => result.rank !== undefined && result.rank <= 3),
      mrr:
        answerable.length === 0 ? 0 : round(answerable.reduce((sum, result) => sum + (result.rank === undefined ? 0 : 1 / result.rank), 0) / answerable.length),
      supported: share(answerable, (result) => result.supported),
      abstain_correct: share(unanswerable, (result) => result.answer?.abstained === true),
      false_abstain: share(answerable, (result) => result.answer?.abstained !== false),
      quotes_verbatim: quotes === 0 ? 1 : round(verbatim / quotes),
      p50_ms: round(percentile(times, 0.5)),
      p99_ms: round(percentile(times, 0.99)),
    },
    items: results,
  };
}

/** Reads the file independently of the engine, so a wrong offset cannot agree with itself. */
function readCorpusFile(corpusDir: string, documentId: string): string | undefined {
  try {
    const decoded = decodeFile(readFileSync(path.join(corpusDir, documentId)));
    return decoded.ok ? decoded.file.text : undefined;
  } catch {
    return undefined;
  }
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[position] as number;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
