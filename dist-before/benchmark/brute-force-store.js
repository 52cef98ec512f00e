import { VectorStore } from '@langchain/core/vectorstores';
import { ExactSearch } from './exact-search.js';
export class BruteForceVectorStore extends VectorStore {
    search;
    documents = [];
    constructor(embeddings, dimensions) {
        super(embeddings, {});
        this.search = new ExactSearch(dimensions);
    }
    _vectorstoreType() {
        return 'brute-force-memory';
    }
    get size() {
        return this.documents.length;
    }
    async addDocuments(documents) {
        const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
        return this.addVectors(vectors, documents);
    }
    async addVectors(vectors, documents) {
        if (vectors.length !== documents.length)
            throw new Error(`addVectors: ${vectors.length} vectors for ${documents.length} documents`);
        return vectors.map((vector, position) => {
            const label = this.search.add(vector);
            const document = documents[position];
            this.documents.push(document);
            return document.id ?? String(label);
        });
    }
    async similaritySearchVectorWithScore(query, k, filter) {
        // A filter is applied after ranking everything, as MemoryVectorStore does; the benchmark never passes one.
        const found = this.search.search(query, filter === undefined ? k : this.documents.length);
        const pairs = found.map(([label, score]) => [this.documents[label], score]);
        return (filter === undefined ? pairs : pairs.filter(([document]) => filter(document))).slice(0, k);
    }
}
//# sourceMappingURL=brute-force-store.js.map