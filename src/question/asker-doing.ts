/**
 * "how do i tie a tie", "where can i buy cheap flights", "what shoes should i buy", "should i learn guitar or piano",
 * "how do you say hello in russian": a question about what the asker is to do. A text tells of others, and answers
 * such a question only about what it names ("can i still water my garden in valencia"), so read-question.ts counts
 * one that names none of the text's names as about something else, whatever words the text shares ("ties" with
 * Russia, "hours" of a night service). The abstention says what the text doesn't say: "how to tie a tie".
 */
import { isContentWord, tokenize } from '../language/tokenize.js';

/**
 * "how do i…", "where can i…", "what shoes should i…", "how do you…" (the "you" of anyone). Not "when can i…": "when
 * can i ride the night tram" asks the text's timetable.
 */
const WH_DOING = /\b(how|where|what|which)((?:\s+\p{L}+)?)\s+(?:do|can|could|should|would|will|must)\s+(i|you)\s+(.+)$/iu;
/** "should i learn guitar or piano" (a message that opens with it). */
const WHETHER_DOING = /^\W*(?:should|can|could|do)\s+i\s+(.+)$/iu;
/** What the asker wants to know or think of is something of the text ("what do i need to know about the trams"). */
const ABOUT_THE_TEXT = /\b(?:know|understand|remember|think|mean|means|say about|cite|read)\b/iu;

/** The asker's own doing a question asks about, in words for the abstention ("how to tie a tie"), if it is one. */
export function askerDoingWords(question: string): string | undefined {
  const text = question.trim().replace(/[?!.\s]+$/u, '');
  const wh = WH_DOING.exec(text);
  const whether = wh === null ? WHETHER_DOING.exec(text) : null;
  const doing = wh?.[4] ?? whether?.[1];
  if (doing === undefined || ABOUT_THE_TEXT.test(doing)) return undefined;
  // "how do you think…" asks the bot; only the generic "you" of "how do you say…" asks what one is to do.
  if (wh !== null && wh[3]?.toLowerCase() === 'you' && wh[1]?.toLowerCase() !== 'how') return undefined;
  const yours = doing
    .replace(/\bmy\b/giu, 'your')
    .replace(/\bme\b/giu, 'you')
    .replace(/\bi\b/giu, 'you');
  return wh !== null ? `${wh[1]?.toLowerCase()}${wh[2]?.toLowerCase()} to ${yours}` : `whether to ${yours}`;
}

/** English words at least this far down the frequency ranks say what a doing is ("fence", "protest"; not "get", "make", "better"). */
const DOING_WORD_RANK = 1000;
/** A word of the corpus this frequent (inverse sentence frequency below it: a few sentences in a hundred) is one it is about. */
const CENTRAL_IDF = 3;

/** What the question reader knows of the text, to tell whether the asker's doing is something it is about. */
export interface DoingInText {
  /** The question names one of the text's names (not a descriptive one: "russian" in "russian nationalists"). */
  readonly namesTheText: boolean;
  /** Frequency rank of a word in general English (0 = commonest), undefined when English lacks it. */
  rank(word: string): number | undefined;
  /** Inverse sentence frequency of a stem in the text, when known. */
  idf(stem: string): number | undefined;
}

/**
 * "how do i tie a tie": the asker's own doing is something else than the text unless the question names one of the
 * text's names ("can i water my garden in valencia") or its doing is one the text keeps coming back to ("how do you
 * fence?" of an article on fencing; a Baku article's two "ties" with Moscow are not that).
 */
export function askerDoingTheTextLacks(question: string, text: DoingInText): string | undefined {
  const doing = askerDoingWords(question);
  if (doing === undefined || text.namesTheText) return undefined;
  const central = tokenize(doing).some(
    (token) => isContentWord(token.word) && (text.rank(token.word) ?? Infinity) >= DOING_WORD_RANK && (text.idf(token.stem) ?? Infinity) < CENTRAL_IDF,
  );
  return central ? undefined : doing;
}
