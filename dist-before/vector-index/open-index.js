import { Document } from '@langchain/core/documents';
import path from 'node:path';
import { CHUNKER_VERSION } from '../chunking/chunk-corpus.js';
import { HnswVectorStore } from './hnsw-store.js';
import { readIndexFiles } from './index-files.js';
export function indexDirectory(dataDir) {
    return path.join(dataDir, 'index');
}
export async function openIndex(input) {
    const reason = input.forceRebuild === true ? 'a rebuild was asked for' : await reuse(input);
    if (typeof reason !== 'string')
        return reason;
    input.logger.info('building the index', { reason, chunks: input.chunks.length });
    const saveable = !reason.startsWith('the index was written by a newer footnote');
    return { ...(await buildIndex(input, saveable)), rebuiltBecause: reason };
}
async function reuse(input) {
    const files = await readIndexFiles(input.directory);
    if (!files.ok)
        return files.reason === 'newer-version' ? `${files.detail}; using a rebuilt copy in memory and leaving the files alone` : files.detail;
    const { manifest } = files;
    const mismatch = manifest.provider !== input.model.provider || manifest.model !== input.model.model
        ? `the index was built with ${manifest.provider}/${manifest.model}, the configured model is ${input.model.provider}/${input.model.model}`
        : manifest.dimensions !== input.model.dimensions
            ? `the index holds ${manifest.dimensions}-dimension vectors, the model gives ${input.model.dimensions}`
            : manifest.corpusHash !== input.corpus.contentHash
                ? 'the corpus has changed since the index was built'
                : manifest.chunkerVersion !== CHUNKER_VERSION
                    ? `the index was chunked by chunker version ${manifest.chunkerVersion}, this is version ${CHUNKER_VERSION}`
                    : files.documents.length !== input.chunks.length || files.documents.some((document, position) => document.id !== input.chunks[position]?.id)
                        ? 'the stored passages do not match the corpus'
                        : undefined;
    if (mismatch !== undefined)
        return mismatch;
    try {
        const store = HnswVectorStore.fromFiles({
            embeddings: input.embeddings,
            dimensions: input.model.dimensions,
            vectorsFile: files.vectorsFile,
            documents: files.documents,
        });
        return { store, manifest, rebuiltBecause: undefined };
    }
    catch (error) {
        return `the index file could not be read (${error.message})`;
    }
}
async function buildIndex(input, save) {
    const store = new HnswVectorStore(input.embeddings, input.model.dimensions);
    const batch = 128;
    for (let start = 0; start < input.chunks.length; start += batch) {
        const slice = input.chunks.slice(start, start + batch);
        const vectors = await input.embeddings.embedDocuments(slice.map((chunk) => chunk.text));
        await store.addVectors(vectors, slice.map((chunk) => new Document({
            id: chunk.id,
            pageContent: chunk.text,
            metadata: { documentId: chunk.documentId, section: chunk.section, paragraph: chunk.paragraph, start: chunk.start, end: chunk.end },
        })));
        input.onProgress?.(Math.min(start + batch, input.chunks.length), input.chunks.length);
    }
    const fields = {
        provider: input.model.provider,
        model: input.model.model,
        corpusHash: input.corpus.contentHash,
        chunkerVersion: CHUNKER_VERSION,
        counts: { documents: input.corpus.documents.length, chunks: input.chunks.length },
        builtAt: new Date().toISOString(),
    };
    const manifest = save
        ? await store.saveWithManifest(input.directory, fields)
        : {
            ...fields,
            formatVersion: 1,
            dimensions: input.model.dimensions,
            files: { vectors: { name: '', bytes: 0, sha256: '' }, documents: { name: '', bytes: 0, sha256: '' } },
        };
    return { store, manifest };
}
//# sourceMappingURL=open-index.js.map