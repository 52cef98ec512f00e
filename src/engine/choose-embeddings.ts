/**
 * The embeddings the configuration asks for: the local word-vector model, or an OpenAI-compatible server
 * (loaded only then, so the offline path never loads @langchain/openai). A server that is down does not stop
 * footnote: with an index already built by that model, questions are answered from the words of the text
 * (BM25 and the sentence re-ranking, no dense candidates) until the server answers again.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { LocalEmbeddings } from '../embeddings/local-embeddings.js';
import type { Logger } from '../logger.js';
import type { EmbeddingModelInfo } from '../vector-index/open-index.js';
import { CachedEmbeddings, type EmbeddingCache } from '../embeddings/cached-embeddings.js';

/** After a failed query embedding, the server is left alone this long: a question should not wait on it. */
const RETRY_AFTER_MS = 30_000;

export interface ChooseEmbeddingsContext {
  /** Where a saved index would say which model and dimensions built it. */
  readonly indexDirectory: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Passage embeddings shared between processes (PostgreSQL): only passages no process embedded yet go to the server. */
  readonly cache?: EmbeddingCache | undefined;
}

export async function chooseEmbeddings(
  config: Config,
  local: LocalEmbeddings,
  context: ChooseEmbeddingsContext,
): Promise<{ embeddings: EmbeddingsInterface; model: EmbeddingModelInfo }> {
  if (config.embeddings.provider === 'local')
    return { embeddings: local, model: { provider: local.provider, model: local.model, dimensions: local.dimensions } };
  const { createOpenAiEmbeddings, embeddingDimensions } = await import('../embeddings/openai-embeddings.js');
  const model = config.embeddings.model;
  const client = createOpenAiEmbeddings(config.embeddings);
  const server =
    context.cache !== undefined ? new CachedEmbeddings(client, context.cache, model, (message, fields) => context.logger.warn(message, fields)) : client;
  let dimensions: number;
  let down = false;
  try {
    // One try: with an index to fall back on, a start should not wait out the client's retries.
    dimensions = await embeddingDimensions(createOpenAiEmbeddings(config.embeddings, { maxRetries: 0 }));
  } catch (error) {
    const saved = await savedDimensions(context.indexDirectory, model);
    // Without an index built by this model there is nothing to answer from: try as before, then say what to check.
    if (saved === undefined)
      return { embeddings: withLexicalFallback(server, context), model: { provider: 'openai', model, dimensions: await embeddingDimensions(client) } };
    context.logger.warn('the embedding server did not answer; answering from the words of the text until it does', {
      model,
      error: error instanceof Error ? error.message.slice(0, 200) : String(error),
    });
    dimensions = saved;
    down = true;
  }
  return { embeddings: withLexicalFallback(server, { ...context, down }), model: { provider: 'openai', model, dimensions } };
}

/** The dimensions a saved index records for this model, if one was built with it. */
async function savedDimensions(indexDirectory: string, model: string): Promise<number | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(indexDirectory, 'manifest.json'), 'utf8')) as {
      provider?: unknown;
      model?: unknown;
      dimensions?: unknown;
    };
    return manifest.provider === 'openai' && manifest.model === model && typeof manifest.dimensions === 'number' ? manifest.dimensions : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Documents are embedded by the server or not at all (an index needs it), but a query whose embedding fails
 * gets an empty vector, which the retriever reads as "no dense candidates"; the server is tried again after
 * RETRY_AFTER_MS, so a question never waits on a server known to be down.
 */
export function withLexicalFallback(
  server: EmbeddingsInterface,
  context: Pick<ChooseEmbeddingsContext, 'logger' | 'now'> & { readonly down?: boolean },
): EmbeddingsInterface {
  const now = context.now ?? Date.now;
  // Known down at start (the probe failed): the first questions do not wait for it either.
  let downUntil = context.down === true ? now() + RETRY_AFTER_MS : 0;
  return {
    embedDocuments: (texts) => server.embedDocuments(texts),
    async embedQuery(text) {
      if (now() < downUntil) return [];
      try {
        return await server.embedQuery(text);
      } catch (error) {
        downUntil = now() + RETRY_AFTER_MS;
        context.logger.warn('the embedding server did not answer; answering from the words of the text', {
          retryInMs: RETRY_AFTER_MS,
          error: error instanceof Error ? error.message.slice(0, 200) : String(error),
        });
        return [];
      }
    },
  };
}
