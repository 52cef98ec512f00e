/**
 * Offline follow-up resolution: whether a question leans on the earlier turn (a pronoun, a continuing opening,
 * nothing named of its own), what that turn was about, and the question rewritten to stand on its own.
 */
import { STOPWORDS } from '../language/lexicon.js';
import { tokenize } from '../language/tokenize.js';
import { namedNounPhrases, readEntities } from '../answering/sentence-entities.js';
import { tagWords } from '../language/part-of-speech.js';
import type { Turn } from './conversation-store.js';

/**
 * Words that stand for something said earlier, with their role: a question using one leans on the earlier turn
 * whatever else it names. `person`: stands for someone ("what did she say?" → whom a "who" answer named);
 * `replaced`: the word the earlier subject takes the place of ("who shot it down?" → "who shot the plane down?"),
 * as itself or, for a possessive, as "X’s"; "there", "then" and "her" lean without being replaced.
 */
interface PronounRole {
  readonly person: boolean;
  readonly replaced?: 'itself' | 'possessive';
}

const PRONOUNS: ReadonlyMap<string, PronounRole> = new Map([
  ['it', { person: false, replaced: 'itself' }],
  ["it's", { person: false }],
  ['its', { person: false, replaced: 'possessive' }],
  ['they', { person: true, replaced: 'itself' }],
  ['them', { person: true, replaced: 'itself' }],
  ['their', { person: true, replaced: 'possessive' }],
  ['theirs', { person: true }],
  ['he', { person: true, replaced: 'itself' }],
  ['him', { person: true, replaced: 'itself' }],
  ['his', { person: true, replaced: 'possessive' }],
  ['she', { person: true, replaced: 'itself' }],
  ['her', { person: true }],
  ['hers', { person: true }],
  ['there', { person: false }],
  ['then', { person: false }],
]);

/** A pattern for the pronouns of `PRONOUNS` that pass `keep`, matched as whole words, case-insensitively. */
function pronounPattern(keep: (role: PronounRole) => boolean): RegExp {
  const words = [...PRONOUNS].filter(([, role]) => keep(role)).map(([word]) => word);
  return new RegExp(String.raw`\b(${words.join('|')})\b`, 'iu');
}

const ANY_PRONOUN = pronounPattern(() => true);
const PERSONAL_PRONOUN = pronounPattern((role) => role.person);
const SUBJECT_PRONOUN = pronounPattern((role) => role.replaced === 'itself');
const POSSESSIVE_PRONOUN = pronounPattern((role) => role.replaced === 'possessive');
const THING_PRONOUN = pronounPattern((role) => !role.person && role.replaced !== undefined);
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
  return { leans: ANY_PRONOUN.test(question) || CONTINUING_START.test(question) || topics.length === 0 };
}

/**
 * True when one of a leaning question's `words` (those the text lacks) is the action asked about: "why was it
 * shut down?" asks about the earlier subject in a verb the text lacks (it says "the closure of…"), as does
 * "what happened then?"; "how old is he?" asks for something the text may not give.
 */
export function asksActionTheTextLacks(question: string, words: readonly string[]): boolean {
  return tagWords(question).some((word) => word.pos === 'VERB' && words.includes(word.text.toLowerCase()));
}

/** True when a pronoun of the question takes the place of the earlier subject ("who shot it down?", "what was its role?"). */
export function replacesSubject(question: string): boolean {
  return SUBJECT_PRONOUN.test(question) || POSSESSIVE_PRONOUN.test(question);
}

const DESCRIBING = new Set(['ADJ', 'ADV']);

/**
 * True when a yes-or-no question's `words` (those the text lacks) only describe: "is it real?", "was
 * that legal?" ask whether the earlier subject is so, and the text may say so in other words ("a notion that
 * seems more like media speculation"); "is it going to rain tomorrow" names something of its own.
 */
export function onlyDescribes(question: string, words: readonly string[]): boolean {
  const tagged = tagWords(question);
  // A yes-or-no question ("is it…", "was he…"); "how old is he?" asks for a number the text may not give.
  if (words.length === 0 || tagged[0]?.pos !== 'AUX') return false;
  const tags = new Map(tagged.map((word) => [word.text.toLowerCase(), word.pos]));
  return words.every((word) => DESCRIBING.has(tags.get(word) ?? ''));
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
  const tokens = tokenize(question);
  const words = tokens.filter((token) => topics.includes(token.word));
  words.sort((first, second) => (rank(second.word) ?? Infinity) - (rank(first.word) ?? Infinity));
  const rarest = words[0];
  if (rarest === undefined) return undefined;
  // The whole compound it stands in ("the sputnik staff", "the safarov brothers"): "they" is the staff, not Sputnik.
  let first = tokens.indexOf(rarest);
  let last = first;
  while (first > 0 && topics.includes(tokens[first - 1]?.word ?? '')) first -= 1;
  while (last + 1 < tokens.length && topics.includes(tokens[last + 1]?.word ?? '')) last += 1;
  return question.slice(tokens[first]?.start ?? rarest.start, tokens[last]?.end ?? rarest.end);
}

/**
 * Whom a "who" question's answer named, for a later "they", "he" or "she": the first name in the answer the
 * question does not use ("who criticised the plan?" → "Critics in the opposition Green List say…" → "Green List").
 */
export function answeredPerson(question: string, answer: string): string | undefined {
  const asked = new Set(tokenize(question).map((token) => token.word));
  return readEntities(answer).names.find((name) => !tokenize(name).every((token) => asked.has(token.word)));
}

type SubjectTurn = Partial<Pick<Turn, 'subject' | 'person' | 'abstained'>>;

/**
 * What a follow-up's pronoun or ellipsis stands for: the person an earlier "who" answer named, for
 * "he"/"she"/"they"; else the subject. "it" and "its" never stand for a person (`isPerson`, read in the text):
 * after "how did the plane crash happen", "did putin say sorry", the question "what else did russia do to fix
 * it" is about the crash, the latest subject of the `earlier` turns (oldest first) that is not a person.
 */
export function subjectFor(
  question: string,
  turn: SubjectTurn,
  earlier: readonly SubjectTurn[] = [],
  isPerson: (name: string) => boolean = () => false,
): string | undefined {
  if (PERSONAL_PRONOUN.test(question)) return turn.person ?? turn.subject;
  if (turn.subject === undefined || !THING_PRONOUN.test(question) || !isPerson(turn.subject)) return turn.subject;
  const thing = [...earlier].reverse().find((before) => !before.abstained && before.subject !== undefined && !isPerson(before.subject));
  return thing?.subject ?? turn.subject;
}

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
