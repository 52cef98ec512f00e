export async function chooseEmbeddings(config, local) {
    if (config.embeddings.provider === 'local')
        return { embeddings: local, model: { provider: local.provider, model: local.model, dimensions: local.dimensions } };
    const { createOpenAiEmbeddings, embeddingDimensions } = await import('../embeddings/openai-embeddings.js');
    const embeddings = createOpenAiEmbeddings(config.embeddings);
    return { embeddings, model: { provider: 'openai', model: config.embeddings.model, dimensions: await embeddingDimensions(embeddings) } };
}
//# sourceMappingURL=choose-embeddings.js.map