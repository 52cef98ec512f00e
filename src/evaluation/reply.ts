/**
 * What a reader sees of one answer, whoever produced it: footnote's engine or the BM25 baseline. The
 * evaluation scores replies only, so both systems are measured by exactly the same rules.
 */
import type { Engine } from '../engine-types.js';
import type { Quote } from '../answering/types.js';
import type { EvalItem } from './question-set.js';

export interface Reply {
  /** The first line shown: the answer, or why there is none. */
  readonly answerLine: string;
  readonly abstained: boolean;
  /** Verbatim quotes, best first. */
  readonly quotes: readonly Quote[];
  /** Texts of the retrieved passages, best first (for hit@k and MRR). */
  readonly passages: readonly string[];
  readonly confidence: number | undefined;
  readonly abstainReason: string | undefined;
}

export interface Responder {
  /** Shown in reports: "footnote", "BM25 sentence". */
  readonly name: string;
  /** Asks the item's turns in order in one fresh conversation and returns the reply to the last. */
  respond(item: EvalItem): Promise<Reply>;
}

/** footnote through the real `Engine.ask` path, multi-turn items in one conversation. */
export function footnoteResponder(engine: Engine): Responder {
  let conversations = 0;
  return {
    name: 'footnote',
    async respond(item) {
      conversations += 1;
      const conversationId = `eval:${conversations}:${item.id}`;
      let outcome: Awaited<ReturnType<Engine['ask']>> | undefined;
      for (const turn of item.turns) outcome = await engine.ask(turn, { conversationId });
      if (outcome === undefined || !outcome.ok) {
        return {
          answerLine: outcome?.ok === false ? outcome.problem.message : '',
          abstained: true,
          quotes: [],
          passages: [],
          confidence: undefined,
          abstainReason: outcome?.ok === false ? `refused: ${outcome.problem.kind}` : 'no turns',
        };
      }
      const { answer } = outcome;
      return {
        answerLine: answer.answer,
        abstained: answer.abstained,
        quotes: answer.quotes,
        passages: answer.passages.map((passage) => passage.text),
        confidence: answer.confidence,
        abstainReason: answer.abstainReason,
      };
    },
  };
}
