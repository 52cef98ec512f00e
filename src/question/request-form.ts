/**
 * Whether a message asks footnote to do something ("recommend me a good movie", "can you write my essay",
 * "give me a recipe") rather than asks what something is: an imperative verb first, or "can/could/would you".
 * Read from wink-nlp's part-of-speech tags, not a list of verbs.
 */
import { tagWords, type TaggedWord } from '../language/part-of-speech.js';

const ASKED_OF_YOU = /^\s*(?:can|could|would|will)\s+(?:you|u)\b/iu;

export function isRequestForm(message: string): boolean {
  if (ASKED_OF_YOU.test(message)) return true;
  const first = tagWords(message).find((word) => /\p{L}/u.test(word.text));
  // An imperative is a verb in its dictionary form at the start ("recommend", "write", "give").
  return first !== undefined && first.pos === 'VERB' && first.text.toLowerCase() === first.lemma.toLowerCase();
}

/**
 * What a request asks for, lower-cased: the last noun of the first run of nouns after its verb ("can you make me a
 * study schedule" → "schedule", "give me a quiz" → "quiz", "can you explain the water restrictions" →
 * "restrictions"). A "study schedule" is a schedule: the nouns before the last one only say which.
 */
export function requestedThing(message: string): string | undefined {
  const words = tagWords(message);
  const verb = words.findIndex((word) => word.pos === 'VERB');
  if (verb < 0) return undefined;
  const runStart = words.findIndex((word, index) => index > verb && word.pos === 'NOUN');
  if (runStart < 0) return undefined;
  let last: TaggedWord | undefined;
  for (const word of words.slice(runStart)) {
    if (word.pos !== 'NOUN') break;
    last = word;
  }
  return last?.text.toLowerCase();
}
