import { wordFamilyKeys } from '../language/tokenize.js';
import { WordNeighbours } from './word-neighbours.js';
export const DEFAULT_TERM_MATCHER = { floor: 0.4, commonFloor: 0.5, commonRank: 1500, ceiling: 0.9, ceilingValue: 0.9, familyValue: 0.85 };
/** Porter stems join words far apart in meaning ("author" ~ "authorities"): a stem match that adds more than an inflection counts less. */
const INFLECTION_LENGTH = 3;
const DERIVED_VALUE = 0.6;
/** 1 for the same word or an inflection of it ("died" ~ "dies"); less when the shared stem hides a derivation. */
export function stemMatchStrength(word, candidate, settings = DEFAULT_TERM_MATCHER) {
    if (Math.abs(word.length - candidate.length) <= INFLECTION_LENGTH)
        return 1;
    return Math.min(settings.familyValue, DERIVED_VALUE);
}
export class TermMatcher {
    words;
    settings;
    cache = new Map();
    byStem = new Map();
    byFamilyKey = new Map();
    neighbours;
    constructor(vocabulary, words, settings = DEFAULT_TERM_MATCHER) {
        this.words = words;
        this.settings = settings;
        for (const [word, stem] of vocabulary) {
            append(this.byStem, stem, word);
            for (const key of wordFamilyKeys(word))
                append(this.byFamilyKey, key, word);
        }
        // Built with the engine rather than on the first question, so no member's question pays for it.
        this.neighbours =
            words === undefined
                ? undefined
                : new WordNeighbours([...vocabulary.keys()].filter((candidate) => words.has(candidate)), words);
    }
    /** Corpus words similar to `word` (with stem `stem`), each with a match strength in (0, 1]. */
    matches(word, stem) {
        const cached = this.cache.get(word);
        if (cached !== undefined)
            return cached;
        const found = new Map();
        for (const candidate of this.byStem.get(stem) ?? [])
            found.set(candidate, stemMatchStrength(word, candidate, this.settings));
        for (const key of wordFamilyKeys(word)) {
            for (const candidate of this.byFamilyKey.get(key) ?? [])
                if (!found.has(candidate))
                    found.set(candidate, this.settings.familyValue);
        }
        const wordRank = this.words?.rank(word);
        if (wordRank !== undefined && this.words !== undefined && this.neighbours !== undefined) {
            const floor = Math.min(this.settings.floor, this.settings.commonFloor);
            for (const [candidate, similarity] of this.neighbours.near(word, floor)) {
                if (found.has(candidate))
                    continue;
                const strength = this.strengthOf(similarity, Math.min(wordRank, this.words.rank(candidate) ?? Infinity));
                if (strength > 0)
                    found.set(candidate, strength);
            }
        }
        if (this.cache.size > 5000)
            this.cache.clear();
        this.cache.set(word, found);
        return found;
    }
    strengthOf(similarity, commonestRank) {
        const { ceiling, ceilingValue } = this.settings;
        const floor = commonestRank < this.settings.commonRank ? this.settings.commonFloor : this.settings.floor;
        if (similarity <= floor)
            return 0;
        return Math.min(ceilingValue, ((similarity - floor) / (ceiling - floor)) * ceilingValue);
    }
}
function append(map, key, word) {
    const list = map.get(key);
    if (list === undefined)
        map.set(key, [word]);
    else
        list.push(word);
}
//# sourceMappingURL=term-matcher.js.map