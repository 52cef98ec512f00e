/**
 * Wires the pipeline: corpus → chunks → embeddings → vector index → retrieval → answer with verified
 * quotes. Front ends (CLI, console, Discord, study tools) only ever see the `Engine` contract.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import type { Engine, IndexInfo, AskOptions } from './engine-types.js';
import { chunkCorpus, type Chunk } from './chunking/chunk-corpus.js';
import { loadCorpus, type LoadedCorpus } from './corpus/load-corpus.js';
import type { Corpus, CorpusDocument, Paragraph, Sentence } from './corpus/types.js';
import { corpusOf } from './corpus/find-document.js';
import { LocalEmbeddings } from './embeddings/local-embeddings.js';
import { loadWordVectors, type WordVectors } from './embeddings/word-vectors.js';
import { silentLogger, type Logger } from './logger.js';
import { indexDirectory, openIndex, type EmbeddingModelInfo, type OpenedIndex } from './vector-index/open-index.js';
import { LexicalIndex } from './retrieval/lexical-index.js';
import { TermMatcher } from './retrieval/term-matcher.js';
import { Retriever, type RankingWeights } from './retrieval/retriever.js';
import { analyzeQuestion, withContext } from './question/question-analysis.js';
import { namesMissingFrom, readQuestion, type QuestionReading } from './question/read-question.js';
import { tokenize } from './language/tokenize.js';
import { answerExtractively, toPassages } from './answering/extractive-answerer.js';
import { loadSelectorModel, type SelectorModel } from './answering/answer-selector.js';
import { rankCandidates, englishRarity, preferParagraph, type CandidateRanking, type CorpusStatistics } from './answering/rank-candidates.js';
import { EntityCache } from './answering/sentence-entities.js';
import { checkQuestion, INSTRUCTION_NOTICE } from './answering/check-question.js';
import type { Answer, AskOutcome, Passage } from './answering/types.js';
import { ConversationStore, type Turn } from './conversation/conversation-store.js';
import { resolveFollowUp, standaloneFollowUp, subjectOf } from './conversation/follow-up.js';

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
  readonly conversations?: ConversationStore;
  /** Word vectors already loaded (the evaluation opens one engine per article, and every library's engine shares them). */
  readonly wordVectors?: WordVectors;
  /**
   * Where the documents come from and where their index lives: a server's library (library/libraries.ts)
   * passes its own; by default the corpus folder and <dataDir>/index.
   */
  readonly source?: CorpusSource;
}

export interface CorpusSource {
  load(): Promise<LoadedCorpus>;
  readonly indexDirectory: string;
}

/** The model side of answering; the offline answer is passed in as the fallback. */
export interface ModelAnswerer {
  answer(input: { question: string; standaloneQuestion: string; passages: readonly Passage[]; fallback: Answer; signal?: AbortSignal }): Promise<Answer>;
  rewrite?(input: { history: readonly { question: string; answer: string }[]; question: string; signal?: AbortSignal }): Promise<string | undefined>;
}

