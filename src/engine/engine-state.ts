/**
 * What an engine serves at one moment: the corpus, its chunks, the index opened (or rebuilt) for them and the
 * retriever over it. `reindex` builds a new state and swaps it in whole, so a question never sees half of one.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { IndexInfo } from '../engine-types.js';
import { chunkCorpus, type Chunk } from '../chunking/chunk-corpus.js';
import type { LoadCorpusOptions, LoadedCorpus } from '../corpus/load-corpus.js';
import { encodeSavedParse, SavedParse } from '../corpus/saved-parse.js';
import type { Corpus, Paragraph, Sentence } from '../corpus/types.js';
import type { LocalEmbeddings } from '../embeddings/local-embeddings.js';
import type { WordVectors } from '../embeddings/word-vectors.js';
import type { Logger } from '../logger.js';
import { openIndex, readSavedIndex, type EmbeddingModelInfo } from '../vector-index/open-index.js';
import { readSavedParse } from '../vector-index/index-files.js';
import { LexicalIndex } from '../retrieval/lexical-index.js';
import { encodeLexicalTables, readLexicalTables, type SavedCommonDirection, type SavedDocumentDirections } from '../retrieval/lexical-tables.js';
import { SentenceVectors } from '../retrieval/sentence-vectors.js';
import { TermMatcher } from '../retrieval/term-matcher.js';
import { Retriever, type RankingWeights } from '../retrieval/retriever.js';
import { englishRarity, type CorpusStatistics } from '../answering/rank-candidates.js';

/** Where the documents come from and where their index lives. */
export interface CorpusSource {
  /**
   * `saved`: the structure saved with the index, for documents that need not be parsed again (a source may ignore it).
   * `rebuild`: a source that writes the index itself rebuilds it, and says so with `indexWritten`.
   */
  load(options?: Pick<LoadCorpusOptions, 'saved'> & { readonly rebuild?: boolean }): Promise<LoadedCorpus & { readonly indexWritten?: boolean }>;
  readonly indexDirectory: string;
  /** load() may write the index itself (a library's ingest worker): its files are read after load, not alongside it. */
  readonly writesIndex?: boolean;
}

export interface EngineState {
  readonly corpus: Corpus;
  readonly chunks: readonly Chunk[];
  readonly retriever: Retriever;
  readonly info: IndexInfo;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly statistics: CorpusStatistics;
}

export interface LoadStateInput {
  readonly config: Config;
  readonly source: CorpusSource;
  readonly logger: Logger;
  readonly words: WordVectors;
  readonly localEmbeddings: LocalEmbeddings;
  readonly embeddings: EmbeddingsInterface;
  readonly model: EmbeddingModelInfo;
  readonly rebuild: boolean;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  /** Told when the index must be built (a first run waits there). */
  readonly onStep?: ((message: string) => void) | undefined;
  readonly weights: RankingWeights | undefined;
}

