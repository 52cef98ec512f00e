import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { BruteForceVectorStore } from './brute-force-store.js';
export const BASELINE_CHUNK_SIZE = 1000;
export const BASELINE_CHUNK_OVERLAP = 200;
export const BASELINE_TOP_K = 3;
export async function buildBaselinePipeline(options) {
    const splitter = new RecursiveCharacterTextSplitter({ chunkSize: BASELINE_CHUNK_SIZE, chunkOverlap: BASELINE_CHUNK_OVERLAP });
    const documents = await splitter.createDocuments(options.corpus.documents.map((document) => document.text), options.corpus.documents.map((document) => ({ source: document.id })));
    const store = new BruteForceVectorStore(options.embeddings, options.dimensions);
    await store.addDocuments(documents);
    return {
        chunks: store.size,
        retrieve: (question) => store.similaritySearch(question, BASELINE_TOP_K),
    };
}
//# sourceMappingURL=baseline-pipeline.js.map