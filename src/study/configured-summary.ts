/**
 * The one place that decides how a summary is written: by the configured chat model (points in its own words,
 * each citing a verified sentence; offline on any failure), or offline when no model is configured. /summary,
 * /studyguide and the command line all come here.
 */
import type { LlmConfig } from '../config.js';
import type { Corpus } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { summarize, type SummaryLength, type SummaryOutcome } from './summarize.js';

export interface ConfiguredSummaryOptions {
  readonly corpus: Corpus;
  /** The model settings from the configuration; undefined means offline. */
  readonly llm: LlmConfig | undefined;
  readonly section?: string | undefined;
  readonly length: SummaryLength;
  readonly logger?: Logger | undefined;
  readonly signal?: AbortSignal | undefined;
}

export async function configuredSummary(options: ConfiguredSummaryOptions): Promise<SummaryOutcome> {
  const { corpus, llm, section, length } = options;
  if (llm === undefined) return summarize(corpus, { section, length });
  // Loaded only with a model configured, so the offline path never loads @langchain/openai.
  const { summarizeWithModel } = await import('./model-summary.js');
  return summarizeWithModel({ corpus, llm, section, length, logger: options.logger, signal: options.signal });
}
