import { loadCorpus } from './corpus/load-corpus.js';
import { LocalEmbeddings } from './embeddings/local-embeddings.js';
import { loadWordVectors } from './embeddings/word-vectors.js';
import { silentLogger } from './logger.js';
import { indexDirectory } from './vector-index/open-index.js';
import { analyzeQuestion } from './question/question-analysis.js';
import { toPassages } from './answering/extractive-answerer.js';
import { loadSelectorModel } from './answering/answer-selector.js';
import { ConversationStore } from './conversation/conversation-store.js';
import { writeSummary } from './study/write-summary.js';
import { loadState } from './engine/engine-state.js';
import { chooseEmbeddings } from './engine/choose-embeddings.js';
import { createConfiguredModelAnswerer } from './engine/model-answerer.js';
import { createTextAnswerer } from './engine/answer-from-text.js';
import { askQuestion } from './engine/ask-question.js';
export async function openEngine(config, options = {}) {
    const logger = options.logger ?? silentLogger;
    const words = options.wordVectors ?? loadWordVectors({ modelDir: config.modelDir, onConvert: (message) => logger.info(message) });
    const source = options.source ?? { load: () => loadCorpus(config.corpusDir), indexDirectory: indexDirectory(config.dataDir) };
    const localEmbeddings = new LocalEmbeddings(words);
    const { embeddings, model } = await chooseEmbeddings(config, localEmbeddings);
    const conversations = options.conversations ?? new ConversationStore({ maxTurns: config.conversation.maxTurns, ttlMs: config.conversation.ttlMs });
    const stateInput = (rebuild, onProgress) => ({
        config,
        source,
        logger,
        words,
        localEmbeddings,
        embeddings,
        model,
        rebuild,
        onProgress,
        weights: options.weights,
    });
    let state = await loadState(stateInput(options.rebuild ?? false, options.onProgress));
    const current = () => state;
    const modelAnswerer = options.modelAnswerer ?? (await createConfiguredModelAnswerer(config, () => state.corpus, logger));
    const selector = options.selector ?? loadSelectorModel();
    const text = createTextAnswerer({
        state: current,
        selector,
        threshold: options.answerabilityThreshold ?? selector.answerability.threshold,
        onRanking: options.onRanking,
    });
    return {
        config,
        get corpus() {
            return state.corpus;
        },
        get index() {
            return state.info;
        },
        mode: modelAnswerer !== undefined ? 'llm' : 'extractive',
        ask(question, askOptions = {}) {
            return askQuestion({ config, state: current, text, conversations, modelAnswerer }, question, askOptions);
        },
        async search(query, limit = 5, scope = {}) {
            const analyzed = analyzeQuestion(query);
            const retrieval = await state.retriever.retrieve(analyzed, query, scope);
            return toPassages(retrieval, limit, analyzed.metadata !== undefined);
        },
        summarize(summaryOptions) {
            const { corpus = state.corpus, section, length, signal } = summaryOptions;
            return writeSummary({ corpus, llm: config.llm, section, length, logger, signal });
        },
        paragraphs() {
            return state.paragraphs;
        },
        sentences() {
            return state.sentences;
        },
        async reindex(onProgress) {
            state = await loadState(stateInput(true, onProgress));
            return state.info;
        },
        async close() {
            // Nothing holds a file or socket open between calls; kept for front ends that close what they open.
        },
    };
}
//# sourceMappingURL=engine.js.map