/**
 * Words typed around a question in a chat that say nothing about what is asked: a greeting before it ("hey",
 * "hi!"), laughter or thanks after it ("lol", "thx"), hesitation ("um", "hmm"), politeness ("pls", "pls help") and
 * prefaces ("quick question:", "ok but", "wait"). Left in, they count as question words the text lacks, and "what
 * did the autopsys show lol" was refused where "what did the autopsys show" was answered. They are taken off the
 * ends of the question only — never from inside it — and a preface only before a question, so what is left
 * is the question as it would have been typed without them. Interjections are read from wink-nlp's tags; the
 * lists hold the chat words its light model tags otherwise ("omg", "um", "thx"); a message's end is read from the
 * list alone ("is it ok" ends on a word the tagger may call an interjection). General English only.
 */
import { tagWords, type TaggedWord } from '../language/part-of-speech.js';

/** Chat words that may open a message before the question ("hey", "ok but", "omg", "um"). */
const OPENING_FILLER: ReadonlySet<string> = new Set(
  (
    'hi hii hey heya hello yo sup hiya ok okay k kk lol lmao haha omg omfg wow whoa um umm uh uhh hmm hmmm hm er erm ' +
    'pls plz please bro bruh dude guys bot btw idk'
  ).split(' '),
);
/** Prefaces that may also be the question's own words ("wait times at the harbour?"): taken off only before a question. */
const PREFACE: ReadonlySet<string> = new Set(['wait', 'quick', 'question', 'q']);

/** Chat words that may close it ("lol", "thx", "pls help"): laughter, thanks, politeness — never a word a question ends on. */
const CLOSING_FILLER: ReadonlySet<string> = new Set(
  'lol lool lmao lmfao rofl haha hahaha hehe omg thx thnx thanks ty tysm pls plz please bro bruh btw'.split(' '),
);
/** "pls help" closes a message; "why did the hotels want help" does not end on filler. */
const CLOSING_AFTER_FILLER: ReadonlySet<string> = new Set(['help']);

/** Where what is left must start for a preface to be taken off: a question word or the verb a yes-or-no question opens with. */
const QUESTION_START =
  /^(?:who|whom|whose|what|whats|what's|which|when|where|why|how|hows|how's|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|and|but|so|also)\b/iu;

const opens = (word: TaggedWord) => word.pos === 'INTJ' || OPENING_FILLER.has(word.text.toLowerCase()) || PREFACE.has(word.text.toLowerCase());
const closes = (word: TaggedWord) => CLOSING_FILLER.has(word.text.toLowerCase());

/**
 * A question asked inside another ("i need to know what…", "do you know who…", "can you tell me why…"): the frame
 * says only that it is asked, and comes off when a question word follows it.
 */
const ASKING_FRAME =
  /^\s*(?:(?:i|we)\s+(?:really\s+)?(?:need|want|wanna|would like|'d like|’d like)(?:\s+to)?\s+know|(?:do|does)\s+(?:you|u|anyone|anybody|somebody|someone)\s+know|(?:can|could|would)\s+(?:you|u|someone|somebody|anyone)\s+(?:please\s+|pls\s+)?(?:tell|explain(?:\s+to)?)\s+me|(?:please\s+|pls\s+)?tell\s+me|i\s+(?:was\s+|am\s+|'m\s+|’m\s+)?wonder(?:ing)?|i\s+wonder)\s*,?\s+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/iu;

const isWord = (word: TaggedWord) => /[\p{L}\p{N}]/u.test(word.text);

/** The question without chat filler at its ends, nor the frame of a question asked inside another; the question itself when nothing would be left. */
export function withoutChatFiller(typed: string): string {
  const trimmed = withoutEnds(typed);
  const framed = ASKING_FRAME.exec(trimmed);
  return framed === null ? trimmed : withoutEnds(trimmed.slice(framed[0].length));
}

function withoutEnds(question: string): string {
  const words = tagWords(question).filter(isWord);
  let first = 0;
  while (first < words.length && opens(words[first] as TaggedWord)) first += 1;
  // A preface comes off only before a question word or a capital ("wait what did…", "quick question: In what…").
  const rest = words[first];
  const prefaced = words.slice(0, first).some((word) => PREFACE.has(word.text.toLowerCase()));
  if (rest === undefined || (prefaced && !QUESTION_START.test(question.slice(rest.start)) && !/^\p{Lu}/u.test(rest.text))) first = 0;
  let last = words.length - 1;
  const lastWord = words[last]?.text.toLowerCase() ?? '';
  if (CLOSING_AFTER_FILLER.has(lastWord) && last - 1 >= first && closes(words[last - 1] as TaggedWord)) last -= 1;
  while (last >= first && closes(words[last] as TaggedWord)) last -= 1;
  const from = words[first];
  const to = words[last];
  if (from === undefined || to === undefined || last < first) return question;
  // The question's own closing punctuation stays ("…show?" of "…show lol?"); the filler's is dropped.
  const closing = /[?]/u.test(question.slice(to.end)) ? '?' : '';
  return `${question.slice(from.start, to.end)}${closing}`;
}
