/**
 * Runs of capitalised words in a sentence: the raw material of the entity recogniser. Capitalisation is
 * the only signal English gives for names without a gazetteer, so the work here is telling a name from a
 * capitalised sentence opener ("Despite", "Photos") and from an adjective of nationality ("Russian").
 */
import { NUMBER_WORDS } from '../language/lexicon.js';
import { STOPWORDS } from '../language/tokenize.js';
import { ORGANISATION_HEADS } from './entity-cues.js';
import type { SentenceUnit } from './sentence-units.js';

export interface WordToken {
  readonly text: string;
  /** Document offsets of the word without a possessive "’s". */
  readonly start: number;
  readonly end: number;
  /** Document offset after the whole token, possessive included. */
  readonly tokenEnd: number;
  readonly possessive: boolean;
  /** A capitalised word or acronym that can be part of a name. */
  readonly capitalised: boolean;
  readonly index: number;
}

export interface NameSpan {
  readonly unit: SentenceUnit;
  readonly tokens: readonly WordToken[];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly possessive: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-‑'’][\p{L}\p{N}]+)*/gu;
/** Capitalised words that open sentences without being names (not all are in the stopword list). */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  `despite although though amid amidst among toward towards beyond besides instead meanwhile moreover furthermore
  nevertheless nonetheless therefore hence thus yet still even also indeed perhaps overall finally first second
  third lastly today yesterday now then later earlier recently currently some many most several few both each
  every another such`.split(/\s+/u),
);

/** "of", and the short lower-case particles of names from other languages ("de", "en", "von", "y"), not English words like "and". */
function isNameParticle(word: string): boolean {
  return word === 'of' || (/^\p{Ll}{1,3}$/u.test(word) && !STOPWORDS.has(word) && !['vs', 'via', 'per'].includes(word));
}

export function wordTokens(unit: SentenceUnit): WordToken[] {
  const { sentence } = unit;
  const tokens: WordToken[] = [];
  for (const match of sentence.text.matchAll(WORD)) {
    const text = match[0];
    const start = sentence.start + match.index;
    const possessive = /['’]s$/u.test(text);
    const word = possessive ? text.slice(0, -2) : text;
    tokens.push({ text: word, start, end: start + word.length, tokenEnd: start + text.length, possessive, capitalised: canBeName(word), index: tokens.length });
  }
  return tokens;
}

function canBeName(word: string): boolean {
  if (word.length < 2 || /\d/u.test(word)) return false;
  if (word.includes('-') || word.includes('‑')) return canBeNameCompound(word);
  if (!/^\p{Lu}/u.test(word)) return false;
  if (NUMBER_WORDS.has(word.toLowerCase())) return false;
  return true;
}

/** "Nagorno-Karabakh" and "X-Network" are names; "Russia-linked" and "Forty-six" are not. */
function canBeNameCompound(word: string): boolean {
  const parts = word.split(/[-‑]/u);
  return parts.every((part) => /^\p{Lu}/u.test(part) && !/\d/u.test(part)) && !NUMBER_WORDS.has((parts[0] ?? '').toLowerCase());
}

/**
 * Maximal runs of adjacent capitalised words ("The New York Times", "Republic of Baku"). A possessive ends
 * a run ("Russia’s Yekaterinburg" is two names). `isCommonWord` decides whether a sentence's first word is
 * an ordinary word that is only capitalised because it opens the sentence (given the run's length).
 */
export function nameSpans(unit: SentenceUnit, tokens: readonly WordToken[], isCommonWord: (word: string, runLength: number) => boolean): NameSpan[] {
  const text = unit.document.text;
  const spans: NameSpan[] = [];
  let position = 0;
  while (position < tokens.length) {
    const first = tokens[position] as WordToken;
    if (!first.capitalised) {
      position += 1;
      continue;
    }
    const run: WordToken[] = [first];
    let next = position + 1;
    while (!(run.at(-1) as WordToken).possessive) {
      const candidate = tokens[next];
      const last = run.at(-1) as WordToken;
      if (candidate === undefined || text.slice(last.tokenEnd, candidate.start) !== ' ') break;
      if (candidate.capitalised) {
        run.push(candidate);
        next += 1;
        continue;
      }
      // "Edward J. Noble": a middle initial and its full stop stay inside the name.
      const following = tokens[next + 1];
      if (
        /^\p{Lu}$/u.test(candidate.text) &&
        following !== undefined &&
        following.capitalised &&
        text.slice(last.tokenEnd, candidate.start) === ' ' &&
        text.slice(candidate.tokenEnd, following.start) === '. '
      ) {
        run.push(candidate, following);
        next += 2;
        continue;
      }
      // "Republic of Baku", "Aguas de Valencia": a lower-case "of" or particle joins two capitalised parts of one name.
      const after = tokens[next + 1];
      if (isNameParticle(candidate.text) && after !== undefined && after.capitalised && text.slice(candidate.tokenEnd, after.start) === ' ') {
        run.push(candidate, after);
        next += 2;
        continue;
      }
      // "Ministry for the Ecological Transition", "Committee on Science and Astronautics": an institution's head
      // takes "for"/"on" (and "the"), and what follows may be two things joined by "and".
      const article = after?.text === 'the' ? after : undefined;
      const named = tokens[next + (article === undefined ? 1 : 2)];
      const institutionSoFar = run.some((token) => ORGANISATION_HEADS.has(token.text));
      if (
        ((ORGANISATION_HEADS.has(last.text) && ['for', 'on'].includes(candidate.text)) ||
          (candidate.text === 'and' && article === undefined && run.some((token) => token.text === 'for' || token.text === 'on') && institutionSoFar)) &&
        named !== undefined &&
        named.capitalised &&
        text.slice(candidate.tokenEnd, named.start) === (article === undefined ? ' ' : ' the ')
      ) {
        run.push(candidate, ...(article === undefined ? [] : [article]), named);
        next += article === undefined ? 2 : 3;
        continue;
      }
      break;
    }
    position = next;
    // A sentence's first word is capitalised whatever it is: keep it only when it looks like a name.
    if (first.index === 0 && isCommonWord(first.text, run.length)) run.shift();
    while (run.length > 0 && isNameParticle((run[0] as WordToken).text)) run.shift();
    const head = run[0];
    const tail = run.at(-1);
    if (head === undefined || tail === undefined) continue;
    spans.push({ unit, tokens: run, start: head.start, end: tail.end, text: text.slice(head.start, tail.end), possessive: tail.possessive });
  }
  return spans;
}

/** The words of the corpus that also occur in lower case, and those capitalised away from a sentence start. */
export interface CapitalisationEvidence {
  readonly lowerCase: ReadonlySet<string>;
  readonly capitalisedInside: ReadonlySet<string>;
}

export function capitalisationEvidence(units: readonly SentenceUnit[]): CapitalisationEvidence {
  const lowerCase = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const unit of units) {
    for (const token of wordTokens(unit)) {
      if (/^\p{Ll}/u.test(token.text)) lowerCase.add(token.text);
      else if (token.index > 0) capitalisedInside.add(token.text);
    }
  }
  return { lowerCase, capitalisedInside };
}
