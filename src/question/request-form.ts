/**
 * Whether a message asks footnote to do something ("recommend me a good movie", "can you write my essay",
 * "give me a recipe") rather than asks what something is: an imperative verb first, or "can/could/would you".
 * Read from wink-nlp's part-of-speech tags, not a list of verbs.
 */
import { tagWords } from '../language/part-of-speech.js';

const ASKED_OF_YOU = /^\s*(?:can|could|would|will)\s+(?:you|u)\b/iu;

export function isRequestForm(message: string): boolean {
  if (ASKED_OF_YOU.test(message)) return true;
  const first = tagWords(message).find((word) => /\p{L}/u.test(word.text));
  // An imperative is a verb in its dictionary form at the start ("recommend", "write", "give").
  return first !== undefined && first.pos === 'VERB' && first.text.toLowerCase() === first.lemma.toLowerCase();
}