/** Weight of words carried over from earlier turns, relative to the question's own words. */
const CONTEXT_WEIGHT = 1;

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
  const source: CorpusSource = options.source ?? { load: () => loadCorpus(config.corpusDir), indexDirectory: indexDirectory(config.dataDir) };
  const localEmbeddings = new LocalEmbeddings(words);
  const { embeddings, model } = await chooseEmbeddings(config, localEmbeddings);
  const conversations = options.conversations ?? new ConversationStore({ maxTurns: config.conversation.maxTurns, ttlMs: config.conversation.ttlMs });
  let state = await loadState({
    config,
    source,
    logger,
    words,
    localEmbeddings,
    embeddings,
    model,
    rebuild: options.rebuild ?? false,
    onProgress: options.onProgress,
    onStep: options.onStep,
    weights: options.weights,
  });
  const modelAnswerer = options.modelAnswerer ?? (await createConfiguredModelAnswerer(config, () => state.corpus, logger));

  const selector = options.selector ?? loadSelectorModel();
  const threshold = options.answerabilityThreshold ?? selector.answerability.threshold;
  const entities = new EntityCache();
  const read = (text: string) => readQuestion(text, state.retriever.lexical, state.retriever.wordVectors.words);

  const askOnce = async (
    question: string,
    standalone: string,
    reading: QuestionReading,
    retrievalText: string,
    scope: { documentId?: string | undefined; earlierParagraph?: Turn['answerParagraph'] } = {},
  ): Promise<Answer> => {
    const { documentId, earlierParagraph } = scope;
    const retrieval = await state.retriever.retrieve(reading, retrievalText, documentId === undefined ? {} : { documentId });
    const chosen = documentId === undefined ? undefined : state.corpus.documents.find((document) => document.id === documentId);
    const corpus = chosen === undefined ? state.corpus : corpusOf(state.corpus, chosen);
    let ranking = rankCandidates({ question: reading, retrieval, corpus, statistics: state.statistics, entities, model: selector });
    if (earlierParagraph !== undefined) ranking = preferParagraph(ranking, earlierParagraph);
    options.onRanking?.({ question: reading, ranking });
    return answerExtractively({
      question,
      standaloneQuestion: standalone,
      analyzed: reading,
      retrieval,
      corpus,
      ranking,
      threshold,
      unknownWords: reading.unknownWords,
      // Asked of one document, a name only the other documents use is still missing.
      unknownNames: chosen === undefined ? reading.unknownNames : namesMissingFrom(reading, wordsOf(chosen)),
    });
  };

  /** Reads the question with the earlier turns when it leans on them, or when it is too weak on its own. */
  const answerFromText = async (question: string, history: readonly Turn[], documentId: string | undefined): Promise<Answer> => {
    const own = read(question);
    // "what did she say?" → "what did Zakharova say?", looked for first in the paragraph the last answer came from.
    const asFollowUp = (turn: Turn) => {
      const standalone = turn.subject !== undefined ? standaloneFollowUp(question, turn.subject) : `${question} (${turn.standaloneQuestion})`;
      const reading = withContext(read(standalone), turn.standaloneQuestion, CONTEXT_WEIGHT);
      return askOnce(question, standalone, reading, `${reading.correctedText} ${turn.standaloneQuestion}`, {
        documentId,
        earlierParagraph: turn.answerParagraph,
      });
    };
    const previous = history.at(-1);
    if (previous !== undefined && resolveFollowUp(question, history).leans) return asFollowUp(previous);
    const alone = await askOnce(question, question, own, own.correctedText, { documentId });
    // Words the text never mentions are not found by leaning on the earlier turn either.
    if (!alone.abstained || previous === undefined || alone.abstainReason === 'not-mentioned') return alone;
    const retry = await asFollowUp(previous);
    return retry.abstained ? alone : retry;
  };

  const engine: Engine = {
    config,
    get corpus() {
      return state.corpus;
    },
    get index() {
      return state.info;
    },
    mode: modelAnswerer !== undefined ? 'llm' : 'extractive',

    async ask(rawQuestion: string, askOptions: AskOptions = {}): Promise<AskOutcome> {
      const checked = checkQuestion(rawQuestion);
      if (!checked.ok) return checked;
      const question = checked.question;
      const conversationId = askOptions.conversationId;
      const history = conversationId !== undefined ? conversations.history(conversationId) : [];

      // One time budget for the whole answer: the rewrite's time comes out of the answer's.
      const budgetEnds = Date.now() + (config.llm?.timeoutMs ?? 0);
      let rewritten: string | undefined;
      if (history.length > 0 && modelAnswerer?.rewrite !== undefined) {
        rewritten = await modelAnswerer
          .rewrite({
            history: history.map((turn) => ({ question: turn.standaloneQuestion, answer: turn.answer })),
            question,
            ...(askOptions.signal ? { signal: askOptions.signal } : {}),
          })
          .catch(() => undefined);
      }

      let answer =
        rewritten !== undefined
          ? await askOnce(question, rewritten, read(rewritten), rewritten, { documentId: askOptions.documentId })
          : await answerFromText(question, history, askOptions.documentId);
      if (modelAnswerer !== undefined) {
        const remaining = AbortSignal.timeout(Math.max(1, budgetEnds - Date.now()));
        const signal = askOptions.signal !== undefined ? AbortSignal.any([askOptions.signal, remaining]) : remaining;
        answer = await modelAnswerer.answer({ question, standaloneQuestion: answer.standaloneQuestion, passages: answer.passages, fallback: answer, signal });
      }
      if (checked.instructionLike && answer.abstained) answer = { ...answer, answer: `${INSTRUCTION_NOTICE} ${answer.answer}` };
      if (conversationId !== undefined) {
        const subject = subjectOf(answer.standaloneQuestion, (word) => state.retriever.wordVectors.words.rank(word)) ?? history.at(-1)?.subject;
        const quoted = answer.quotes[0];
        conversations.record(conversationId, {
          question,
          standaloneQuestion: answer.standaloneQuestion,
          answer: answer.answer,
          abstained: answer.abstained,
          ...(subject !== undefined ? { subject } : {}),
          ...(quoted !== undefined ? { answerParagraph: { documentId: quoted.documentId, paragraph: quoted.paragraph } } : {}),
        });
      }
      return { ok: true, answer };
    },

    async search(query: string, limit = 5, scope: { readonly documentId?: string } = {}): Promise<Passage[]> {
      const analyzed = analyzeQuestion(query);
      const retrieval = await state.retriever.retrieve(analyzed, query, scope);
      return toPassages(retrieval, limit, analyzed.metadata !== undefined);
    },

    paragraphs(): readonly Paragraph[] {
      return state.paragraphs;
    },

    sentences(): readonly Sentence[] {
      return state.sentences;
    },

    async reindex(onProgress?: (done: number, total: number) => void): Promise<IndexInfo> {
      state = await loadState({ config, source, logger, words, localEmbeddings, embeddings, model, rebuild: true, onProgress, weights: options.weights });
      return state.info;
    },

    async close(): Promise<void> {
      // Nothing holds a file or socket open between calls; kept for front ends that close what they open.
    },
  };
  return engine;
}

