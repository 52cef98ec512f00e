import { Document } from '@langchain/core/documents';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { closeSync, openSync, readSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { writeIndexFiles } from './index-files.js';
const { HierarchicalNSW } = hnswlib;
export const DEFAULT_HNSW = { m: 16, efConstruction: 100, efSearch: 512 };
export class HnswVectorStore extends SaveableVectorStore {
    dimensions;
    settings;
    index;
    documents = [];
    constructor(embeddings, dimensions, settings = DEFAULT_HNSW) {
        super(embeddings, {});
        this.dimensions = dimensions;
        this.settings = settings;
    }
    _vectorstoreType() {
        return 'hnswlib-node';
    }
    get size() {
        return this.documents.length;
    }
    documentAt(label) {
        return this.documents[label];
    }
    async addDocuments(documents) {
        const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
        return this.addVectors(vectors, documents);
    }
    /** Adds in batches, yielding to the event loop between them so a bot stays responsive during a rebuild. */
    async addVectors(vectors, documents) {
        if (vectors.length !== documents.length)
            throw new Error(`addVectors: ${vectors.length} vectors for ${documents.length} documents`);
        const index = this.ensureCapacity(this.documents.length + vectors.length);
        const ids = [];
        for (let position = 0; position < vectors.length; position += 1) {
            const vector = vectors[position];
            if (vector.length !== this.dimensions)
                throw new Error(`a ${vector.length}-dimension vector cannot go into a ${this.dimensions}-dimension index`);
            const label = this.documents.length;
            index.addPoint(vector, label);
            const document = documents[position];
            this.documents.push(document);
            ids.push(document.id ?? String(label));
            if (position % 64 === 63)
                await yieldToEventLoop();
        }
        return ids;
    }
    async similaritySearchVectorWithScore(query, k, filter) {
        return this.searchLabels(query, k, filter).map(([label, score]) => [this.documents[label], score]);
    }
    /** Nearest labels with cosine similarity (1 - hnswlib's cosine distance), best first. */
    searchLabels(query, k, filter) {
        if (this.index === undefined || this.documents.length === 0)
            return [];
        const limit = Math.min(k, this.documents.length);
        this.index.setEf(Math.max(this.settings.efSearch, limit));
        const found = filter
            ? this.index.searchKnn(Array.from(query), limit, (label) => filter(this.documents[label]))
            : this.index.searchKnn(Array.from(query), limit);
        return found.neighbors.map((label, position) => [label, 1 - (found.distances[position] ?? 1)]);
    }
    /** Writes the index and its documents atomically into `directory` (see index-files.ts). */
    async save(directory) {
        await this.saveWithManifest(directory, {});
    }
    async saveWithManifest(directory, manifestFields) {
        const index = this.ensureCapacity(Math.max(1, this.documents.length));
        const documents = this.documents.map((document) => ({ pageContent: document.pageContent, metadata: document.metadata, id: document.id }));
        return writeIndexFiles(directory, {
            writeVectors: async (file) => {
                await index.writeIndex(file);
            },
            documents,
            manifest: { ...manifestFields, dimensions: this.dimensions, vectorStore: this._vectorstoreType(), hnsw: this.settings, count: this.documents.length },
        });
    }
    /** Reads a file written by `save`; the caller has already checked the manifest and the checksums. */
    static fromFiles(options) {
        const store = new HnswVectorStore(options.embeddings, options.dimensions, options.settings ?? DEFAULT_HNSW);
        const fileDimensions = hnswFileDimensions(options.vectorsFile);
        if (fileDimensions !== options.dimensions) {
            throw new Error(`the index file holds ${fileDimensions}-dimension vectors but ${options.dimensions} were expected`);
        }
        const index = new HierarchicalNSW('cosine', options.dimensions);
        index.readIndexSync(options.vectorsFile);
        if (index.getCurrentCount() !== options.documents.length) {
            throw new Error(`the index file holds ${index.getCurrentCount()} vectors but ${options.documents.length} documents`);
        }
        store.index = index;
        for (const document of options.documents)
            store.documents.push(new Document({ pageContent: document.pageContent, metadata: document.metadata, ...(document.id !== undefined ? { id: document.id } : {}) }));
        return store;
    }
    ensureCapacity(needed) {
        if (this.index === undefined) {
            this.index = new HierarchicalNSW('cosine', this.dimensions);
            this.index.initIndex(Math.max(needed, 16), this.settings.m, this.settings.efConstruction, 100);
        }
        else if (this.index.getMaxElements() < needed) {
            this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
        }
        return this.index;
    }
}
/**
 * hnswlib's readIndex accepts a file of another dimension without complaint, so read it from the header:
 * bytes 32–40 hold label_offset and 40–48 offsetData; the vector takes the bytes between them (float32).
 */
export function hnswFileDimensions(file) {
    const header = Buffer.alloc(48);
    const descriptor = openSync(file, 'r');
    try {
        if (readSync(descriptor, header, 0, 48, 0) < 48)
            return -1;
    }
    finally {
        closeSync(descriptor);
    }
    const labelOffset = Number(header.readBigUInt64LE(32));
    const dataOffset = Number(header.readBigUInt64LE(40));
    return (labelOffset - dataOffset) / 4;
}
//# sourceMappingURL=hnsw-store.js.map