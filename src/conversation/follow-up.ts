/**
 * Offline follow-up resolution: decides whether a question leans on earlier turns (pronouns, ellipsis,
 * very few words of its own) and, if so, which earlier text to carry over as context.
 */
import { STOPWORDS } from '../language/lexicon.js';
import { tokenize } from '../language/tokenize.js';
import { namedNounPhrases, readEntities } from '../answering/sentence-entities.js';

/** Words that stand for something said earlier: a question using one leans on the earlier turn whatever else it names. */
const PRONOUNS = /\b(it|its|it's|they|them|their|theirs|he|him|his|she|her|hers|there|then)\b/iu;
/** Openings that continue the earlier question ("and why?", "what about the victims?", "why not?"). */
const CONTINUING_START = /^\s*(and|but|so|also|what about|how about|why not|how come|what else|anything else|since when|who else|really)\b/iu;

export interface FollowUpDecision {
  /** True when the question should be read together with earlier turns. */
  readonly leans: boolean;
}

/**
 * `topics` are the question's own nouns and names (question-topics.ts, read from its grammar). A question
 * leans on the earlier turn when it uses a pronoun ("who shot it down?", "who lives there?"), continues it ("and why?", "what
 * about the victims?"), or names nothing of its own ("how many died?", "why?", "is that true?"). One that
 * names its own subject, however short and however typed, stands alone: "why does baku need russia" after a
 * question about Rossotrudnichestvo is not about Rossotrudnichestvo, and "this" or "why" alone do not make a
 * question a follow-up.
 */
export function resolveFollowUp(question: string, topics: readonly string[]): FollowUpDecision {
  return { leans: PRONOUNS.test(question) || CONTINUING_START.test(question) || topics.length === 0 };
}

/**
 * What a turn was about, to stand in for a later "she", "it" or an ellipsis: its first noun phrase that
 * holds a name ("the Azal plane"), else the names it used, else its rarest noun in English (`topics`, the
 * question's nouns: "what happened to the plane" is about the plane, not about happening).
 */
export function subjectOf(question: string, rank: (word: string) => number | undefined, topics: readonly string[]): string | undefined {
  const phrase = namedNounPhrases(question)[0];
  if (phrase !== undefined) return phrase.replace(/[’']s$/u, '');
  const firstWordEnd = /^\s*\S+/u.exec(question)?.[0].length ?? 0;
  const names = [...question.slice(firstWordEnd).matchAll(/\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*/gu)]
    .map((match) => match[0].replace(/[’']s$/u, ''))
    .filter((name) => !STOPWORDS.has(name.toLowerCase()));
  if (names.length > 0) return names.join(' ');
  const words = tokenize(question).filter((token) => topics.includes(token.word));
  words.sort((first, second) => (rank(second.word) ?? Infinity) - (rank(first.word) ?? Infinity));
  return words[0] === undefined ? undefined : question.slice(words[0].start, words[0].end);
}

/**
 * Whom a "who" question's answer named, for a later "they", "he" or "she": the first name in the answer the
 * question does not use ("who criticised the plan?" → "Critics in the opposition Green List say…" → "Green List").
 */
export function answeredPerson(question: string, answer: string): string | undefined {
  const asked = new Set(tokenize(question).map((token) => token.word));
  return readEntities(answer).names.find((name) => !tokenize(name).every((token) => asked.has(token.word)));
}

const PERSONAL_PRONOUN = /\b(he|she|they|him|her|them|his|their)\b/iu;

/** What a follow-up's pronoun or ellipsis stands for: the person an earlier "who" answer named, for "he"/"she"/"they"; else the subject. */
export function subjectFor(question: string, turn: { readonly subject?: string | undefined; readonly person?: string | undefined }): string | undefined {
  return turn.person !== undefined && PERSONAL_PRONOUN.test(question) ? turn.person : turn.subject;
}

const SUBJECT_PRONOUN = /\b(he|she|it|they|him|them)\b/iu;
const POSSESSIVE_PRONOUN = /\b(his|its|their)\b/iu;

/**
 * The follow-up as a question of its own: the first pronoun becomes the earlier subject ("what did she
 * say?" → "what did Zakharova say?"); with no pronoun (ellipsis: "how many died?") the subject is added.
 */
export function standaloneFollowUp(question: string, subject: string): string {
  if (question.toLowerCase().includes(subject.toLowerCase())) return question;
  if (SUBJECT_PRONOUN.test(question)) return question.replace(SUBJECT_PRONOUN, subject);
  if (POSSESSIVE_PRONOUN.test(question)) return question.replace(POSSESSIVE_PRONOUN, `${subject}’s`);
  const trimmed = question.trim().replace(/[?.!]+$/u, '');
  return `${trimmed} (${subject})?`;
}
