/**
 * The embeddings the configuration asks for: the local word-vector model, or an OpenAI-compatible server
 * (loaded only then, so the offline path never loads @langchain/openai).
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Config } from '../config.js';
import type { LocalEmbeddings } from '../embeddings/local-embeddings.js';
import type { EmbeddingModelInfo } from '../vector-index/open-index.js';

export async function chooseEmbeddings(config: Config, local: LocalEmbeddings): Promise<{ embeddings: EmbeddingsInterface; model: EmbeddingModelInfo }> {
  if (config.embeddings.provider === 'local')
    return { embeddings: local, model: { provider: local.provider, model: local.model, dimensions: local.dimensions } };
  const { createOpenAiEmbeddings, embeddingDimensions } = await import('../embeddings/openai-embeddings.js');
  const embeddings = createOpenAiEmbeddings(config.embeddings);
  return { embeddings, model: { provider: 'openai', model: config.embeddings.model, dimensions: await embeddingDimensions(embeddings) } };
}
