/** The embedding cache (embeddings/cached-embeddings.ts) in PostgreSQL: one row per model and passage text, the vector as float32 bytes. */
import type { PostgresDatabase } from './postgres.js';

/** The shape of embeddings/cached-embeddings.ts's EmbeddingCache (database/ does not depend on embeddings/). */
export interface StoredEmbeddings {
  read(model: string, hashes: readonly string[]): Promise<Map<string, number[]>>;
  write(model: string, entries: readonly (readonly [string, readonly number[]])[]): Promise<void>;
}

export function postgresEmbeddingCache(database: PostgresDatabase): StoredEmbeddings {
  return {
    async read(model, hashes) {
      const found = new Map<string, number[]>();
      if (hashes.length === 0) return found;
      const result = await database.pool.query<{ text_hash: string; vector: Buffer }>(
        'SELECT text_hash, vector FROM passage_embeddings WHERE model = $1 AND text_hash = ANY($2::text[])',
        [model, [...new Set(hashes)]],
      );
      for (const row of result.rows) {
        const floats = new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength));
        found.set(row.text_hash, Array.from(floats));
      }
      return found;
    },
    async write(model, entries) {
      // In slices: one statement per few hundred passages keeps each round trip small.
      for (let start = 0; start < entries.length; start += 500) {
        const slice = entries.slice(start, start + 500);
        await database.pool.query(
          `INSERT INTO passage_embeddings (model, text_hash, vector)
           SELECT $1, hash, vector FROM unnest($2::text[], $3::bytea[]) AS added(hash, vector)
           ON CONFLICT (model, text_hash) DO NOTHING`,
          [model, slice.map(([hash]) => hash), slice.map(([, vector]) => Buffer.from(Float32Array.from(vector).buffer))],
        );
      }
    },
  };
}