interface EngineState {
  readonly corpus: Corpus;
  readonly chunks: readonly Chunk[];
  readonly retriever: Retriever;
  readonly info: IndexInfo;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly statistics: CorpusStatistics;
}

async function loadState(input: {
  config: Config;
  source: CorpusSource;
  logger: Logger;
  words: WordVectors;
  localEmbeddings: LocalEmbeddings;
  embeddings: EmbeddingsInterface;
  model: EmbeddingModelInfo;
  rebuild: boolean;
  onProgress: ((done: number, total: number) => void) | undefined;
  onStep?: ((message: string) => void) | undefined;
  weights: RankingWeights | undefined;
}): Promise<EngineState> {
  const { corpus, warnings } = await input.source.load();
  for (const warning of warnings) input.logger.warn('corpus file skipped or read with care', { detail: warning });
  const chunks = chunkCorpus(corpus);
  const directory = input.source.indexDirectory;
  const opened: OpenedIndex = await openIndex({
    directory,
    corpus,
    chunks,
    embeddings: input.embeddings,
    model: input.model,
    logger: input.logger,
    forceRebuild: input.rebuild,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.onStep ? { onStep: input.onStep } : {}),
  });
  const lexical = new LexicalIndex(chunks);
  const retriever = new Retriever({
    lexical,
    matcher: new TermMatcher(lexical.vocabulary, input.words),
    store: opened.store,
    queryEmbeddings: input.embeddings,
    sentenceEmbeddings: input.localEmbeddings,
    ...(input.weights ? { weights: input.weights } : {}),
  });
  const manifest = opened.manifest;
  const info: IndexInfo = {
    provider: manifest.provider,
    model: manifest.model,
    dimensions: manifest.dimensions,
    chunks: manifest.counts.chunks,
    documents: manifest.counts.documents,
    corpusHash: manifest.corpusHash,
    builtAt: manifest.builtAt,
    bytesOnDisk: [manifest.files.vectors, manifest.files.documents].reduce((sum, file) => sum + sizeOf(path.join(directory, file.name)), 0),
  };
  const paragraphs = corpus.documents.flatMap((document) => document.paragraphs);
  const statistics: CorpusStatistics = { lexical, rarity: englishRarity(input.words) };
  return { corpus, chunks, retriever, info, paragraphs, sentences: paragraphs.flatMap((paragraph) => paragraph.sentences), statistics };
}

const documentWords = new WeakMap<CorpusDocument, ReadonlySet<string>>();

/** Every word of one document, lower-cased, computed once. */
function wordsOf(document: CorpusDocument): ReadonlySet<string> {
  let words = documentWords.get(document);
  if (words === undefined) {
    words = new Set(tokenize(document.text).map((token) => token.word));
    documentWords.set(document, words);
  }
  return words;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function chooseEmbeddings(config: Config, local: LocalEmbeddings): Promise<{ embeddings: EmbeddingsInterface; model: EmbeddingModelInfo }> {
  if (config.embeddings.provider === 'local')
    return { embeddings: local, model: { provider: local.provider, model: local.model, dimensions: local.dimensions } };
  const { createOpenAiEmbeddings, embeddingDimensions } = await import('./embeddings/openai-embeddings.js');
  const embeddings = createOpenAiEmbeddings(config.embeddings);
  return { embeddings, model: { provider: 'openai', model: config.embeddings.model, dimensions: await embeddingDimensions(embeddings) } };
}

/** Loaded only when a model is configured, so the offline path never loads @langchain/openai. */
async function createConfiguredModelAnswerer(config: Config, corpus: () => Corpus, logger: Logger): Promise<ModelAnswerer | undefined> {
  const llm = config.llm;
  if (llm === undefined) return undefined;
  const [{ createLlmAnswerer }, { createModelRewriter }] = await Promise.all([
    import('./answering/llm-answerer.js'),
    import('./conversation/model-rewriter.js'),
  ]);
  const rewriter = createModelRewriter({ llm, logger, timeoutMs: Math.min(llm.timeoutMs, 4000) });
  let answerer = createLlmAnswerer({ llm, corpus: corpus(), logger });
  let answeredCorpus = corpus();
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
