/**
 * Wires the pipeline: corpus → chunks → embeddings → vector index → retrieval → answer with verified
 * quotes. Front ends (CLI, console, Discord, study tools) only ever see the `Engine` contract; the pieces
 * live in engine/ (the served state, the offline answer, the model side, the ask flow).
 */
import type { Config } from './config.js';
import type { Engine, IndexInfo, AskOptions, SummarizeOptions } from './engine-types.js';
import { loadCorpus } from './corpus/load-corpus.js';
import type { Paragraph, Sentence } from './corpus/types.js';
import { LocalEmbeddings } from './embeddings/local-embeddings.js';
import { loadWordVectors, type WordVectors } from './embeddings/word-vectors.js';
import { silentLogger, type Logger } from './logger.js';
import { indexDirectory } from './vector-index/open-index.js';
import type { RankingWeights } from './retrieval/retriever.js';
import type { QuestionReading } from './question/read-question.js';
import { analyzeQuestion } from './question/question-analysis.js';
import { toPassages } from './answering/extractive-answerer.js';
import { loadSelectorModel, type SelectorModel } from './answering/answer-selector.js';
import type { CandidateRanking } from './answering/rank-candidates.js';
import type { AskOutcome, Passage } from './answering/types.js';
import { ConversationStore, type ConversationMemory } from './conversation/conversation-store.js';
import type { SummaryOutcome } from './study/summarize.js';
import { writeSummary } from './study/write-summary.js';
import { loadState, type CorpusSource, type LoadStateInput } from './engine/engine-state.js';
import { chooseEmbeddings } from './engine/choose-embeddings.js';
import type { EmbeddingCache } from './embeddings/cached-embeddings.js';
import { createConfiguredModelAnswerer, type ModelAnswerer } from './engine/model-answerer.js';
import { createTextAnswerer } from './engine/answer-from-text.js';
import { askQuestion } from './engine/ask-question.js';

export type { CorpusSource } from './engine/engine-state.js';
export type { ModelAnswerer } from './engine/model-answerer.js';

export interface OpenEngineOptions {
  readonly logger?: Logger;
  readonly onProgress?: (done: number, total: number) => void;
  /** Told about the slow steps of a first run (converting the word vectors, building the index) as they start. */
  readonly onStep?: (message: string) => void;
  /** Rebuild the index even when the saved one matches. */
  readonly rebuild?: boolean;
  /** For tests and the benchmark: replace the tuned ranking and abstention settings. */
  readonly weights?: RankingWeights;
  /** For the fitting script and tests: another fitted selector, or another abstention threshold. */
  readonly selector?: SelectorModel;
  readonly answerabilityThreshold?: number;
  /** Sees every question's ranked candidates (the fitting script labels them). */
  readonly onRanking?: (input: { question: QuestionReading; ranking: CandidateRanking }) => void;
  /** Answers with a model when one is configured (see answering/llm-answerer.ts); injected so tests can replace it. */
  readonly modelAnswerer?: ModelAnswerer;
  /** Conversation memory; the command line passes one restored from disk. */
  readonly conversations?: ConversationMemory;
  /** Passage embeddings shared by the processes on one database (used with an embedding server, not the local model). */
  readonly embeddingCache?: EmbeddingCache | undefined;
  /** Word vectors already loaded (the evaluation opens one engine per article, and every library's engine shares them). */
  readonly wordVectors?: WordVectors;
  /**
   * Where the documents come from and where their index lives: a server's library (library/libraries.ts)
   * passes its own; by default the corpus folder and <dataDir>/index.
   */
  readonly source?: CorpusSource;
}

export async function openEngine(config: Config, options: OpenEngineOptions = {}): Promise<Engine> {
  const logger = options.logger ?? silentLogger;
  const words =
    options.wordVectors ??
    loadWordVectors({
      modelDir: config.modelDir,
      onConvert: (message) => {
        logger.info(message);
        options.onStep?.(message);
      },
    });
  const source: CorpusSource = options.source ?? {
    load: (loadOptions) => loadCorpus(config.corpusDir, { saved: loadOptions?.saved }),
    indexDirectory: indexDirectory(config.dataDir),
  };
  const localEmbeddings = new LocalEmbeddings(words);
  const { embeddings, model } = await chooseEmbeddings(config, localEmbeddings, {
    indexDirectory: source.indexDirectory,
    logger,
    cache: options.embeddingCache,
  });
  const conversations = options.conversations ?? new ConversationStore({ maxTurns: config.conversation.maxTurns, ttlMs: config.conversation.ttlMs });
  const stateInput = (rebuild: boolean, onProgress: LoadStateInput['onProgress']): LoadStateInput => ({
    config,
    source,
    logger,
    words,
    localEmbeddings,
    embeddings,
    model,
    rebuild,
    onProgress,
    onStep: options.onStep,
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

    ask(question: string, askOptions: AskOptions = {}): Promise<AskOutcome> {
      return askQuestion({ config, state: current, text, conversations, modelAnswerer }, question, askOptions);
    },

    async search(query: string, limit = 5, scope: { readonly documentId?: string } = {}): Promise<Passage[]> {
      const analyzed = analyzeQuestion(query);
      const retrieval = await state.retriever.retrieve(analyzed, query, scope);
      return toPassages(retrieval, limit, analyzed.metadata !== undefined);
    },

    summarize(summaryOptions: SummarizeOptions): Promise<SummaryOutcome> {
      const { corpus = state.corpus, section, length, signal } = summaryOptions;
      return writeSummary({ corpus, llm: config.llm, section, length, logger, signal });
    },

    paragraphs(): readonly Paragraph[] {
      return state.paragraphs;
    },

    sentences(): readonly Sentence[] {
      return state.sentences;
    },

    async warmUp(): Promise<void> {
      // Imported here: a one-shot CLI command never warms up, so it does not load this.
      const { warmUp } = await import('./engine/warm-up.js');
      await state.retriever.warmUp();
      await warmUp(text, state.sentences, state.chunks);
    },

    async reindex(onProgress?: (done: number, total: number) => void): Promise<IndexInfo> {
      state = await loadState(stateInput(true, onProgress));
      return state.info;
    },

    async reload(): Promise<IndexInfo> {
      state = await loadState(stateInput(false, undefined));
      return state.info;
    },

    async close(): Promise<void> {
      // Nothing holds a file or socket open between calls; kept for front ends that close what they open.
    },
  };
}
