/**
 * Does a sentence hold the kind of answer the question asks for? "How many..." needs a count that the
 * question does not already contain (a year is not a count), "when..." a time, "who..." a name or role.
 * This is what lets footnote say "the article doesn't say" to "how many peacekeepers were deployed?"
 * when the article talks about the peacekeepers but never counts them.
 */
import type { AnswerKind } from './question-analysis.js';
import { isContentWord, sameWordFamily, stemWord, tokenize } from '../language/tokenize.js';
import { mentionsPerson } from '../language/name-words.js';

/** Count words after "one": "one" itself counts too, but not as "one of" in a sentence. */
const COUNT_WORDS = String.raw`several|few|hundreds|thousands|millions|billions|dozens|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|third|quarter`;
const NUMBER_WORD = String.raw`(?:one(?! of)|${COUNT_WORDS})(?:-\w+)?`;
const NUMBER = new RegExp(String.raw`\b(?:\d[\d,.]*%?|${NUMBER_WORD})\b|\bper ?cent\b`, 'giu');
const UNIT = String.raw`(?:km|kilomet\w*|miles?|met(?:er|re)s?|feet|foot|square|hectares?|acres?|tons?|tonnes?|years?|months?|weeks?|days?|hours?|minutes?|decades?|centur\w+)\b`;
/** A number with its unit: "fifteen years", "300 km". */
const MEASURED = new RegExp(String.raw`(?:\d[\d,.]*|${NUMBER_WORD})\s+(?:\w+\s+)?${UNIT}`, 'iu');
const YEAR = /^(1[5-9]\d\d|20\d\d)$/u;
const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/iu;
const NEAR_WINDOW = 6;
const NUMBER_TOKEN = new RegExp(String.raw`^(?:\d[\d,.]*|(?:one|${COUNT_WORDS})(?:-\w+)?|percent)$`, 'u');
const TIME_WORD =
  /^(1[5-9]\d\d|20\d\d|since|ago|after|before|later|earlier|january|february|march|april|may|june|july|august|september|october|november|december|years?|months?|weeks?|days?|decades?)$/u;
