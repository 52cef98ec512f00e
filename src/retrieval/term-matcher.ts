/**
 * How well a question word is matched by a corpus word: 1 for the same stem, a little less for the
 * same word family (apologised ~ apology, Russian ~ Russia), and otherwise the pretrained word vectors'
 * similarity (quarrel ~ tension, cut ~ sever) mapped onto 0..1 so that unrelated words count nothing.
 * Every kind of match is a look-up (by stem, by family key, by vector neighbours), never a scan of the
 * corpus vocabulary, so a question costs the same on one article and on a whole library.
 */
import type { WordVectors } from '../embeddings/word-vectors.js';
import { wordFamilyKeys } from '../language/tokenize.js';
import { runAtOnce, runInTurns, type Sliced } from './in-turns.js';
import type { LexicalIndex } from './lexical-index.js';
import { WordNeighbours, type WordNeighboursOptions } from './word-neighbours.js';

export interface TermMatcherSettings {
  /** Word-vector cosine at or below which a pair counts nothing. */
  readonly floor: number;
  /**
   * The floor for pairs involving a very common word (frequency rank below `commonRank`): common words
   * sit close to many others in GloVe space ("close" ~ "time" 0.65), so they must be closer to count.
   */
  readonly commonFloor: number;
  readonly commonRank: number;
  /** Cosine at which a pair counts as much as `ceilingValue`. */
  readonly ceiling: number;
  readonly ceilingValue: number;
  readonly familyValue: number;
}

export const DEFAULT_TERM_MATCHER: TermMatcherSettings = { floor: 0.4, commonFloor: 0.5, commonRank: 1500, ceiling: 0.9, ceilingValue: 0.9, familyValue: 0.85 };

/** Porter stems join words far apart in meaning ("author" ~ "authorities"): a stem match that adds more than an inflection counts less. */
const INFLECTION_LENGTH = 3;
const DERIVED_VALUE = 0.6;

/** 1 for the same word or an inflection of it ("died" ~ "dies"); less when the shared stem hides a derivation. */
export function stemMatchStrength(word: string, candidate: string, settings: Pick<TermMatcherSettings, 'familyValue'> = DEFAULT_TERM_MATCHER): number {
  if (Math.abs(word.length - candidate.length) <= INFLECTION_LENGTH) return 1;
  return Math.min(settings.familyValue, DERIVED_VALUE);
}

export class TermMatcher {
  private readonly cache = new Map<string, ReadonlyMap<string, number>>();
  private readonly byStem: Map<string, string[]>;
  private readonly byFamilyKey: Map<string, string[]>;
  private readonly neighbours: WordNeighbours | undefined;

  constructor(
    vocabulary: ReadonlyMap<string, string>,
    private readonly words: WordVectors | undefined,
    private readonly settings: TermMatcherSettings = DEFAULT_TERM_MATCHER,
    neighbours: WordNeighboursOptions = {},
    grouped: GroupedVocabulary = runAtOnce(groupVocabulary(vocabulary)),
  ) {
    this.byStem = grouped.byStem;
    this.byFamilyKey = grouped.byFamilyKey;
    // Built with the engine rather than on the first question, so no member's question pays for it.
    this.neighbours =
      words === undefined
        ? undefined
        : new WordNeighbours(
            [...vocabulary.keys()].filter((candidate) => words.has(candidate)),
            words,
            neighbours,
          );
  }

  /** The same, with the vocabulary grouped in turns of the event loop (a library's vocabulary runs to 50k+ words). */
  static async build(
    vocabulary: ReadonlyMap<string, string>,
    words: WordVectors | undefined,
    settings: TermMatcherSettings = DEFAULT_TERM_MATCHER,
    neighbours: WordNeighboursOptions = {},
  ): Promise<TermMatcher> {
    return new TermMatcher(vocabulary, words, settings, neighbours, await runInTurns(groupVocabulary(vocabulary)));
  }

  /** Corpus words similar to `word` (with stem `stem`), each with a match strength in (0, 1]. */
  matches(word: string, stem: string): ReadonlyMap<string, number> {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const found = new Map<string, number>();
    for (const candidate of this.byStem.get(stem) ?? []) found.set(candidate, stemMatchStrength(word, candidate, this.settings));
    for (const key of wordFamilyKeys(word)) {
      for (const candidate of this.byFamilyKey.get(key) ?? []) if (!found.has(candidate)) found.set(candidate, this.settings.familyValue);
    }
    const wordRank = this.words?.rank(word);
    if (wordRank !== undefined && this.words !== undefined && this.neighbours !== undefined) {
      const floor = Math.min(this.settings.floor, this.settings.commonFloor);
      for (const [candidate, similarity] of this.neighbours.near(word, floor)) {
        if (found.has(candidate)) continue;
        const strength = this.strengthOf(similarity, Math.min(wordRank, this.words.rank(candidate) ?? Infinity));
        if (strength > 0) found.set(candidate, strength);
      }
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private strengthOf(similarity: number, commonestRank: number): number {
    const { ceiling, ceilingValue } = this.settings;
    const floor = commonestRank < this.settings.commonRank ? this.settings.commonFloor : this.settings.floor;
    if (similarity <= floor) return 0;
    return Math.min(ceilingValue, ((similarity - floor) / (ceiling - floor)) * ceilingValue);
  }
}

interface GroupedVocabulary {
  readonly byStem: Map<string, string[]>;
  readonly byFamilyKey: Map<string, string[]>;
}

function* groupVocabulary(vocabulary: ReadonlyMap<string, string>): Sliced<GroupedVocabulary> {
  const byStem = new Map<string, string[]>();
  const byFamilyKey = new Map<string, string[]>();
  let count = 0;
  for (const [word, stem] of vocabulary) {
    append(byStem, stem, word);
    for (const key of wordFamilyKeys(word)) append(byFamilyKey, key, word);
    // A turn may be given up every 64 words: resuming the generator at every word cost more than the grouping.
    if ((count += 1) % 64 === 0) yield;
  }
  return { byStem, byFamilyKey };
}

function append(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [word]);
  else list.push(word);
}

/** A name counts as mentioned when matched at least this well: same stem, family or prefix, or a close vector (Azerbaijan ~ Baku). */
export const NAME_MATCH = 0.5;
/** Same stem, word family or long prefix (vector neighbours stay below this). */
export const STRICT_MATCH = 0.85;

/** The strongest match among `words` for a question word's matches. */
export function bestMatch(matches: ReadonlyMap<string, number>, words: readonly string[]): number {
  let best = 0;
  for (const word of words) {
    const strength = matches.get(word);
    if (strength !== undefined && strength > best) {
      best = strength;
      if (best === 1) break;
    }
  }
  return best;
}

/** The question word's stem and the corpus stems matching it as strongly as a word family does. */
export function strictStems(lexical: LexicalIndex, stem: string, matches: ReadonlyMap<string, number>): Set<string> {
  const stems = new Set([stem]);
  for (const [word, strength] of matches) {
    const matched = strength >= STRICT_MATCH ? lexical.vocabulary.get(word) : undefined;
    if (matched !== undefined) stems.add(matched);
  }
  return stems;
}