export async function loadState(input: LoadStateInput): Promise<EngineState> {
  const directory = input.source.indexDirectory;
  // The saved vectors are checked and read on the thread pool while the corpus is read here, unless loading
  // the corpus is what writes them (they would be read before they exist, and built again on this thread).
  const alongside = !input.rebuild && input.source.writesIndex !== true;
  let savedIndex = alongside ? readSavedIndex(directory, input.model.dimensions) : undefined;
  // Marked as handled: if the corpus cannot be loaded, its error is the one to report, not this read's.
  savedIndex?.catch(() => undefined);
  const savedBytes = alongside ? await readSavedParse(directory) : undefined;
  const saved = savedBytes === undefined ? undefined : SavedParse.decode(savedBytes);
  const { corpus, warnings, fileHashes, fileStamps, indexWritten } = await input.source.load({
    ...(saved === undefined ? {} : { saved }),
    rebuild: input.rebuild,
  });
  const rebuild = input.rebuild && indexWritten !== true;
  if (!rebuild) savedIndex ??= readSavedIndex(directory, input.model.dimensions);
  for (const warning of warnings) input.logger.warn('corpus file skipped or read with care', { detail: warning });
  const chunks = chunkCorpus(corpus);
  let built: LexicalIndex | undefined;
  const buildLexical = () => (built ??= new LexicalIndex(chunks));
  // Computed once when the index is built and saved with the word index: a start reads it instead of embedding 2,000 sentences.
  let builtDirection: Promise<SavedCommonDirection> | undefined;
  const directionOfBuilt = () => (builtDirection ??= SentenceVectors.commonDirection(buildLexical(), input.localEmbeddings));
  let builtDocumentDirections: Promise<SavedDocumentDirections | undefined> | undefined;
  const documentDirectionsOfBuilt = () => (builtDocumentDirections ??= SentenceVectors.documentDirections(buildLexical(), input.localEmbeddings));
  const opened = await openIndex({
    directory,
    corpus,
    chunks,
    embeddings: input.embeddings,
    model: input.model,
    logger: input.logger,
    forceRebuild: rebuild,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.onStep ? { onStep: input.onStep } : {}),
    encodeLexical: async () =>
      encodeLexicalTables(buildLexical().tables, {
        commonDirection: await directionOfBuilt(),
        counts: buildLexical().counts,
        documentDirections: await documentDirectionsOfBuilt(),
      }),
    ...(savedIndex ? { saved: savedIndex } : {}),
    encodeParsed: async () =>
      fileHashes === undefined
        ? undefined
        : encodeSavedParse(corpus.documents, (id) => fileHashes.get(id), { stamp: (id) => fileStamps?.get(id), contentHash: corpus.contentHash }),
  });
  // Opening a saved index is made in turns of the event loop (a bot opening a library's index keeps answering).
  const lexical = opened.lexical === undefined ? buildLexical() : ((await savedLexical(chunks, opened.lexical, input.logger)) ?? buildLexical());
  const retriever = new Retriever({
    lexical,
    // A large vocabulary's word graph is saved beside the index (retrieval/word-neighbours.ts).
    matcher: await TermMatcher.build(lexical.vocabulary, input.words, undefined, { cacheDirectory: directory }),
    store: opened.store,
    queryEmbeddings: input.embeddings,
    sentenceEmbeddings: input.localEmbeddings,
    // The direction saved with the word index at ingest, or the one just computed for it when the index was built.
    sentenceVectors: await SentenceVectors.build(lexical, input.localEmbeddings, lexical === built ? await builtDirection : lexical.tables.commonDirection),
    // Likewise each document's own direction in a library; without them a question computes its document's.
    documentDirections: SentenceVectors.savedDocumentDirections(
      lexical,
      input.localEmbeddings,
      lexical === built ? await builtDocumentDirections : lexical.tables.documentDirections,
    ),
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
    bytesOnDisk: [manifest.files.vectors, manifest.files.documents, manifest.files.lexical, manifest.files.parsed].reduce(
      (sum, file) => sum + (file === undefined ? 0 : sizeOf(path.join(directory, file.name))),
      0,
    ),
  };
  const statistics: CorpusStatistics = { lexical, rarity: englishRarity(input.words) };
  // Every paragraph and sentence in one list, made when first asked for (a one-shot command never does).
  let paragraphs: Paragraph[] | undefined;
  let sentences: Sentence[] | undefined;
  const allParagraphs = (): Paragraph[] => {
    // Loops, not flatMap: on a 20 MB corpus (134k paragraphs, 179k sentences) 16–20 ms of CPU instead of 100–104.
    if (paragraphs === undefined) {
      paragraphs = [];
      for (const document of corpus.documents) for (const paragraph of document.paragraphs) paragraphs.push(paragraph);
    }
    return paragraphs;
  };
  return {
    corpus,
    chunks,
    retriever,
    info,
    get paragraphs() {
      return allParagraphs();
    },
    get sentences() {
      if (sentences === undefined) {
        sentences = [];
        for (const paragraph of allParagraphs()) for (const sentence of paragraph.sentences) sentences.push(sentence);
      }
      return sentences;
    },
    statistics,
  };
}

/** The lexical index from its saved tables; undefined (and a warning) when they cannot be read, so it is built from the text. */
async function savedLexical(chunks: readonly Chunk[], bytes: Uint8Array, logger: Logger): Promise<LexicalIndex | undefined> {
  try {
    return await LexicalIndex.open(chunks, await readLexicalTables(bytes));
  } catch (error) {
    logger.warn('the saved word index could not be read; building it from the text (run `footnote ingest --force` to save a good one)', {
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