const TIME = new RegExp(
  String.raw`\b(1[5-9]\d\d|20\d\d)s?\b|\b(?:\d+|${NUMBER_WORD}|a few|several|many)\s+(?:years?|months?|weeks?|days?|decades?)\s+(?:ago|after|before|later|earlier)\b|\bsince\b`,
  'iu',
);
const NAME = /\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+)+/gu;
const PLACE = /\b(?:in|at|near|to|from|into|across|of|between)\s+(?:the\s+)?[“"‘']?(\p{Lu}[\p{L}’'-]+)/gu;
const CAPITALISED = /(?<=\s)\p{Lu}[\p{Ll}’'-]+/gu;
const ROLE = /\b(president|minister|spokes\w*|analysts?|experts?|officials?|members?|leaders?|deputy|author)\b/iu;

const PERIOD = String.raw`(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)s?\b`;
/** A frequency: "every 20 minutes", "each year", "twice a week", "three times per day", "daily". */
const FREQUENCY = new RegExp(
  String.raw`\b(?:every|each|per)\s+(?:other\s+|\d[\d,.]*\s+|${NUMBER_WORD}\s+)?${PERIOD}|\b(?:once|twice|(?:\d+|${NUMBER_WORD})\s+times)\s+(?:a|an|per|every|each)\s+${PERIOD}|\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)\b`,
  'iu',
);

/** "how often…", "how frequently…": asks for a frequency. */
export function asksFrequency(question: string): boolean {
  return /\bhow (?:often|frequently)\b/iu.test(question);
}

/** Whether a sentence gives a frequency ("Trams now run every 20 minutes"), the answer to "how often". */
export function givesFrequency(sentence: string): boolean {
  return FREQUENCY.test(sentence);
}

/** "he", "she", "they" and their forms: "how old was he", "how old were they when they died". */
const PERSON_PRONOUN = /\b(?:he|him|his|she|her|they|them|their)\b/iu;

/**
 * "how old is aliyev", "how old were the brothers when they died": a person's age, which is said as one ("aged 63",
 * "a 63-year-old", "at the age of 86"), never by any other number near the name ("in power since 2003"). A thing's
 * age is often a date ("graves dating to 1338", "about 515 million years ago"), so only a person's is asked this way.
 */
export function asksAgeOfPerson(question: string): boolean {
  return /\bhow old\b/iu.test(question) && (PERSON_PRONOUN.test(question) || mentionsPerson(question));
}

export function holdsAnswerKind(kind: AnswerKind, sentence: string, question: string): boolean {
  const asked = question.toLowerCase();
  switch (kind) {
    case 'number': {
      if (/\bhow old\b/iu.test(question)) return /\b(aged?|\d+-year-old|years? old|age of)\b/iu.test(sentence);
      // A length, a size or a duration comes with its unit: "fifteen years", "300 km".
      if (/\bhow (long|far|big|large|tall|high|wide)\b/iu.test(question)) return MEASURED.test(sentence);
      const qualifies = qualifiesFor(question);
      return (
        (sentence.match(NUMBER) ?? []).some((value) => qualifies(value.toLowerCase())) &&
        nearQuestion(sentence, question, (word) => NUMBER_TOKEN.test(word) && qualifies(word))
      );
    }
    case 'time':
      return ((TIME.test(sentence) && !sameTimes(sentence, asked)) || MONTH.test(sentence)) && nearQuestion(sentence, question, (word) => TIME_WORD.test(word));
    case 'person':
      // People, but also groups and institutions ("Russian air defenses", "Baku media").
      return (
        (sentence.slice(1).match(NAME) ?? []).some((name) => !asked.includes(name.toLowerCase())) ||
        ROLE.test(sentence) ||
        (sentence.slice(1).match(CAPITALISED) ?? []).some((word) => !asked.includes(word.toLowerCase()))
      );
    case 'place':
      // A place the question does not already name, introduced the way places are ("in Grozny", "to Dagestan").
      return [...sentence.matchAll(PLACE)].some((match) => !asked.includes((match[1] ?? '').toLowerCase()));
    default:
      return true;
  }
}

/**
 * The sentence gives exactly one count, not a year and not one the question names ("The plane… crashed in
 * Kazakhstan, killing 67 people"): then the count is what it says, however far from the question's words.
 */
export function givesOneCount(sentence: string, question: string): boolean {
  const qualifies = qualifiesFor(question);
  return (sentence.match(NUMBER) ?? []).filter((value) => qualifies(value.toLowerCase())).length === 1;
}

/** Whether a number (lower-cased) may be the one asked for: not one the question names, nor a year when it asks a count, length or duration. */
function qualifiesFor(question: string): (value: string) => boolean {
  const asked = question.toLowerCase();
  const counting = /\b(how many|how much|how old|how long|how far|how big|how large|population|number of)\b/iu.test(question);
  return (value) => !(counting && YEAR.test(value)) && !asked.includes(value);
}

/**
 * The answer must belong to what the question asks about: within a few words of one of the question's own
 * words. "Russia's withdrawal of peacekeepers from Karabakh and its non-intervention in Baku's 2023 military
 * operations" dates the operations, not the withdrawal.
 */
function nearQuestion(sentence: string, question: string, isAnswer: (word: string) => boolean): boolean {
  const asked = contentWordsOf(question);
  const tokens = tokenize(sentence);
  const anchors = tokens.flatMap((token, position) =>
    asked.some((word) => sameWordFamily(word, token.word) || stemWord(word) === token.stem) ? [position] : [],
  );
  const answers = tokens.flatMap((token, position) => (isAnswer(token.word) ? [position] : []));
  return answers.some((answer) => anchors.some((anchor) => Math.abs(anchor - answer) <= NEAR_WINDOW));
}

/** The question's content words, read once for all the sentences one question is checked against. */
let lastQuestion: { readonly text: string; readonly words: readonly string[] } | undefined;
function contentWordsOf(question: string): readonly string[] {
  if (lastQuestion?.text !== question) {
    const words = tokenize(question)
      .filter((token) => isContentWord(token.word))
      .map((token) => token.word);
    lastQuestion = { text: question, words };
  }
  return lastQuestion.words;
}

/** True when every time expression in the sentence is one the question already names. */
function sameTimes(sentence: string, asked: string): boolean {
  const years = sentence.match(/\b(1[5-9]\d\d|20\d\d)\b/gu) ?? [];
  return years.length > 0 && years.every((year) => asked.includes(year)) && !/\bsince\b|\bago\b|\bafter\b/iu.test(sentence);
}
