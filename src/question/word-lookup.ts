/**
 * Look-ups over a word list that reading a question needs for a word the corpus lacks — the words within one
 * or two edits, the words it begins, the words of its family — through indexes built once per list, so a
 * question costs the same on one article's 2,000 words and on a library's 60,000 (it scanned them all before).
 *
 * Words within `k` edits are found through letter pairs: with the word padded as "^word$", one edit removes
 * at most two of its distinct pairs, so a word within k edits shares all but 2k of them. Only words passing
 * that count are measured with Levenshtein, which keeps the answer exactly the scan's.
 */
import { distance } from 'fastest-levenshtein';
import { wordFamilyKeys } from '../language/tokenize.js';

export class WordLookup {
  private readonly words: readonly string[];
  private pairs: Map<string, number[]> | undefined;
  private sorted: string[] | undefined;
  private families: Map<string, number[]> | undefined;
  private positions: Map<string, number> | undefined;
  private unaccented: Map<string, string> | undefined;
  /** Reused per query: how many letter pairs each word shares with it, and which words have a count. */
  private shared: Uint16Array | undefined;

  constructor(words: Iterable<string>) {
    this.words = [...words];
  }

  /**
   * The word within `allowed` edits (of 4+ letters), two letters swapped counting as one edit ("ukriane" →
   * ukraine): the closest first, then the one sharing the first letter, then one a dropped letter or a swap
   * gives ("plne" → plane, not pine), then — `byOrder` for a list in order of
   * preference (English by frequency: "dring" → during, not drink) — the earliest in the list, else the first in
   * alphabetical order; undefined when none is that close.
   */
  closest(word: string, allowed: number, byOrder = false): string | undefined {
    let best: { word: string; score: number } | undefined;
    const consider = (candidate: string, edits: number, swap = false) => {
      // Fingers drop a letter or swap two more often than they hit a wrong or an extra one: "plne" is plane, not pine.
      const score = edits - (candidate[0] === word[0] ? 0.5 : 0) - (swap || isOneLetterShort(word, candidate) ? 0.25 : 0);
      if (best === undefined || score < best.score || (score === best.score && this.before(candidate, best.word, byOrder))) best = { word: candidate, score };
    };
    for (const candidate of this.withinEdits(word, allowed)) {
      if (candidate.length < 4) continue;
      const edits = distance(word, candidate);
      if (edits <= allowed) consider(candidate, edits);
    }
    if (allowed >= 1) for (const candidate of this.swapped(word)) if (candidate.length >= 4) consider(candidate, 1, true);
    return best?.word;
  }

  /** The words that are `word` with two neighbouring letters swapped: one slip of the fingers, two edits for Levenshtein. */
  private swapped(word: string): string[] {
    const positions = this.positionsOf();
    const found: string[] = [];
    for (let at = 0; at + 1 < word.length; at += 1) {
      if (word[at] === word[at + 1]) continue;
      const variant = `${word.slice(0, at)}${word[at + 1] ?? ''}${word[at] ?? ''}${word.slice(at + 2)}`;
      if (positions.has(variant)) found.push(variant);
    }
    return found;
  }

  private before(first: string, second: string, byOrder: boolean): boolean {
    if (!byOrder) return first < second;
    const positions = this.positionsOf();
    return (positions.get(first) ?? Infinity) < (positions.get(second) ?? Infinity);
  }

  private positionsOf(): Map<string, number> {
    return (this.positions ??= new Map(this.words.map((word, at) => [word, at])));
  }

  /**
   * The word that is `word` with accents ("pais" → país, "muntzer" → müntzer): how a keyboard without them
   * types the text's word. The first alphabetically when several are; undefined when none.
   */
  withAccents(word: string): string | undefined {
    const unaccented = (this.unaccented ??= this.byUnaccented());
    return unaccented.get(word);
  }

  private byUnaccented(): Map<string, string> {
    const found = new Map<string, string>();
    for (const known of [...this.words].sort()) {
      const plain = withoutAccents(known);
      if (plain !== known && !found.has(plain)) found.set(plain, known);
    }
    return found;
  }

