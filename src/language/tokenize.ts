/**
 * Words for retrieval: lower-cased, apostrophes straightened, possessive "'s" dropped, hyphenated
 * compounds split into their parts ("North-South" → north, south), each with its Porter stem.
 */
import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import { STOPWORDS } from './lexicon.js';

/**
 * English irregular verb forms and their base form (wink-lexicon: "began" → begin, "paid" → pay, "shot" →
 * shoot; 435 entries, loaded in ~15 ms). Porter stems regular inflections alike but not these, and a question
 * asks in the base form what a text tells in the past: "when did the war begin?" of "the war began".
 */
const IRREGULAR_VERBS = createRequire(import.meta.url)('wink-lexicon/src/irregular-verbs.js') as Readonly<Record<string, string>>;

/** Also here for readers that import it with the tokenizer (study/recognise-entities.ts). */
export { STOPWORDS } from './lexicon.js';

export interface Token {
  /** Lower-cased surface form ("russia"). */
  readonly word: string;
  readonly stem: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  eachWord(text, (word, start, end) => tokens.push({ word, stem: stemWord(word), start, end }));
  return tokens;
}

/**
 * Each word of `text` as `tokenize` reads it, in order, without its stem (embedding a text needs only the
 * words, and most of a tokenising's time went to the stems and the token objects).
 */
export function eachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  for (const match of text.matchAll(WORD)) {
    let word = match[0].toLowerCase();
    let negated = false;
    // Most words hold no apostrophe; only those need the four replacements (a third of ingest's tokenising).
    if (word.includes("'") || word.includes('’')) {
      word = word.replace(/’/gu, "'");
      negated = /n't$/u.test(word);
      word = word.replace(/'s$/u, '').replace(/n't$/u, '');
      if (negated) word = NEGATED_STEMS[word] ?? word;
    }
    if (word === '') continue;
    const end = match.index + match[0].length;
    visit(word, match.index, end);
    // "can't", "cannot", "won't" also say "not": a question with a negation can meet a sentence with one.
    if (negated || word === 'cannot') visit('not', match.index, end);
  }
}

/** What is left of a contraction once "n't" is cut off: "ca" (can't) → can, "wo" (won't) → will. */
const NEGATED_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/** The stems of a text's content words, in order (a word's stem as often as the text uses it). */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((token) => isContentWord(token.word))
    .map((token) => token.stem);
}

const stems = new Map<string, string>();

export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /^\d+$/u.test(word) ? word : stemmer(baseForm(word));
    if (stems.size < 200_000) stems.set(word, stem);
  }
  return stem;
}

/**
 * The verb a word inflects, where Porter would stem the two apart: an irregular form ("began" → begin), or a
 * three-letter verb in "-ie" ("died", "dies", "dying" → die; Porter gives "di", "di", "dy" and "die").
 */
function baseForm(word: string): string {
  const irregular = Object.hasOwn(IRREGULAR_VERBS, word) ? IRREGULAR_VERBS[word] : undefined;
  if (irregular !== undefined) return irregular;
  const shortIe = /^([a-z])(?:ie[sd]|ying)$/u.exec(word);
  return shortIe === null ? word : `${shortIe[1]}ie`;
}

/** Endings that make a word of the same family: inflections and the common derivations. */
const FAMILY_ENDINGS = new Set([
  '',
  's',
  'es',
  'd',
  'ed',
  'ing',
  'ings',
  'en',
  'e',
  'y',
  'ies',
  'ied',
  'ion',
  'ions',
  'ation',
  'ations',
  'ment',
  'ments',
  'er',
  'ers',
  'or',
  'ors',
  'al',
  'ally',
  'ly',
  'ity',
  'ities',
  'ive',
  'ives',
  'ure',
  'ures',
  'ance',
  'ence',
  'ant',
  'ent',
  'ist',
  'ists',
  'ism',
  'ise',
  'ised',
  'ising',
  'ize',
  'ized',
  'izing',
  'ness',
  'ship',
  'ic',
  'ical',
  'ian',
  'ians',
  'i',
  'is',
  'n',
  'ns',
]);

/**
 * Same word family: one stem of at least four letters plus endings from a closed list on both sides
 * (closure ~ close, apologised ~ apology, beaten ~ beatings). "respond" and "responsible" share six
 * letters but "sible" is not an ending, so they are not a family; that is what a bare prefix rule gets wrong.
 */
export function sameWordFamily(first: string, second: string): boolean {
  if (first === second) return true;
  const shorter = Math.min(first.length, second.length);
  let common = 0;
  while (common < shorter && first[common] === second[common]) common += 1;
  for (let length = common; length >= 4; length -= 1) {
    if (FAMILY_ENDINGS.has(first.slice(length)) && FAMILY_ENDINGS.has(second.slice(length))) return true;
  }
  return false;
}

/**
 * Keys under which `sameWordFamily` words meet: every prefix of four or more letters whose remainder is a
 * family ending. Two words are one family exactly when they share a key, so a hash lookup replaces a scan.
 */
export function wordFamilyKeys(word: string): string[] {
  const keys: string[] = [];
  for (let length = 4; length <= word.length; length += 1) if (FAMILY_ENDINGS.has(word.slice(length))) keys.push(word.slice(0, length));
  return keys;
}

export function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word) && (word.length > 1 || /\d/u.test(word));
}

const CONTINUATION = /^\W*(?:\S+\s+){0,4}?(this|these|that|those|it|its|they|their|them|such|he|she|his|her)\b/iu;

/** Whether a sentence picks up the one before it ("These men were charged...", "This tension was eased..."). */
export function continuesPreviousSentence(sentence: string): boolean {
  return CONTINUATION.test(sentence);
}
