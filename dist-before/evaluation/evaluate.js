/**
 * The evaluation: asks every item through a responder (footnote's real `Engine.ask` path, or the BM25
 * baseline) and scores what a reader sees with the metrics defined in the eval README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeFile } from '../corpus/decode-file.js';
import { evidenceMatcher, evidenceRank } from './evidence.js';
import { footnoteResponder } from './reply.js';
/** footnote's engine on a question set; `corpusDir` is where quotes are checked against the files. */
export async function evaluate(engine, items, options) {
    return evaluateResponder(footnoteResponder(engine), items, options);
}
export async function evaluateResponder(responder, items, options) {
    const readFile = fileReader(options.corpusDir);
    const results = [];
    for (const item of items) {
        const started = performance.now();
        const reply = await responder.respond(item);
        results.push(scoreReply(item, reply, performance.now() - started, readFile));
    }
    return { metrics: summarize(results), items: results };
}
/** One item's scores. `lead` and `supported` need an answer: an abstention holds no evidence. */
export function scoreReply(item, reply, milliseconds, readFile) {
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
export function summarize(results) {
    const answerable = results.filter((result) => result.item.answerable);
    const unanswerable = results.filter((result) => !result.item.answerable);
    const share = (subset, test) => subset.length === 0 ? 0 : round(subset.filter(test).length / subset.length);
    const times = results.map((result) => result.milliseconds).sort((first, second) => first - second);
    const quotes = results.reduce((sum, result) => sum + result.quotes, 0);
    const verbatim = results.reduce((sum, result) => sum + result.verbatimQuotes, 0);
    const kinds = new Map();
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
        mrr: answerable.length === 0 ? 0 : round(answerable.reduce((sum, result) => sum + (result.rank === undefined ? 0 : 1 / result.rank), 0) / answerable.length),
        supported: share(answerable, (result) => result.supported),
        abstain_correct: share(unanswerable, (result) => result.reply.abstained),
        false_abstain: share(answerable, (result) => result.reply.abstained),
        quotes_verbatim: quotes === 0 ? 1 : round(verbatim / quotes),
        p50_ms: round(percentile(times, 0.5)),
        p99_ms: round(percentile(times, 0.99)),
        unanswerable_by_kind: Object.fromEntries([...kinds.entries()]
            .sort(([first], [second]) => first.localeCompare(second))
            .map(([kind, subset]) => [kind, { items: subset.length, abstain_correct: share(subset, (result) => result.reply.abstained) }])),
    };
}
/** Reads corpus files independently of the engine (once each), so a wrong offset cannot agree with itself. */
export function fileReader(corpusDir) {
    const texts = new Map();
    return (documentId) => {
        if (!texts.has(documentId))
            texts.set(documentId, readCorpusFile(corpusDir, documentId));
        return texts.get(documentId);
    };
}
function readCorpusFile(corpusDir, documentId) {
    try {
        const decoded = decodeFile(readFileSync(path.join(corpusDir, documentId)));
        return decoded.ok ? decoded.file.text : undefined;
    }
    catch {
        return undefined;
    }
}
export function percentile(sorted, fraction) {
    if (sorted.length === 0)
        return 0;
    const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
    return sorted[position];
}
export function round(value) {
    return Math.round(value * 1000) / 1000;
}
//# sourceMappingURL=evaluate.js.map