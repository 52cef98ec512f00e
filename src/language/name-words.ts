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

/** compromise, required on first use (about half a second of CPU). */
function loadCompromise(): Compromise {
  compromise ??= require('compromise/two') as Compromise;
  return compromise;
}

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
  const words = new Map<string, string>();
  for (const name of loadCompromise()(text).match('(#Person|#Place|#Organization)+').out('array')) {
    const tokens = tokenize(name);
    if (tokens.every((token) => isCommonWord(token.word))) continue;
    const whole = name.replace(/[^\p{L}\p{N}]+$/u, '');
    for (const token of tokens) if (!words.has(token.word)) words.set(token.word, whole);
  }
  return words;
}

/** Whether compromise reads a person's name in the text ("how old is aliyev"; not "how old are the fossils"). */
export function mentionsPerson(text: string): boolean {
  return loadCompromise()(text).match('#Person').out('array').length > 0;
}

/** How many of the text's mentions of a name are read to tell whether it names a person. */
const MENTIONS_READ = 3;
/** Characters read on each side of a mention: enough for a title and a first name ("Spokesperson Maria Zakharova"). */
const MENTION_CONTEXT = 60;

/**
 * Whether the text uses `name` as a person's name ("Putin" in "Vladimir Putin’s personal apology"), read by
 * compromise in the text's own sentences, where first names and titles show it: a question alone rarely
 * does ("did putin say sorry"). A later "it" never stands for a person.
 */
export function namesPersonIn(text: string, name: string): boolean {
  const last = tokenize(name).at(-1)?.word;
  if (last === undefined) return false;
  let read = 0;
  for (const match of mentionsOf(text, last)) {
    if (read++ >= MENTIONS_READ) break;
    const window = text.slice(Math.max(0, match.index - MENTION_CONTEXT), match.index + last.length + MENTION_CONTEXT);
    const people = loadCompromise()(window).match('#Person+').out('array');
    if (people.some((person) => tokenize(person).some((token) => token.word === last))) return true;
  }
  return false;
}

/**
 * The first person `text` names, as written ("DJ Kool Herc"), read by compromise from first names, titles and
 * how the name is used; a name made only of common English words is passed over.
 */
export function firstPersonIn(text: string): string | undefined {
  for (const found of loadCompromise()(text).match('#Person+').out('array')) {
    const name = found.replace(/[^\p{L}\p{N}]+$/u, '');
    if (name !== '' && !tokenize(name).every((token) => isCommonWord(token.word))) return name;
  }
  return undefined;
}

/**
 * Whether a "what/which" question asks for a person by the noun it names ("what researcher…", "which president…",
 * "which local officials…"): compromise tags nouns for people and roles #Actor from its lexicon and their endings.
 */
export function asksForPerson(question: string): boolean {
  return loadCompromise()(question).match('^(what|which) #Adjective{0,2} #Actor').out('array').length > 0;
}

/** Words read before a name to tell a person by a title or role ("deputy mayor Rosa Vintner", "brothers Hussein"). */
const TITLE_WORDS = 3;

/**
 * Which of a sentence's names (runs of proper nouns, as written) compromise reads as a person's, each read with the
 * few words before it: about a millisecond a name, where reading the whole sentence costs several.
 */
export function peopleAmong(sentence: string, names: readonly string[]): string[] {
  return names.filter((name) => {
    const at = sentence.indexOf(name);
    if (at < 0) return false;
    const before = sentence.slice(0, at).split(/\s+/u).filter(Boolean).slice(-TITLE_WORDS).join(' ');
    return loadCompromise()(`${before} ${name}`).match('#Person+').out('array').length > 0;
  });
}

/** Where the text writes the word as a whole word, in any case. */
function mentionsOf(text: string, word: string) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${escaped}(?![\p{L}\p{N}])`, 'giu'));
}
