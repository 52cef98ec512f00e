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
/** "he", "she" and their forms: always a person ("they" may be things). */
const SINGULAR_PERSON = /\b(he|him|his|she|her|hers)\b/iu;
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

/** A plain opening that joins a question to the conversation ("and what did…", "but why…", "so who…"). */
const JOINING_START = /^\s*(?:and|but|so|also)\s+(.+)$/isu;

/**
 * "and what did valencias mayor say back": a question joined to the conversation by its opening alone, with a subject
 * of its own (`topics`), a verb of its own, and no pronoun standing for the earlier subject. It is a question of
 * its own first; "and the police?" (no verb: the earlier question asked of another subject) and "and where did it
 * crash" (a pronoun) are not.
 */
export function joinedButSelfContained(question: string, topics: readonly string[]): boolean {
  const rest = JOINING_START.exec(question)?.[1];
  if (rest === undefined || topics.length === 0 || ANY_PRONOUN.test(question)) return false;
  return tagWords(rest).some((word) => word.pos === 'VERB');
}

/**
 * True when one of a leaning question's `words` (those the text lacks) is the action asked about: "why was it
 * shut down?" asks about the earlier subject in a verb the text lacks (it says "the closure of…"), as does
 * "what happened then?"; "how old is he?" asks for something the text may not give.
 */
export function asksActionTheTextLacks(question: string, words: readonly string[]): boolean {
  return tagWords(question).some((word) => word.pos === 'VERB' && words.includes(word.text.toLowerCase()));
}

/**
 * True when the only words the text lacks are the adjective of a "how" question: "how old is he?", "how tall is she?"
 * ask a measure of the earlier subject, which the text may not give, not about something else.
 */
export function asksMeasureTheTextLacks(question: string, words: readonly string[]): boolean {
  const adjective = /\bhow\s+([\p{L}-]+)/iu.exec(question)?.[1]?.toLowerCase();
  return adjective !== undefined && words.length > 0 && words.every((word) => word === adjective);
}

/**
 * "how old is alexey ovchuk" → "how old Alexey Ovchuk is", for "The text doesn't say …", the subject written as `texts`
 * write it when one of them does; undefined for another form of question.
 */
export function measureAskedOf(question: string, texts: readonly string[] = []): string | undefined {
  const match = /^\s*(how\s+[\p{L}-]+)\s+(is|are|was|were)\s+(.+?)\s*\??\s*$/iu.exec(question);
  if (match === null) return undefined;
  const subject = match[3] ?? '';
  const lower = subject.toLowerCase();
  const source = texts.find((text) => text.toLowerCase().includes(lower));
  const position = source?.toLowerCase().indexOf(lower) ?? -1;
  const asWritten = source === undefined || position < 0 ? subject : source.slice(position, position + subject.length);
  return `${match[1]} ${asWritten} ${match[2]}`;
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

/** What the conversation and the text say about a subject, for `subjectFor`. */
export interface TextOfTurns {
  /** The turns before the last one, oldest first. */
  readonly earlier?: readonly SubjectTurn[];
  /** The text uses the name for a person ("Vladimir Putin’s apology"). */
  readonly isPerson?: (name: string) => boolean;
  /** The person the paragraph of the last answer names first. */
  readonly nearbyPerson?: () => string | undefined;
  /** The text writes the name capitalised mid-sentence, as a name. */
  readonly isName?: (name: string) => boolean;
}

/**
 * What a follow-up's pronoun or ellipsis stands for: the person an earlier "who" answer named, for
 * "he"/"she"/"they"; else the subject. "he" and "she" stand for a person: when the subject is no name at all
 * (`isName`: after "what was the break?", "did he influence others?"), the person the earlier answer's
 * paragraph names first (`nearbyPerson`). "it" and "its" never stand for a person (`isPerson`, read in the text): after "how did the
 * plane crash happen", "did putin say sorry", the question "what else did russia do to fix it" is about the
 * crash, the latest subject of the `earlier` turns (oldest first) that is not a person.
 */
export function subjectFor(question: string, turn: SubjectTurn, text: TextOfTurns = {}): string | undefined {
  const { earlier = [], isPerson = () => false, nearbyPerson = () => undefined, isName = () => true } = text;
  if (PERSONAL_PRONOUN.test(question)) {
    if (turn.person !== undefined) return turn.person;
    if (turn.subject !== undefined && SINGULAR_PERSON.test(question) && !isName(turn.subject)) return nearbyPerson() ?? turn.subject;
    return turn.subject;
  }
  if (turn.subject === undefined || !THING_PRONOUN.test(question) || !isPerson(turn.subject)) return turn.subject;
  const thing = [...earlier].reverse().find((before) => !before.abstained && before.subject !== undefined && !isPerson(before.subject));
  return thing?.subject ?? turn.subject;
}

/** "and the farmers?", "what about hotels?": the opening and the thing asked about instead. */
const ABOUT_ANOTHER = /^\s*(?:and|but|what about|how about)\s+(.+?)[\s?.!]*$/iu;
/** Word classes of a noun phrase ("the farmers", "golf courses", "La Unió"): "and why?", "and during the day?" are no other subject. */
const NOUN_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM']);

/**
 * "what about hotels?" after "how much do households pay?" (whose subject was "households"): the earlier
 * question asked of the other thing, "how much do hotels pay?". Undefined unless the follow-up is an opening
 * and a noun phrase with a noun or name, and the earlier question holds its subject as written.
 */
export function askedOfAnother(question: string, earlierQuestion: string, earlierSubject: string): string | undefined {
  const match = ABOUT_ANOTHER.exec(question);
  const other = match?.[1];
  if (other === undefined) return undefined;
  const tags = tagWords(other);
  if (!tags.every((word) => NOUN_PHRASE.has(word.pos)) || !tags.some((word) => word.pos === 'NOUN' || word.pos === 'PROPN')) return undefined;
  const at = earlierQuestion.toLowerCase().indexOf(earlierSubject.toLowerCase());
  if (at < 0 || other.toLowerCase().includes(earlierSubject.toLowerCase())) return undefined;
  // The other thing as typed, in place of the subject and its article ("what did the Washington Post say" → "what did al jazeera say").
  const before = earlierQuestion.slice(0, at).replace(/\b(?:the|a|an)\s+$/iu, '');
  return `${before}${other}${earlierQuestion.slice(at + earlierSubject.length)}`;
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
