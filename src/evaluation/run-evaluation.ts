/**
 * Runs footnote and the BM25 baseline over one or more corpora, each with its own question items. Every
 * corpus gets a fresh temporary data folder (the index is built there once, with the word vectors of the
 * configured model cache, loaded once for all corpora), so the user's own index in data/ is never touched.
 * Results are pooled.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { openEngine } from '../engine.js';
import { loadWordVectors, type WordVectors } from '../embeddings/word-vectors.js';
import { silentLogger, type Logger } from '../logger.js';
import { bm25Responder } from './bm25-baseline.js';
import { evaluateResponder, summarize, type EvalReport, type ItemResult } from './evaluate.js';
import type { EvalItem } from './question-set.js';
import { footnoteResponder } from './reply.js';

export interface EvalCorpus {
  /** Shown in progress lines. */
  readonly name: string;
  /** Folders whose documents make the corpus. */
  readonly folders: readonly string[];
  /** Documents written into the corpus beside the folders' (a SQuAD article). */
  readonly files: readonly { readonly name: string; readonly text: string }[];
  readonly items: readonly EvalItem[];
}

export interface EvalRun {
  readonly footnote: EvalReport;
  readonly baseline: EvalReport;
}

/** What every evaluation run takes besides its corpora (runEvaluation, compareLibrary). */
export interface EvaluationSettings {
  readonly config: Config;
  readonly logger?: Logger;
  /** Told a line at each corpus. */
  readonly progress?: (line: string) => void;
}

export async function runEvaluation(options: EvaluationSettings & { readonly corpora: readonly EvalCorpus[] }): Promise<EvalRun> {
  const footnote: ItemResult[] = [];
  const baseline: ItemResult[] = [];
  const logger = options.logger ?? silentLogger;
  const wordVectors = loadWordVectors({ modelDir: options.config.modelDir, onConvert: (message) => logger.info(message) });
  for (const [position, corpus] of options.corpora.entries()) {
    options.progress?.(`[${position + 1}/${options.corpora.length}] ${corpus.name}: ${corpus.items.length} questions`);
    const run = await runOnCorpus(options.config, corpus, logger, wordVectors);
    footnote.push(...run.footnote.items);
    baseline.push(...run.baseline.items);
  }
  return { footnote: { metrics: summarize(footnote), items: footnote }, baseline: { metrics: summarize(baseline), items: baseline } };
}

async function runOnCorpus(config: Config, corpus: EvalCorpus, logger: Logger, wordVectors: WordVectors): Promise<EvalRun> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'footnote-eval-'));
  try {
    const corpusDir = corpusFolder(corpus, workspace);
    const dataDir = path.join(workspace, 'data');
    const engine = await openEngine({ ...config, corpusDir, dataDir, databaseFile: path.join(dataDir, 'footnote.sqlite') }, { logger, wordVectors });
    try {
      // One unscored question first, so the first timing is not the JIT compiler's.
      await engine.ask(corpus.items[0]?.turns[0] ?? 'What is this about?');
      const footnote = await evaluateResponder(footnoteResponder(engine), corpus.items, { corpusDir });
      const baseline = await evaluateResponder(bm25Responder(engine.corpus, engine.sentences()), corpus.items, { corpusDir });
      return { footnote, baseline };
    } finally {
      await engine.close();
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** A single folder is used where it is; anything else is assembled in the workspace. */
function corpusFolder(corpus: EvalCorpus, workspace: string): string {
  const [only] = corpus.folders;
  if (corpus.files.length === 0 && corpus.folders.length === 1 && only !== undefined) return only;
  const folder = path.join(workspace, 'corpus');
  mkdirSync(folder, { recursive: true });
  for (const source of corpus.folders) cpSync(source, folder, { recursive: true });
  for (const file of corpus.files) writeFileSync(path.join(folder, file.name), file.text);
  return folder;
}