  /**
   * The word that differs from `word` only in which letters are doubled ("tarrifs" → tariffs, "ocurred" →
   * occurred, "tommorow" → tomorrow): the commonest misspelling that one edit misses. The first alphabetically
   * when several do; undefined when none.
   */
  sameButDoubling(word: string): string | undefined {
    const key = singleLetters(word);
    let found: string | undefined;
    for (const candidate of this.withinEdits(word, 2)) {
      if (candidate !== word && candidate.length >= 4 && singleLetters(candidate) === key && (found === undefined || candidate < found)) found = candidate;
    }
    return found;
  }

  /** The words that begin with `prefix`, in alphabetical order. */
  *beginningWith(prefix: string): Generator<string> {
    const sorted = (this.sorted ??= [...this.words].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < sorted.length && (sorted[at] as string).startsWith(prefix); at += 1) yield sorted[at] as string;
  }

  /** Whether a word of the same family as `word` (sameWordFamily in tokenize.ts) is within `lengthDifference` letters of it. */
  hasFamilyMember(word: string, lengthDifference: number): boolean {
    const families = (this.families ??= this.indexBy(wordFamilyKeys));
    for (const key of wordFamilyKeys(word)) {
      for (const id of families.get(key) ?? []) if (Math.abs((this.words[id] as string).length - word.length) <= lengthDifference) return true;
    }
    return false;
  }

  /** Every word that may be within `allowed` edits of `word` (a superset: the letter-pair count is necessary, not sufficient). */
  private withinEdits(word: string, allowed: number): string[] {
    const pairs = (this.pairs ??= this.indexBy(pairsOf));
    const shared = (this.shared ??= new Uint16Array(this.words.length));
    const own = pairsOf(word);
    const needed = own.size - 2 * allowed;
    const touched: number[] = [];
    for (const pair of own) {
      for (const id of pairs.get(pair) ?? []) {
        if (shared[id] === 0) touched.push(id);
        shared[id] = (shared[id] as number) + 1;
      }
    }
    const found: string[] = [];
    // A word sharing no pair is still within reach when the word is so short that every pair may change.
    if (needed <= 0) {
      for (const candidate of this.words) if (Math.abs(candidate.length - word.length) <= allowed) found.push(candidate);
    } else {
      for (const id of touched) {
        const candidate = this.words[id] as string;
        if ((shared[id] as number) >= needed && Math.abs(candidate.length - word.length) <= allowed) found.push(candidate);
      }
    }
    for (const id of touched) shared[id] = 0;
    return found;
  }

  /** Word ids by each key `keysOf` gives their word (letter pairs, family keys), built once on first use. */
  private indexBy(keysOf: (word: string) => Iterable<string>): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.words.forEach((word, id) => {
      for (const key of keysOf(word)) {
        const list = index.get(key);
        if (list === undefined) index.set(key, [id]);
        else list.push(id);
      }
    });
    return index;
  }
}

/** The distinct letter pairs of "^word$". */
function pairsOf(word: string): Set<string> {
  const padded = `^${word}$`;
  const pairs = new Set<string>();
  for (let at = 0; at + 1 < padded.length; at += 1) pairs.add(padded.slice(at, at + 2));
  return pairs;
}

const lookups = new WeakMap<object, WordLookup>();

/**
 * One lookup per word list (a corpus vocabulary's words; English's commonest `limit` words), built on first use
 * and kept while the list is. The list must not change afterwards: vocabularies are built once per index.
 */
/** Every run of one letter written once: "tarrifs" and "tariffs" are both "tarifs". */
function singleLetters(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/** Latin letters without their accents ("müntzer" → muntzer); other scripts as they are. */
function withoutAccents(word: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no work
  return /^[\u0000-\u007f]*$/u.test(word)
    ? word
    : word
        .normalize('NFD')
        .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
        .normalize('NFC');
}

/** `typed` is `meant` with one letter left out. */
function isOneLetterShort(typed: string, meant: string): boolean {
  if (meant.length !== typed.length + 1) return false;
  let at = 0;
  while (at < typed.length && typed[at] === meant[at]) at += 1;
  return typed.slice(at) === meant.slice(at + 1);
}

export function wordLookupOf(words: ReadonlyMap<string, unknown> | readonly string[], limit = Infinity): WordLookup {
  let lookup = lookups.get(words);
  if (lookup === undefined) {
    lookup = new WordLookup(isList(words) ? words.slice(0, limit) : words.keys());
    lookups.set(words, lookup);
  }
  return lookup;
}

function isList(words: ReadonlyMap<string, unknown> | readonly string[]): words is readonly string[] {
  return Array.isArray(words);
}
