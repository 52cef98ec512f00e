import { OpenAIEmbeddings } from '@langchain/openai';
const defaults = { batchSize: 256, timeoutMs: 30_000, maxRetries: 2 };
/** Local servers need no key, but the client insists on one. */
const PLACEHOLDER_API_KEY = 'no-key-configured';
export function createOpenAiEmbeddings(config, options = {}) {
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
    model;
    cause;
    constructor(model, cause) {
        super(`could not embed a probe text with "${model}" (${cause instanceof Error ? cause.message : String(cause)}): check EMBEDDING_MODEL and OPENAI_BASE_URL, or unset EMBEDDING_MODEL to use the local model`);
        this.model = model;
        this.cause = cause;
        this.name = 'EmbeddingsProbeError';
    }
}
/**
 * The vector size the model produces: the requested `dimensions` when set, otherwise measured by embedding
 * one probe text (a model's size is not discoverable through the OpenAI API).
 */
export async function embeddingDimensions(embeddings) {
    if (embeddings.dimensions !== undefined && embeddings.dimensions > 0)
        return embeddings.dimensions;
    let vector;
    try {
        vector = await embeddings.embedQuery('footnote dimension probe');
    }
    catch (error) {
        throw new EmbeddingsProbeError(embeddings.model ?? 'the embeddings model', error);
    }
    if (vector.length === 0)
        throw new EmbeddingsProbeError(embeddings.model ?? 'the embeddings model', new Error('the server returned an empty vector'));
    return vector.length;
}
//# sourceMappingURL=openai-embeddings.js.map