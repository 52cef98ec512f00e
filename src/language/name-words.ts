/**
 * Which words of a question name a person, a place or an organisation, whatever their case ("what did the
 * government in madrid say", "what does nato think"): compromise's lexicon of names and its tagger (an npm
 * package; nothing is downloaded). wink-nlp's model reads a lower-case "madrid" as a common noun, and students
 * rarely type capitals. compromise costs about half a second of CPU to load, so it is required on first use,
 * which only a question with a word the text lacks reaches (and a long-lived process's warm-up).
 */
import { createRequire } from 'node:module';
import { tokenize } from './tokenize.js';

const require = createRequire(import.meta.url);

interface Matches {
  out(format: 'array'): string[];
}
type Compromise = (text: string) => { match(pattern: string): Matches };

let compromise: Compromise | undefined;

let commonWords: Readonly<Record<string, unknown>> | undefined;

/**
 * Whether English uses the word in lower case: wink-lexicon's 13,000 common words, which hold no names
 * ("lesson", "union", "turkey" are there; "madrid", "nato", "european" are not).
 */
function isCommonWord(word: string): boolean {
  commonWords ??= require('wink-lexicon/src/lexicon.js') as Record<string, unknown>;
  return Object.hasOwn(commonWords, word);
}

/**
 * The lower-cased words of `text` that compromise reads as part of a person's, place's or organisation's name,
 * each with the whole name as the text writes it ("union" → "european union"). A name made only of common
 * English words ("lesson", which compromise also knows as a surname) is not counted.
 */
export function nameWords(text: string): Map<string, string> {
  compromise ??= require('compromise/two') as Compromise;
  const words = new Map<string, string>();
  for (const name of compromise(text).match('(#Person|#Place|#Organization)+').out('array')) {
    const tokens = tokenize(name);
    if (tokens.every((token) => isCommonWord(token.word))) continue;
    const whole = name.replace(/[^\p{L}\p{N}]+$/u, '');
    for (const token of tokens) if (!words.has(token.word)) words.set(token.word, whole);
  }
  return words;
}
