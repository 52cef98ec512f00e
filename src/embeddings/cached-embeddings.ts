/**
 * Passage embeddings kept in a shared store, keyed by the model and the passage text's SHA-256: a process that
 * builds a library's index embeds only what no process embedded before (issue #16: each process keeps its own
 * vector index, the embeddings live in the database). Questions are never cached. The store failing never
 * fails the embedding: the server is asked as if there were no cache, and the store is told again next time.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { createHash } from 'node:crypto';

/** Where a cache failure is reported (the engine's logger). */
export type WarnFunction = (message: string, fields: Record<string, unknown>) => void;

export interface EmbeddingCache {
  /** The stored vectors of those of `hashes` the cache has, for `model`. */
  read(model: string, hashes: readonly string[]): Promise<Map<string, number[]>>;
  write(model: string, entries: readonly (readonly [string, readonly number[]])[]): Promise<void>;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class CachedEmbeddings implements EmbeddingsInterface {
  constructor(
    private readonly inner: EmbeddingsInterface,
    private readonly cache: EmbeddingCache,
    private readonly model: string,
    private readonly warn: WarnFunction,
  ) {}

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const hashes = documents.map(textHash);
    const stored = await this.cache.read(this.model, hashes).catch((error: unknown) => {
      this.warn('the embedding cache could not be read; embedding every passage', { error });
      return new Map<string, number[]>();
    });
    const missing = [...new Set(hashes.filter((hash) => !stored.has(hash)))];
    if (missing.length > 0) {
      const texts = missing.map((hash) => documents[hashes.indexOf(hash)] as string);
      const vectors = await this.inner.embedDocuments(texts);
      missing.forEach((hash, index) => stored.set(hash, vectors[index] as number[]));
      await this.cache
        .write(
          this.model,
          missing.map((hash) => [hash, stored.get(hash) as number[]] as const),
        )
        .catch((error: unknown) => this.warn('the embedding cache could not be written; the next process embeds again', { error }));
    }
    return hashes.map((hash) => stored.get(hash) as number[]);
  }

  embedQuery(document: string): Promise<number[]> {
    return this.inner.embedQuery(document);
  }
}
