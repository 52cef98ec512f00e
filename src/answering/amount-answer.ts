/**
 * "how much water does each person get" is answered by an amount of the kind asked (question/amount-asked.ts): the
 * sentence that gives one near the question's words ("a basic allowance of 100 litres per person per day") comes first,
 * and answers even when the selector doubts the question is answered at all, as a count answers "how many". Amounts
 * are read with wink-nlp's English model: its MONEY and PERCENT entities, a number followed by the noun it measures
 * ("100 litres", "1.4 degrees"), a fraction ("a third"); dates and durations are not amounts.
 */
import { tagWords, type TaggedWord } from '../language/part-of-speech.js';
import { isContentWord, sameWordFamily, stemWord, tokenize } from '../language/tokenize.js';
import { amountAsked, countedNoun, namesKindOfAmount, type AmountAsked } from '../question/amount-asked.js';
import type { QuoteSearch } from './count-answer.js';
import type { RankedCandidate } from './rank-candidates.js';
import type { Quote } from './types.js';

type AmountFound = 'money' | 'percent' | 'number' | 'fraction';

/** How many words (punctuation included) an amount may stand from one of the question's words. */
const NEAR_WINDOW = 8;
/** How far down the selector's ranking an amount is looked for, and how likely a sentence must be, relative to the best. */
const AMOUNT_CANDIDATES = 5;
const ANSWERING_FLOOR = 0.3;
const CURRENCY = /^\p{Sc}$/u;
const FRACTION = /^(?:half|thirds?|quarters?|fifths?|tenths?)$/iu;
const FRACTION_BEFORE = /^(?:a|an|one|two|three|by)$/iu;
const NOT_AMOUNTS: ReadonlySet<string> = new Set(['DATE', 'TIME', 'DURATION', 'ORDINAL']);

/** The amounts a sentence gives, each with the positions of its words among the tagged words. */
function amountsIn(words: readonly TaggedWord[]): { kind: AmountFound; first: number; last: number; text: string }[] {
  const found: { kind: AmountFound; first: number; last: number; text: string }[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as TaggedWord;
    const previous = words[index - 1];
    if (word.entity === 'MONEY' || word.entity === 'PERCENT') {
      let last = index;
      while (words[last + 1]?.entity === word.entity) last += 1;
      found.push({
        kind: word.entity === 'MONEY' ? 'money' : 'percent',
        first: index,
        last,
        text: words
          .slice(index, last + 1)
          .map((each) => each.text)
          .join(' '),
      });
      index = last;
    } else if (word.pos === 'NUM' && (word.entity === undefined || !NOT_AMOUNTS.has(word.entity))) {
      // A sum after a currency sign ("£20,427"), a number and the noun it measures ("100 litres", "1.4 degrees"), a count.
      let last = index;
      while (words[last + 1]?.pos === 'NUM') last += 1;
      let unit = last + 1;
      if (words[unit]?.pos === 'ADJ') unit += 1;
      if (words[unit]?.pos !== 'NOUN') unit = last;
      const kind = previous !== undefined && CURRENCY.test(previous.text) ? 'money' : 'number';
      found.push({
        kind,
        first: index,
        last: unit,
        text: words
          .slice(index, last + 1)
          .map((each) => each.text)
          .join(' '),
      });
      index = last;
    } else if (FRACTION.test(word.text) && word.pos !== 'VERB' && previous !== undefined && FRACTION_BEFORE.test(previous.text)) {
      found.push({ kind: 'fraction', first: index - 1, last: index, text: `${previous.text} ${word.text}` });
    }
  }
  return found;
}

/** Whether the sentence gives an amount of the kind asked within a few words of one of the question's own words. */
export function givesAmount(sentence: string, asked: AmountAsked, question: string): boolean {
  const words = tagWords(sentence);
  const lowerQuestion = question.toLowerCase();
  const amounts = amountsIn(words).filter((amount) => (asked === 'amount' || amount.kind === 'money') && !lowerQuestion.includes(amount.text.toLowerCase()));
  if (amounts.length === 0) return false;
  const questionWords = tokenize(question)
    .map((token) => token.word)
    .filter((word) => isContentWord(word) && word !== 'much');
  const anchors = words.flatMap((word, position) => {
    const lower = word.text.toLowerCase();
    return questionWords.some((asking) => sameWordFamily(asking, lower) || stemWord(asking) === stemWord(lower)) ? [position] : [];
  });
  return amounts.some((amount) => anchors.some((anchor) => anchor >= amount.first - NEAR_WINDOW && anchor <= amount.last + NEAR_WINDOW));
}

