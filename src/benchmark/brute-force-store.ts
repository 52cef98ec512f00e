/**
 * The LangChain tutorial's MemoryVectorStore, in spirit: every vector in memory, every query compared
 * with all of them by cosine. @langchain/core's `VectorStore` base class supplies similaritySearch and
 * asRetriever exactly as the tutorial uses them (@langchain/community, which holds the real class, is not
 * installable here).
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { DocumentInterface } from '@langchain/core/documents';
import { VectorStore } from '@langchain/core/vectorstores';
import { ExactSearch } from './exact-search.js';

export class BruteForceVectorStore extends VectorStore {
  declare FilterType: (document: DocumentInterface) => boolean;
  private readonly search: ExactSearch;
  private readonly documents: DocumentInterface[] = [];

  constructor(embeddings: EmbeddingsInterface, dimensions: number) {
    super(embeddings, {});
    this.search = new ExactSearch(dimensions);
  }

  _vectorstoreType(): string {
    return 'brute-force-memory';
  }

  get size(): number {
    return this.documents.length;
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
    return this.addVectors(vectors, documents);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) throw new Error(`addVectors: ${vectors.length} vectors for ${documents.length} documents`);
    return vectors.map((vector, position) => {
      const label = this.search.add(vector);
      const document = documents[position] as DocumentInterface;
      this.documents.push(document);
      return document.id ?? String(label);
    });
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    // A filter is applied after ranking everything, as MemoryVectorStore does; the benchmark never passes one.
    const found = this.search.search(query, filter === undefined ? k : this.documents.length);
    const pairs = found.map(([label, score]): [DocumentInterface, number] => [this.documents[label] as DocumentInterface, score]);
    return (filter === undefined ? pairs : pairs.filter(([document]) => filter(document))).slice(0, k);
  }
}
