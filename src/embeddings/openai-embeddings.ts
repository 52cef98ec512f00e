/**
 * Embeddings from an OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp), behind LangChain's
 * EmbeddingsInterface like the local model, so the index does not care which one it gets.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingsConfig } from '../config.js';

export type OpenAiEmbeddingsConfig = Extract<EmbeddingsConfig, { provider: 'openai' }>;

export interface OpenAiEmbeddingsOptions {
  /** Ask the server for vectors of this size (text-embedding-3 models can shorten them). */
  readonly dimensions?: number;
  readonly batchSize?: number;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
  /** LangChain's retries with backoff on 429/5xx; default 2. */
  readonly maxRetries?: number;
}

const defaults = { batchSize: 256, timeoutMs: 30_000, maxRetries: 2 } as const;

/** Local servers need no key, but the client insists on one. */
const PLACEHOLDER_API_KEY = 'no-key-configured';

export function createOpenAiEmbeddings(config: OpenAiEmbeddingsConfig, options: OpenAiEmbeddingsOptions = {}): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    model: config.model,
    apiKey: config.apiKey ?? PLACEHOLDER_API_KEY,
    ...(config.baseUrl === undefined ? {} : { configuration: { baseURL: config.baseUrl } }),
    ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
    batchSize: options.batchSize ?? defaults.batchSize,
    timeout: options.timeoutMs ?? defaults.timeoutMs,
    maxRetries: options.maxRetries ?? defaults.maxRetries,
  });
}

export class EmbeddingsProbeError extends Error {
  constructor(
    readonly model: string,
    override readonly cause: unknown,
  ) {
    super(
      `could not embed a probe text with "${model}" (${cause instanceof Error ? cause.message : String(cause)}): check EMBEDDING_MODEL and OPENAI_BASE_URL, or unset EMBEDDING_MODEL to use the local model`,
    );
    this.name = 'EmbeddingsProbeError';
  }
}

/**
 * The vector size the model produces: the requested `dimensions` when set, otherwise measured by embedding
 * one probe text (a model's size is not discoverable through the OpenAI API).
 */
export async function embeddingDimensions(
  embeddings: EmbeddingsInterface & { readonly model?: string; readonly dimensions?: number | undefined },
): Promise<number> {
  if (embeddings.dimensions !== undefined && embeddings.dimensions > 0) return embeddings.dimensions;
  let vector: number[];
  try {
    vector = await embeddings.embedQuery('footnote dimension probe');
  } catch (error) {
    throw new EmbeddingsProbeError(embeddings.model ?? 'the embeddings model', error);
  }
  if (vector.length === 0) throw new EmbeddingsProbeError(embeddings.model ?? 'the embeddings model', new Error('the server returned an empty vector'));
  return vector.length;
}
