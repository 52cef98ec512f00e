/**
 * The pipeline a newcomer builds from LangChain's RAG tutorial: RecursiveCharacterTextSplitter (1000
 * characters, 200 overlap) over each document's text, an in-memory brute-force vector store, and the top
 * 3 chunks by cosine as the answer's context. It runs on the same embeddings as footnote, so the
 * comparison is about everything around them.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { DocumentInterface } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Corpus } from '../corpus/types.js';
import { BruteForceVectorStore } from './brute-force-store.js';

export const BASELINE_CHUNK_SIZE = 1000;
export const BASELINE_CHUNK_OVERLAP = 200;
export const BASELINE_TOP_K = 3;

export interface BaselinePipeline {
  readonly chunks: number;
  retrieve(question: string): Promise<DocumentInterface[]>;
}

export async function buildBaselinePipeline(options: { corpus: Corpus; embeddings: EmbeddingsInterface; dimensions: number }): Promise<BaselinePipeline> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: BASELINE_CHUNK_SIZE, chunkOverlap: BASELINE_CHUNK_OVERLAP });
  const documents = await splitter.createDocuments(
    options.corpus.documents.map((document) => document.text),
    options.corpus.documents.map((document) => ({ source: document.id })),
  );
  const store = new BruteForceVectorStore(options.embeddings, options.dimensions);
  await store.addDocuments(documents);
  return {
    chunks: store.size,
    retrieve: (question) => store.similaritySearch(question, BASELINE_TOP_K),
  };
}
