/**
 * Whether a question is about something else than the text, though a sentence may look likely: none of its
 * nouns and names is in the text (or only as another part of speech), or none of its words, or none but those
 * naming the kind of answer. Certain rather than learned, so outside the fitted model (decideAnswer applies them).
 */
import { isGenericNoun } from '../question/question-analysis.js';
import type { CandidateRanking } from './rank-candidates.js';

/** What the question reader found missing from the text. */
export interface MissingWords {
  /** Question words the corpus never uses, rarest in English first (after typo correction). */
  readonly unknownWords: readonly string[];
  /** Question words the text has only a word of the same family of ("environmentalists" ~ "environmental"): not absent. */
  readonly relatedWords?: readonly string[];
  /** Names the question uses that the text never mentions. */
  readonly unknownNames: readonly string[];
  /** The question's nouns and names, and those of them the text never uses. */
  readonly topics: readonly string[];
  readonly absentTopics: readonly string[];
  /** Topics the text has only as another part of speech ("book" of a text that says "would book elsewhere"): not what the question is about. */
  readonly otherwiseUsedTopics?: readonly string[];
  /** The question's own content words. */
  readonly ownWords?: readonly string[];
  /** The asker's coming days the question asks about, in words the text never uses ("what's the weather like tomorrow"). */
  readonly nearFuture?: string | undefined;
  /** What the question asks of the asker's present moment ("what time it is now"): a text was written before it. */
  readonly askerNow?: string | undefined;
  /** The message asks footnote to do something ("recommend me a good movie") rather than asks about something. */
  readonly request?: boolean;
  /** What such a request asks for ("can you make me a study schedule" → "schedule"), when it names it. */
  readonly requestedThing?: string | undefined;
}

/**
 * A question none of whose nouns the text uses is about something else — unless a sentence answers it this
 * likely: casual questions name one thing in their own words ("did crime go up" of a text that says "thefts rose").
 */
export const OFF_TOPIC_UNLESS = 0.6;

/**
 * Share of the question's rarity-weighted words the text lacks at or above which it is about something else:
 * all of them. Paraphrases use many words the text lacks and still ask about it.
 */
export const OFF_TOPIC_SHARE = 0.999;

/**
 * Every noun and name of the question is absent from the text by stem, a close relative in the word vectors
 * not counting, or is there only as another part of speech: "can you help me with my essay" of a text that has
 * "help" but no "essay". Applied to requests only: a request about the text names what it wants ("can you
 * explain the tariffs"), while a question may ask about the text's things in its own words ("did crime go up"
 * of a text that says "thefts").
 */
export function namesNoTopicOfTheText(missing: MissingWords): boolean {
  return missing.topics.length > 0 && missing.topics.every((topic) => missing.unknownWords.includes(topic) || otherwiseUsed(missing, topic));
}

function otherwiseUsed(missing: MissingWords, topic: string): boolean {
  return (missing.otherwiseUsedTopics ?? []).includes(topic);
}

/**
 * A request for a thing the text never speaks of: "can you make me a study schedule" of a text that says "to study
 * what went right" but has no schedule. The thing asked for decides, not the words that say which one ("study"), and
 * as in namesNoTopicOfTheText a close relative in the word vectors does not count (a request names what it wants).
 */
export function asksForSomethingElse(missing: MissingWords): boolean {
  const thing = missing.requestedThing;
  return (
    missing.request === true && thing !== undefined && missing.topics.includes(thing) && (missing.unknownWords.includes(thing) || otherwiseUsed(missing, thing))
  );
}

/** Every one of the question's words is absent from the text (by stem, after typo correction), with no word of its family there either. */
export function sharesNoWord(ranking: CandidateRanking, missing: MissingWords): boolean {
  return missing.unknownWords.length > 0 && (missing.relatedWords ?? []).length === 0 && ranking.questionLevel.unknownShare >= OFF_TOPIC_SHARE;
}

/**
 * The question names nothing but what kind of answer it wants ("who is the richest person alive": no noun but
 * "person"), and every other word of it is one the text lacks, with no word of its family there: it describes
 * nothing the text speaks of.
 */
function describesNothingOfTheText(missing: MissingWords): boolean {
  const describing = (missing.ownWords ?? []).filter((word) => !isGenericNoun(word));
  return (
    missing.topics.length === 0 &&
    describing.length > 0 &&
    (missing.relatedWords ?? []).length === 0 &&
    describing.every((word) => missing.unknownWords.includes(word))
  );
}

/**
 * The word to name when the question is about something the text never speaks of: every one of its nouns
 * and names is absent ("what time does the library close?") or there only as another part of speech ("recommend
 * a good book" of a text where tourists "would book elsewhere"), or every one of its words, or every word but
 * those naming the kind of answer. The rarest absent word is named, as it says most about what is missing.
 */
export function aboutSomethingElse(ranking: CandidateRanking, missing: MissingWords, request = false): string | undefined {
  const allTopicsAbsent = missing.topics.length > 0 && missing.topics.every((topic) => missing.absentTopics.includes(topic) || otherwiseUsed(missing, topic));
  if (
    !allTopicsAbsent &&
    !sharesNoWord(ranking, missing) &&
    !describesNothingOfTheText(missing) &&
    !(request && (namesNoTopicOfTheText(missing) || asksForSomethingElse(missing)))
  )
    return undefined;
  if (request && asksForSomethingElse(missing) && missing.requestedThing !== undefined) return missing.requestedThing;
  // Named: an absent topic, else a topic the text only has a relative of ("telephone" of a text that says "phone"), else any word.
  return (
    missing.unknownWords.find((word) => missing.absentTopics.includes(word)) ??
    missing.absentTopics[0] ??
    missing.unknownWords.find((word) => missing.topics.includes(word)) ??
    missing.otherwiseUsedTopics?.[0] ??
    missing.unknownWords[0]
  );
}
