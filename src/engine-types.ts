/**
 * The contract every front end (CLI, console, Discord, study tools) uses. `openEngine` in engine.ts builds it.
 */
import type { Config } from './config.js';
import type { Corpus, Paragraph, Sentence } from './corpus/types.js';
import type { AskOutcome, Passage } from './answering/types.js';
import type { SummaryLength, SummaryOutcome } from './study/summarize.js';

export interface IndexInfo {
  readonly provider: string;
  readonly model: string;
  readonly dimensions: number;
  readonly chunks: number;
  readonly documents: number;
  readonly corpusHash: string;
  /** ISO time the index was built. */
  readonly builtAt: string;
  readonly bytesOnDisk: number;
}

export interface AskOptions {
  /** Channel, thread or console session id: follow-ups in one conversation are resolved against its earlier turns. */
  readonly conversationId?: string;
  readonly signal?: AbortSignal;
  /** Answer from this document only (its id; front ends resolve what the user typed with corpus/find-document.ts). */
  readonly documentId?: string;
}

export interface SummarizeOptions {
  /** The part of the corpus to summarise (one document of it, say); the whole corpus when omitted. */
  readonly corpus?: Corpus;
  /** A section name (a unique prefix or fragment is enough); the whole text when omitted. */
  readonly section?: string | undefined;
  readonly length: SummaryLength;
  readonly signal?: AbortSignal | undefined;
}

export interface Engine {
  readonly config: Config;
  readonly corpus: Corpus;
  readonly index: IndexInfo;
  /** 'llm' when a chat model is configured, otherwise 'extractive'. */
  readonly mode: 'llm' | 'extractive';
  ask(question: string, options?: AskOptions): Promise<AskOutcome>;
  /** Ranked passages for a free-text query, best first. */
  search(query: string, limit?: number, scope?: { readonly documentId?: string }): Promise<Passage[]>;
  /** Key points with verbatim quotes: written by the model when one is configured, offline otherwise (study/write-summary.ts). */
  summarize(options: SummarizeOptions): Promise<SummaryOutcome>;
  /** Every body paragraph of every document, in reading order. */
  paragraphs(): readonly Paragraph[];
  sentences(): readonly Sentence[];
  /**
   * Answers a few made-up questions from the text so what the first question would build or compile (wink-nlp's
   * model, word tables, date patterns, the JIT) is ready: for a process that answers many, right after it opens.
   */
  warmUp(): Promise<void>;
  /** Rebuilds the index from the corpus folder and swaps it in atomically. */
  reindex(onProgress?: (done: number, total: number) => void): Promise<IndexInfo>;
  /** Reads the corpus again and swaps it in, opening the saved index when it matches (a library's ingest worker saved it) and building it otherwise. */
  reload(): Promise<IndexInfo>;
  close(): Promise<void>;
}
