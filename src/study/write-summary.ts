/**
 * The one place that chooses how a summary is written: by the chat model when one is configured (grounded and
 * checked, falling back to the offline summary on any failure), by the offline summariser otherwise. Front ends
 * call this, or `Engine.summarize`, and never choose themselves.
 */
import type { LlmConfig } from '../config.js';
import type { Corpus } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { summarize, type SummaryLength, type SummaryOutcome } from './summarize.js';

export interface WriteSummaryOptions {
  readonly corpus: Corpus;
  /** The configured chat model; offline when undefined. */
  readonly llm: LlmConfig | undefined;
  /** A section name (a unique prefix or fragment is enough); the whole text when omitted. */
  readonly section?: string | undefined;
  readonly length: SummaryLength;
  readonly logger?: Logger | undefined;
  readonly signal?: AbortSignal | undefined;
}

export async function writeSummary(options: WriteSummaryOptions): Promise<SummaryOutcome> {
  const { corpus, llm, section, length } = options;
  if (llm === undefined) return summarize(corpus, { section, length });
  // Loaded only with a model configured, so the offline path never loads @langchain/openai.
  const { summarizeWithModel } = await import('./model-summary.js');
  return summarizeWithModel({ corpus, llm, section, length, logger: options.logger, signal: options.signal });
}
