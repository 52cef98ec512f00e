import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadCorpus } from '../corpus/load-corpus.js';
import { LocalEmbeddings } from '../embeddings/local-embeddings.js';
import { loadWordVectors } from '../embeddings/word-vectors.js';
import { percentile } from '../evaluation/evaluate.js';
import { silentLogger } from '../logger.js';
import { openIndex } from '../vector-index/open-index.js';
import { createBigramModel } from './bigram-model.js';
import { ExactSearch } from './exact-search.js';
import { round } from './quality-figures.js';
import { generateQueries, generateSyntheticCorpus } from './synthetic-corpus.js';
export const RECALL_DEPTH = 10;
/** Untimed queries first, so the timings are of warmed-up code rather than of the JIT compiler. */
const WARM_UP_QUERIES = 20;
export async function measureScale(request, progress) {
    const local = new LocalEmbeddings(loadWordVectors({ modelDir: request.modelDir }));
    const { corpus: article } = await loadCorpus(request.corpusDir);
    const model = createBigramModel(article.documents.flatMap((document) => document.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text))));
    progress(`generating ${request.chunks.toLocaleString('en')} chunks from the article's vocabulary (seed ${request.seed})`);
    let started = performance.now();
    const synthetic = generateSyntheticCorpus({ model, chunks: request.chunks, seed: request.seed });
    const generateSeconds = (performance.now() - started) / 1000;
    const exact = new ExactSearch(local.dimensions, request.chunks);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'footnote-bench-'));
    try {
        const directory = path.join(dataDir, 'index');
        const stalls = monitorEventLoopDelay({ resolution: 10 });
        let buildStallMs = 0;
        progress(`ingesting ${request.chunks.toLocaleString('en')} chunks (embeddings, hnswlib build, atomic save)`);
        stalls.enable();
        started = performance.now();
        await openIndex({
            directory,
            corpus: synthetic.corpus,
            chunks: synthetic.chunks,
            embeddings: recordingInto(exact, local),
            model: { provider: local.provider, model: local.model, dimensions: local.dimensions },
            logger: silentLogger,
            forceRebuild: true,
            onProgress: (done, total) => {
                // The last batch is in the index: what follows is the save, whose stalls are counted apart.
                if (done !== total)
                    return;
                buildStallMs = stalls.max / 1e6;
                stalls.reset();
            },
        });
        const ingestSeconds = (performance.now() - started) / 1000;
        stalls.disable();
        const saveStallMs = stalls.max / 1e6;
        const indexBytes = await folderBytes(directory);
        progress(`querying: ${request.queries} queries against hnswlib and exact search`);
        // Reopened from disk, as the bot would after a restart; settings come from the store's defaults.
        started = performance.now();
        const reopened = await openIndex({
            directory,
            corpus: synthetic.corpus,
            chunks: synthetic.chunks,
            embeddings: local,
            model: { provider: local.provider, model: local.model, dimensions: local.dimensions },
            logger: silentLogger,
        });
        if (reopened.rebuiltBecause !== undefined)
            throw new Error(`the saved index could not be reused: ${reopened.rebuiltBecause}`);
        const loadSeconds = (performance.now() - started) / 1000;
        const queries = await Promise.all(generateQueries({ model, count: request.queries + WARM_UP_QUERIES, seed: request.seed + 1 }).map((query) => local.embedQuery(query)));
        const indexTimes = [];
        const exactTimes = [];
        let found = 0;
        queries.forEach((query, position) => {
            let before = performance.now();
            const approximate = reopened.store.searchLabels(query, RECALL_DEPTH);
            const indexMs = performance.now() - before;
            before = performance.now();
            const truth = exact.search(query, RECALL_DEPTH);
            const exactMs = performance.now() - before;
            if (position < WARM_UP_QUERIES)
                return;
            indexTimes.push(indexMs);
            exactTimes.push(exactMs);
            const truthLabels = new Set(truth.map(([label]) => label));
            found += approximate.filter(([label]) => truthLabels.has(label)).length;
        });
        indexTimes.sort((first, second) => first - second);
        exactTimes.sort((first, second) => first - second);
        const settledRssMb = process.memoryUsage().rss / 1048576;
        return {
            figures: {
                chunks: request.chunks,
                ingest_s: round(ingestSeconds),
                chunks_per_s: Math.round(request.chunks / ingestSeconds),
                index_bytes: indexBytes,
                query_p50_ms: round(percentile(indexTimes, 0.5)),
                query_p99_ms: round(percentile(indexTimes, 0.99)),
                exact_p50_ms: round(percentile(exactTimes, 0.5)),
                exact_p99_ms: round(percentile(exactTimes, 0.99)),
                recall_at_10: round(found / (request.queries * Math.min(RECALL_DEPTH, request.chunks))),
                // maxRSS is in kilobytes; it is the high-water mark, which the build reaches, not the settled size.
                rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
            },
            details: {
                documents: synthetic.corpus.documents.length,
                generateSeconds: round(generateSeconds),
                buildStallMs: round(buildStallMs),
                saveStallMs: round(saveStallMs),
                loadSeconds: round(loadSeconds),
                settledRssMb: Math.round(settledRssMb),
                queries: request.queries,
            },
        };
    }
    finally {
        await rm(dataDir, { recursive: true, force: true });
    }
}
/** The same embeddings, with every document vector also kept for exact search (labels are positions in both). */
function recordingInto(exact, embeddings) {
    return {
        async embedDocuments(documents) {
            const vectors = await embeddings.embedDocuments(documents);
            for (const vector of vectors)
                exact.add(vector);
            return vectors;
        },
        embedQuery: (document) => embeddings.embedQuery(document),
    };
}
async function folderBytes(directory) {
    let total = 0;
    for (const name of await readdir(directory))
        total += (await stat(path.join(directory, name))).size;
    return total;
}
//# sourceMappingURL=measure-scale.js.map