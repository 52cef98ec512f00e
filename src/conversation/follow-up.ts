/**
 * Offline follow-up resolution: decides whether a question leans on earlier turns (pronouns, ellipsis,
 * very few words of its own) and, if so, which earlier text to carry over as context.
 */
import { isContentWord, tokenize } from '../language/tokenize.js';
import type { Turn } from './conversation-store.js';

const LEANING_WORDS = /\b(it|its|it's|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|then|the same|such|former|latter|one)\b/iu;
const ELLIPSIS_START = /^\s*(and|but|so|also|what about|how about|why|why not|how come|and why|what else|anything else|since when|who else|really)\b/iu;

export interface FollowUpDecision {
  /** True when the question should be read together with earlier turns. */
  readonly leans: boolean;
  /** The earlier question to read it with (empty when not leaning). */
  readonly context: string;
}

export function resolveFollowUp(question: string, history: readonly Turn[]): FollowUpDecision {
  const previous = history.at(-1);
  if (previous === undefined) return { leans: false, context: '' };
  const ownWords = tokenize(question).filter((token) => isContentWord(token.word));
  // A short question that names nothing ("How many people died?") rarely starts a new topic mid-conversation.
  const namesSomething = /\s\p{Lu}/u.test(question.trim());
  const leans = LEANING_WORDS.test(question) || ELLIPSIS_START.test(question) || ownWords.length <= 1 || (!namesSomething && ownWords.length <= 3);
  if (!leans) return { leans: false, context: '' };
  // The previous turn's standalone question already carries what it leaned on.
  return { leans: true, context: previous.standaloneQuestion };
}
