import { openEngine } from '../engine.js';
import { LocalEmbeddings } from '../embeddings/local-embeddings.js';
import { loadWordVectors } from '../embeddings/word-vectors.js';
import { evaluate } from '../evaluation/evaluate.js';
import { silentLogger } from '../logger.js';
import { buildBaselinePipeline } from './baseline-pipeline.js';
import { measureRetrieval } from './quality-figures.js';
/** `config` must be an offline one (local embeddings, no chat model): see offline-config.ts. */
export async function compareQuality(options) {
    const { config, items, progress } = options;
    const warmUpQuestion = items[0]?.turns[0] ?? 'What is the article about?';
    progress(`footnote: opening the engine on ${config.corpusDir} (index in ${config.dataDir}, rebuilt only if stale)`);
    const engine = await openEngine(config, { logger: silentLogger });
    // One unscored question first, so neither side's first timing is the JIT compiler's.
    await engine.ask(warmUpQuestion);
    progress(`footnote: asking ${items.length} questions`);
    const metrics = (await evaluate(engine, items, { corpusDir: config.corpusDir })).metrics;
    const footnote = { hit_at_1: metrics.hit_at_1, hit_at_3: metrics.hit_at_3, p50_ms: metrics.p50_ms, p99_ms: metrics.p99_ms };
    progress('baseline: RecursiveCharacterTextSplitter 1000/200 + brute-force cosine store, top 3, same embeddings');
    const embeddings = new LocalEmbeddings(loadWordVectors({ modelDir: config.modelDir }));
    const baselinePipeline = await buildBaselinePipeline({ corpus: engine.corpus, embeddings, dimensions: embeddings.dimensions });
    await baselinePipeline.retrieve(warmUpQuestion);
    const baseline = await measureRetrieval(items, async (question) => (await baselinePipeline.retrieve(question)).map((document) => document.pageContent));
    await engine.close();
    return {
        baseline,
        footnote,
        questions: metrics.questions,
        answerable: metrics.answerable,
        baselineChunks: baselinePipeline.chunks,
        footnoteChunks: engine.index.chunks,
    };
}
//# sourceMappingURL=quality-comparison.js.map