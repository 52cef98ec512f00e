/** Rewriting a follow-up gets at most this much of the answer's budget. */
const REWRITE_TIMEOUT_MS = 4000;
export async function createConfiguredModelAnswerer(config, corpus, logger) {
    const llm = config.llm;
    if (llm === undefined)
        return undefined;
    const [{ createLlmAnswerer }, { createModelRewriter }] = await Promise.all([
        import('../answering/llm-answerer.js'),
        import('../conversation/model-rewriter.js'),
    ]);
    const rewriter = createModelRewriter({ llm, logger, timeoutMs: Math.min(llm.timeoutMs, REWRITE_TIMEOUT_MS) });
    let answeredCorpus = corpus();
    let answerer = createLlmAnswerer({ llm, corpus: answeredCorpus, logger });
    return {
        answer: (input) => {
            // A reindex may have swapped the corpus: quotes are verified against the one being served.
            if (answeredCorpus !== corpus()) {
                answeredCorpus = corpus();
                answerer = createLlmAnswerer({ llm, corpus: answeredCorpus, logger });
            }
            return answerer.answer(input);
        },
        rewrite: (input) => rewriter.rewrite(input),
    };
}
//# sourceMappingURL=model-answerer.js.map