/**
 * The model side of answering, built only when a chat model is configured: the answerer (quotes verified
 * against the corpus being served) and the follow-up rewriter. Loaded lazily, so the offline path never
 * loads @langchain/openai.
 */
import type { Config } from '../config.js';
import type { Corpus } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import type { Answer, Passage } from '../answering/types.js';

/** The model side of answering; the offline answer is passed in as the fallback. */
export interface ModelAnswerer {
  answer(input: { question: string; standaloneQuestion: string; passages: readonly Passage[]; fallback: Answer; signal?: AbortSignal }): Promise<Answer>;
  rewrite?(input: { history: readonly { question: string; answer: string }[]; question: string; signal?: AbortSignal }): Promise<string | undefined>;
}

/** Rewriting a follow-up gets at most this much of the answer's budget. */
const REWRITE_TIMEOUT_MS = 4000;

export async function createConfiguredModelAnswerer(config: Config, corpus: () => Corpus, logger: Logger): Promise<ModelAnswerer | undefined> {
  const llm = config.llm;
  if (llm === undefined) return undefined;
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
