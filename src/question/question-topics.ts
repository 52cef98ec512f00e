/**
 * What a question is about, read from its grammar (wink-nlp's part-of-speech tags): its topics — the nouns
 * and names it uses, less the generic nouns that only say what kind of answer is wanted ("what time",
 * "which year", "how many people") — and the noun it asks for ("what currency…", "who is the ambassador…",
 * "how many agents…"). A text that never uses any of the topics is about something else; a text that never
 * uses the asked-for noun rarely answers.
 */
import { isMostlyNoun, isTimeWord, tagWords, type TaggedWord } from '../language/part-of-speech.js';
import { isContentWord } from '../language/tokenize.js';
import { isGenericNoun } from './question-analysis.js';

export interface QuestionTopics {
  /** Lower-cased nouns and names of the question, generic ones left out, in order. */
  readonly topics: readonly string[];
  /** The noun the question asks for, lower-cased, when it names one that is not generic. */
  readonly askedNoun: string | undefined;
}

const NOUNISH = new Set(['NOUN', 'PROPN']);
const WH_WORDS = new Set(['what', 'which', 'who', 'whose', 'whom']);
const SKIPPED_BEFORE_NOUN = new Set(['DET', 'ADJ', 'AUX', 'NUM']);

export function questionTopics(text: string): QuestionTopics {
  const words = tagWords(text);
  const topics: string[] = [];
  for (const [index, word] of words.entries()) {
    const lower = word.text.toLowerCase();
    // "last year", "in December", "at 5 pm" (the model's date and time entities; chrono-node read these before, but
    // its first parses in a process cost 0.3–2 s of regular-expression compiling): when it was, not what it is about.
    if (isTimeWord(word)) continue;
    const nounish = NOUNISH.has(word.pos) || subjectOfDoSupport(words, index) || modifiesVagueNoun(words, index);
    if (!nounish || !/\p{L}/u.test(lower) || !isContentWord(lower) || isGenericNoun(lower)) continue;
    if (!topics.includes(lower)) topics.push(lower);
  }
  return { topics, askedNoun: askedNounOf(words) };
}

/**
 * "how did putin fix the plane thing": a noun the tagger reads as an adjective before a noun that says nothing of its
 * own ("thing", "stuff") is what the question is about, when English mostly uses it as a noun ("plane", not "whole").
 */
function modifiesVagueNoun(words: readonly TaggedWord[], index: number): boolean {
  const next = words[index + 1];
  const lower = words[index]?.text.toLowerCase() ?? '';
  if (words[index]?.pos !== 'ADJ' || next?.pos !== 'NOUN') return false;
  const head = next.text.toLowerCase();
  return (!isContentWord(head) || isGenericNoun(head)) && isMostlyNoun(lower);
}

const DO_SUPPORT = new Set(['do', 'does', 'did']);

/**
 * "when did records begin", "did sanctions hurt russia": right after "do", "does" or "did" and before the main
 * verb stands the subject, a noun however the tagger reads a plural that is also a verb form.
 */
function subjectOfDoSupport(words: readonly TaggedWord[], index: number): boolean {
  const before = words[index - 1];
  return words[index]?.pos === 'VERB' && before !== undefined && DO_SUPPORT.has(before.text.toLowerCase()) && index + 1 < words.length;
}

/**
 * "what currency", "which (former) regions", "how many (FSB) agents", "who is the (Russian) ambassador",
 * "what is the capital of": the first noun after the question word, past determiners, adjectives and
 * the verb "to be"; names (proper nouns) are what the question is about, not what it asks for.
 */
function askedNounOf(words: readonly TaggedWord[]): string | undefined {
  const opening = words.findIndex(
    (word, index) => WH_WORDS.has(word.text.toLowerCase()) || (word.text.toLowerCase() === 'how' && /^(many|much)$/iu.test(words[index + 1]?.text ?? '')),
  );
  if (opening < 0) return undefined;
  let index = opening + (words[opening]?.text.toLowerCase() === 'how' ? 2 : 1);
  while (index < words.length && SKIPPED_BEFORE_NOUN.has(words[index]?.pos ?? '')) index += 1;
  // "how many FSB agents": a name used as a modifier stands before the noun asked for.
  while (index + 1 < words.length && words[index]?.pos === 'PROPN' && words[index + 1]?.pos === 'NOUN') index += 1;
  const noun = words[index];
  if (noun === undefined || noun.pos !== 'NOUN') return undefined;
  const lower = noun.text.toLowerCase();
  return isContentWord(lower) && !isGenericNoun(lower) ? lower : undefined;
}
