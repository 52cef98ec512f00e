/**
 * The closed word classes of English that several readers need, in one place: function words, month names
 * and number words. These are properties of the language, never of a text (no word of any corpus belongs
 * here); lists private to one reader's rules stay beside those rules.
 */

/** Common English function words: no evidence of topic on their own. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below between both but by
  can cannot could couldn did didn do does doesn doing don down during each either else ever every few for from further had hadn
  has hasn have haven having he her here hers herself him himself his how however i if in into is isn it its itself just let
  ll me might more most much must mustn my myself neither no nor now of off on once one only or other ought our ours ourselves
  out over own per quite rather re really s same shall shan she should shouldn so some such t than that the their theirs them
  themselves then there these they this those through thus to too under until up upon us ve very was wasn we were weren what
  whatever when where whether which while who whom whose why will with within without won would wouldn yet you your yours
  yourself yourselves tell said says say according did does do done get got give given make made many way ways thing things
  article text author's mention mentioned nothing something anything everything nobody somebody anybody everybody someone anyone
  everyone none`.split(/\s+/u),
);

/** Month names, lower-cased, January first (index + 1 is the month's number). */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Number words by value: "zero" … "nineteen" (index is the value). */
export const NUMBER_UNITS: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];

/** Tens by value / 10: "twenty" is at 2 (0 and 1 are empty). */
export const NUMBER_TENS: readonly string[] = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export const NUMBER_SCALES: readonly string[] = ['thousand', 'million', 'billion'];

/** Every word that spells (part of) a number: "one" … "nineteen", the tens, "hundred" and the scales. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...NUMBER_UNITS.slice(1), ...NUMBER_TENS.slice(2), 'hundred', ...NUMBER_SCALES]);
