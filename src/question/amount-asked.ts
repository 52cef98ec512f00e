/**
 * "how much water does each person get", "how much money do farmers get", "how full are the reservoirs": the question
 * asks for an amount. Which kind is told by what is asked: a price, a payment or a sum spent wants money ("45 million
 * euros"); any other "how much" or "how" + adjective wants a measured amount — money, a percentage ("18 percent of
 * capacity"), a number with its unit ("100 litres"), a fraction ("a third"). "How many" (a count), "how old" (an
 * age), "how long/far/big/…" (a measure with its unit) and "how often" (a frequency) are read in answer-type.ts.
 */
import { tagWords } from '../language/part-of-speech.js';

export type AmountAsked = 'money' | 'amount';

export interface AmountQuestion {
  readonly kind: AmountAsked;
  /** "how much …" asks the amount outright; "how full …" asks a degree that an amount, when the text has one, gives. */
  readonly outright: boolean;
  /** The word asked about: the first noun after "how much" ("how much retail activity" → activity), or the adjective ("how thick" → thick). */
  readonly word?: string;
}

/** The first question word of a question. */
const QUESTION_WORD = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/iu;
/** The English words of paying, not of any text: the question wants a sum of money. */
const MONEY_WORDS =
  /\b(?:money|cost(?:s|ing)?|price[sd]?|pa(?:y|ys|id|ying)|spen(?:d|ds|t|ding)|earn(?:s|ed|ing)?|worth|charge[sd]?|fees?|expensive|cheap|costly)\b/iu;
/** "how" + these are read elsewhere, or ask no amount ("how come"). */
const READ_ELSEWHERE = new Set(['many', 'often', 'frequently', 'long', 'far', 'old', 'big', 'large', 'tall', 'high', 'wide', 'come', 'about', 'so', 'else']);

/** Whether a word only says the kind of amount asked ("money", "cost"): a text gives the sum without it ("45 million euros"). */
export function namesKindOfAmount(word: string): boolean {
  return new RegExp(`^(?:${MONEY_WORDS.source})$`, 'iu').test(word);
}

/** What amount the question asks for, when its first question word asks one. */
export function amountAsked(question: string): AmountQuestion | undefined {
  const opening = QUESTION_WORD.exec(question);
  if (opening === null || opening[0].toLowerCase() !== 'how') return undefined;
  const rest = question.slice(opening.index);
  const next = /^how\s+([\p{L}-]+)/iu.exec(rest)?.[1]?.toLowerCase();
  if (next === undefined || READ_ELSEWHERE.has(next)) return undefined;
  const kind: AmountAsked = MONEY_WORDS.test(rest) ? 'money' : 'amount';
  const tagged = tagWords(rest);
  if (next === 'much') {
    // "how much retail activity…": the first noun of the words that describe what is measured.
    let position = 2;
    while (tagged[position]?.pos === 'ADJ') position += 1;
    const noun = tagged[position]?.pos === 'NOUN' ? tagged[position]?.text.toLowerCase() : undefined;
    return noun === undefined ? { kind, outright: true } : { kind, outright: true, word: noun };
  }
  // "how full are…", "how expensive is…": an adjective of degree, as the tagger reads it in the question ("how quickly" asks a time).
  return tagged[1]?.pos === 'ADJ' ? { kind, outright: false, word: next } : undefined;
}

/**
 * "how many driver vacancies are there" counts vacancies: the last noun of the words after "how many" (undefined when
 * "how many" is not the first question word, or no noun follows it: "how many died").
 */
export function countedNoun(question: string): string | undefined {
  const opening = QUESTION_WORD.exec(question);
  if (opening === null || !/^how\s+many\b/iu.test(question.slice(opening.index))) return undefined;
  const tagged = tagWords(question.slice(opening.index));
  let position = 2;
  let noun: string | undefined;
  while (tagged[position]?.pos === 'ADJ' || tagged[position]?.pos === 'NOUN') {
    if (tagged[position]?.pos === 'NOUN') noun = tagged[position]?.text.toLowerCase();
    position += 1;
  }
  return noun;
}
