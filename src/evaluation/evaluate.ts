/**
 * The evaluation: asks every item through a responder (footnote's real `Engine.ask` path, or the BM25
 * baseline) and scores what a reader sees with the metrics defined in the eval README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../engine-types.js';
import { decodeFile } from '../corpus/decode-file.js';
import { evidenceMatcher, evidenceRank } from './evidence.js';
import type { EvalItem } from './question-set.js';
import { footnoteResponder, type Reply, type Responder } from './reply.js';

export interface UnanswerableFigures {
  readonly items: number;
  readonly abstain_correct: number;
}

export interface EvalMetrics {
  readonly questions: number;
  readonly answerable: number;
  readonly unanswerable: number;
  /** Answerable items answered (not abstained) whose answer line or first quote holds an evidence string. */
  readonly lead: number;
  readonly hit_at_1: number;
  readonly hit_at_3: number;
  readonly mrr: number;
  readonly supported: number;
  readonly abstain_correct: number;
  readonly false_abstain: number;
  readonly quotes_verbatim: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** abstain_correct per item `kind` (items without one count as "unlabelled"). */
  readonly unanswerable_by_kind: Readonly<Record<string, UnanswerableFigures>>;
}

export interface ItemResult {
  readonly item: EvalItem;
  readonly reply: Reply;
  /** 1-based rank of the first passage holding evidence. */
  readonly rank: number | undefined;
  readonly lead: boolean;
  readonly supported: boolean;
  /** Quotes checked against the file and how many were exactly the file's text at their offsets. */
  readonly quotes: number;
  readonly verbatimQuotes: number;
  readonly milliseconds: number;
}

export interface EvalReport {
  readonly metrics: EvalMetrics;
  readonly items: readonly ItemResult[];
}

/** footnote's engine on a question set; `corpusDir` is where quotes are checked against the files. */
export async function evaluate(engine: Engine, items: readonly EvalItem[], options: { corpusDir: string }): Promise<EvalReport> {
  return evaluateResponder(footnoteResponder(engine), items, options);
}

export async function evaluateResponder(responder: Responder, items: readonly EvalItem[], options: { corpusDir: string }): Promise<EvalReport> {
  const readFile = fileReader(options.corpusDir);
  const results: ItemResult[] = [];
  for (const item of items) {
    const started = performance.now();
    const reply = await responder.respond(item);
    results.push(scoreReply(item, reply, performance.now() - started, readFile));
  }
  return { metrics: summarize(results), items: results };
}

/** One item's scores. `lead` and `supported` need an answer: an abstention holds no evidence. */
export function scoreReply(item: EvalItem, reply: Reply, milliseconds: number, readFile: (documentId: string) => string | undefined): ItemResult {
  const contains = evidenceMatcher(item.evidence);
  const answered = !reply.abstained;
  const firstQuote = reply.quotes[0]?.text ?? '';
  const verbatimQuotes = reply.quotes.filter((quote) => readFile(quote.documentId)?.slice(quote.start, quote.end) === quote.text).length;
  return {
    item,
    reply,
    rank: evidenceRank(reply.passages, item.evidence),
    lead: answered && (contains(reply.answerLine) || contains(firstQuote)),
    supported: answered && reply.quotes.some((quote) => contains(quote.text)),
    quotes: reply.quotes.length,
    verbatimQuotes,
    milliseconds,
  };
}

/** The metrics of any set of item results (one run, or several articles' runs pooled). */
export function summarize(results: readonly ItemResult[]): EvalMetrics {
  const answerable = results.filter((result) => result.item.answerable);
  const unanswerable = results.filter((result) => !result.item.answerable);
  const share = (subset: readonly ItemResult[], test: (result: ItemResult) => boolean) =>
    subset.length === 0 ? 0 : round(subset.filter(test).length / subset.length);
  const times = results.map((result) => result.milliseconds).sort((first, second) => first - second);
  const quotes = results.reduce((sum, result) => sum + result.quotes, 0);
  const verbatim = results.reduce((sum, result) => sum + result.verbatimQuotes, 0);
  const kinds = new Map<string, ItemResult[]>();
  for (const result of unanswerable) {
    const kind = result.item.kind ?? 'unlabelled';
    kinds.set(kind, [...(kinds.get(kind) ?? []), result]);
  }
  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    lead: share(answerable, (result) => result.lead),
    hit_at_1: share(answerable, (result) => result.rank === 1),
    hit_at_3: share(answerable, (result) => result.rank !== undefined && result.rank <= 3),
    mrr:
      answerable.length === 0 ? 0 : round(answerable.reduce((sum, result) => sum + (result.rank === undefined ? 0 : 1 / result.rank), 0) / answerable.length),
    supported: share(answerable, (result) => result.supported),
    abstain_correct: share(unanswerable, (result) => result.reply.abstained),
    false_abstain: share(answerable, (result) => result.reply.abstained),
    quotes_verbatim: quotes === 0 ? 1 : round(verbatim / quotes),
    p50_ms: round(percentile(times, 0.5)),
    p99_ms: round(percentile(times, 0.99)),
    unanswerable_by_kind: Object.fromEntries(
      [...kinds.entries()]
        .sort(([first], [second]) => first.localeCompare(second))
        .map(([kind, subset]) => [kind, { items: subset.length, abstain_correct: share(subset, (result) => result.reply.abstained) }]),
    ),
  };
}

/** Reads corpus files independently of the engine (once each), so a wrong offset cannot agree with itself. */
export function fileReader(corpusDir: string): (documentId: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (documentId) => {
    if (!texts.has(documentId)) texts.set(documentId, readCorpusFile(corpusDir, documentId));
    return texts.get(documentId);
  };
}

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

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