/** Whether the quote uses the word asked about ("the neighborhood has very little retail activity", "1–3 μm thick"). */
function says(quote: Quote | undefined, word: string): boolean {
  return quote !== undefined && tokenize(quote.text).some((token) => sameWordFamily(token.word, word));
}

/**
 * The quotes with the one that gives the amount asked first, found among the quotes or the selector's next sentences;
 * when none gives one, the quotes stay as they were (an amount is also said in words: "twice as much"), as they do when
 * the first says the very word asked about and the other does not ("The neighborhood has very little retail activity").
 */
export function amountFirst(question: string, quotes: readonly Quote[], search: QuoteSearch): readonly Quote[] {
  const asked = amountAsked(question);
  if (asked === undefined) return quotes;
  const gives = (quote: Quote) => givesAmount(quote.text, asked.kind, question);
  const found =
    quotes.find(gives) ??
    search.ranked
      .slice(0, AMOUNT_CANDIDATES)
      .filter((candidate) => !search.chosen.includes(candidate))
      .map(search.locate)
      .find((quote): quote is Quote => quote !== undefined && gives(quote));
  if (found === undefined || (asked.word !== undefined && says(quotes[0], asked.word) && !says(found, asked.word))) return quotes;
  return [found, ...quotes.filter((quote) => quote.start !== found.start || quote.documentId !== found.documentId)].slice(0, search.limit);
}

/**
 * "how much money do farmers get for drip irrigation": when the selector doubts the question is answered, a likely
 * sentence that gives the amount asked near the question's words ("…promised 45 million euros in compensation for
 * growers who switch to drip irrigation") answers all the same, as a sentence that counts the very thing a "how many"
 * question counts does ("how many driver vacancies are there": "It has 38 vacancies"). Only a question that asks the
 * amount outright, and only of things the text names.
 */
export function answeringAmount(question: string, ranked: readonly RankedCandidate[], unknownWords: readonly string[]): RankedCandidate | undefined {
  const best = ranked[0];
  const counted = countedNoun(question);
  if (counted !== undefined && best !== undefined && unknownWords.length === 0)
    return likely(ranked, best).find((candidate) => countsNoun(candidate.facts.text, counted) && speaksOfAll(candidate, question, counted));
  const asked = amountAsked(question);
  // "how much does a ps5 cost", "how much of the farmland is sold domestically": a word the text never uses says the amount
  // is of something else, or of something it does not tell ("money" only says the kind asked).
  if (asked === undefined || !asked.outright || best === undefined || unknownWords.some((word) => !namesKindOfAmount(word))) return undefined;
  return likely(ranked, best).find((candidate) => givesAmount(candidate.facts.text, asked.kind, question));
}

/** The selector's likely sentences, best first. */
function likely(ranked: readonly RankedCandidate[], best: RankedCandidate): readonly RankedCandidate[] {
  return ranked.slice(0, AMOUNT_CANDIDATES).filter((candidate) => candidate.probability >= ANSWERING_FLOOR * best.probability);
}

/**
 * Whether the sentence, or the one before it when it continues it ("Lindmark Verkehr also faces a shortage of drivers.
 * It has 38 vacancies."), has every other word of the question: "Half of Paris's population of 100,000 people died"
 * counts people, but not those who "lived in China in the 1300s".
 */
function speaksOfAll(candidate: RankedCandidate, question: string, counted: string): boolean {
  const { stems, nearbyStems, continuesPrevious } = candidate.facts;
  return tokenize(question)
    .filter((token) => isContentWord(token.word) && token.word !== 'many' && token.word !== counted)
    .every((token) => stems.has(token.stem) || (continuesPrevious && nearbyStems.has(token.stem)));
}

/** Whether the sentence counts the very thing asked: a number before it ("It has 38 vacancies", "67 people"). */
function countsNoun(sentence: string, noun: string): boolean {
  const words = tagWords(sentence);
  return words.some(
    (word, index) =>
      word.pos === 'NUM' &&
      (word.entity === undefined || !NOT_AMOUNTS.has(word.entity)) &&
      words.slice(index + 1, index + 3).some((next) => sameWordFamily(next.text.toLowerCase(), noun) || stemWord(next.text.toLowerCase()) === stemWord(noun)),
  );
}
