import type { Quote } from '../corpus/citation.js';
import type { Citation } from '../corpus/types.js';

/** Quotes are built and cited in corpus/citation.ts. */
export type { Quote };

/** A retrieved passage (a chunk of one section), best first. */
export interface Passage extends Citation {
  readonly chunkId: string;
  readonly text: string;
  readonly score: number;
}

export type AnswerMode = 'extractive' | 'llm';

export interface DroppedQuote {
  readonly text: string;
  readonly reason: 'not-in-corpus' | 'ambiguous' | 'not-in-retrieved-passages';
}

export interface RepairedQuote {
  readonly original: string;
  readonly text: string;
}

export interface Answer {
  /** The question as the user asked it. */
  readonly question: string;
  /** The question after follow-up resolution (same as `question` when it stood on its own). */
  readonly standaloneQuestion: string;
  /** One short line: the answer, or why there is none. */
  readonly answer: string;
  readonly abstained: boolean;
  readonly mode: AnswerMode;
  /** 0–3 verbatim quotes, each located in its source before it got here. */
  readonly quotes: readonly Quote[];
  /** The closest passages, best first (shown when abstaining). */
  readonly passages: readonly Passage[];
  readonly droppedQuotes: readonly DroppedQuote[];
  readonly repairedQuotes: readonly RepairedQuote[];
  /** Set when a configured model could not answer and the offline answer was used instead. */
  readonly fallbackReason: string | undefined;
  /**
   * The answerer's probability (0–1) that the answer line answers the question, set also when it abstained,
   * so `footnote eval` can draw the abstention trade-off over it. Absent when the answerer gives none.
   */
  readonly confidence?: number;
  /** When abstained: why, in words a developer can count. */
  readonly abstainReason?: AbstainReason;
}

/**
 * 'not-mentioned': the question's key words are nowhere in the texts; 'no-answering-sentence': the topic is
 * there but no sentence answers well enough; 'no-candidates': nothing was retrieved; 'no-verbatim-quote':
 * the chosen sentence could not be located verbatim.
 */
export type AbstainReason = 'not-mentioned' | 'no-answering-sentence' | 'no-candidates' | 'no-verbatim-quote';

/** Why a question was refused before any retrieval; `message` is meant for the user. */
export interface QuestionProblem {
  readonly kind: 'empty' | 'too-long' | 'no-words' | 'not-a-question';
  readonly message: string;
}

export type AskOutcome = { readonly ok: true; readonly answer: Answer } | { readonly ok: false; readonly problem: QuestionProblem };
