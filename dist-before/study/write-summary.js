import { summarize } from './summarize.js';
export async function writeSummary(options) {
    const { corpus, llm, section, length } = options;
    if (llm === undefined)
        return summarize(corpus, { section, length });
    // Loaded only with a model configured, so the offline path never loads @langchain/openai.
    const { summarizeWithModel } = await import('./model-summary.js');
    return summarizeWithModel({ corpus, llm, section, length, logger: options.logger, signal: options.signal });
}
//# sourceMappingURL=write-summary.js.map