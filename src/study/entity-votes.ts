/**
 * The votes a candidate mention gets from the words in and around it: the head of the name ("… Institute",
 * "… Republic"), its context ("in …", "according to …", a reporting verb, an institution or place noun), the
 * titles and appositives that make it a person, and co-ordination ("Turkey, Azerbaijan, and Armenia").
 */
import { isDictionaryWord } from '../language/part-of-speech.js';
import { STOPWORDS } from '../language/tokenize.js';
import {
  COMPASS_WORDS,
  ORGANISATION_HEADS,
  ORGANISATION_NOUNS,
  PLACE_HEADS,
  PLACE_NOUNS,
  PROGRAMME_WORDS,
  REPORTING_VERBS,
  ROLE_NOUNS,
  WORK_NOUNS,
} from './entity-cues.js';
import type { WordToken } from './name-spans.js';
import { spanOf, type Candidate, type EntityKind } from './entity-types.js';

export function addHeadCues(candidate: Candidate): void {
  const first = candidate.tokens[0]?.text ?? '';
  const last = candidate.tokens.at(-1)?.text ?? '';
  // "University of Salamanca", "Republic of Baku": the head comes before "of".
  const beforeOf = candidate.tokens[candidate.tokens.findIndex((token) => ['of', 'for', 'on'].includes(token.text)) - 1]?.text ?? '';
  if ([last, beforeOf].some((head) => ORGANISATION_HEADS.has(head))) candidate.votes.organisation += 3;
  if ([last, beforeOf].some((head) => PLACE_HEADS.has(head))) candidate.votes.place += 3;
  if (COMPASS_WORDS.has(first) && candidate.tokens.length >= 2) candidate.votes.place += 2;
}

const LOCATIVE =
  /(?:^|[\s(])(?:in|from|into|across|throughout|near|inside|outside|within|beyond)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+|central\s+)?(?:\p{Lu}[\p{L}-]*['’]s\s+)?$/u;
/** The names listed before this one after a preposition: "in New York City, Los Angeles and ", "in Burbank, ". */
const LISTED_BEFORE =
  /\s(?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}.’'-]*(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$/u;
const ACCORDING_TO = /according to\s+(?:the\s+)?(?:\p{Lu}\p{Ll}+\s+)?$/iu;

export function addContextCues(
  candidate: Candidate,
  sentenceTokens: readonly WordToken[],
  demonyms: ReadonlyMap<string, string>,
  originalStart = candidate.span.start,
): void {
  const { unit } = candidate.span;
  const sentence = unit.sentence;
  const before = sentence.text.slice(0, candidate.span.start - sentence.start);
  const beforeOriginal = sentence.text.slice(0, originalStart - sentence.start);
  const last = candidate.tokens.at(-1);
  const possessive = last?.possessive === true && last.end === candidate.span.end;
  const after = possessive ? '' : sentence.text.slice(candidate.span.end - sentence.start);
  const single = candidate.tokens.length === 1;

  // Nouns after the name: "the Sputnik news agency", "the “Balakan” regions".
  const following = /^[”’"]?\s+([\p{Ll}-]+)(?:\s+([\p{Ll}-]+))?/u.exec(after);
  if (following !== null) {
    const words = [following[1] ?? '', following[2] ?? ''];
    const roleStart = candidate.span.end + following[0].indexOf(words[0] as string);
    const nounAt = words.findIndex((word) => ORGANISATION_NOUNS.has(word) || PLACE_NOUNS.has(word));
    const noun = words[nounAt];
    if (noun !== undefined) {
      const role = spanOf(unit, roleStart, roleStart + words.slice(0, nounAt + 1).join(' ').length);
      const kind: EntityKind = ORGANISATION_NOUNS.has(noun) ? 'organisation' : 'place';
      candidate.votes[kind] += 2;
      candidate.roles.push({ span: role, kind, weight: kind === 'organisation' ? 1 : 0.5 });
    }
  }
  // The same nouns just before it: "the national weather agency AEMET", "the farmers' union La Unió",
  // "the province of Teruel".
  const preceding = /\b([\p{Ll}-]+)(?:\s+of)?\s+(?:the\s+)?$/u.exec(before);
  const nounBefore = preceding?.[1] ?? '';
  if (preceding !== null && (ORGANISATION_NOUNS.has(nounBefore) || PLACE_NOUNS.has(nounBefore))) {
    const kind: EntityKind = ORGANISATION_NOUNS.has(nounBefore) ? 'organisation' : 'place';
    candidate.votes[kind] += 2;
    // "the national weather agency AEMET": the words before the name say what the institution is.
    const described = kind === 'organisation' ? /\b(?:the|a|an)\s+((?:[\p{Ll}-]+(?:s’|s')?\s+){0,3}[\p{Ll}-]+)\s+$/u.exec(before) : null;
    const phrase = described?.[1];
    if (phrase !== undefined && phrase.endsWith(nounBefore) && !phrase.split(/\s+/u).some((word) => STOPWORDS.has(word))) {
      const roleStart = candidate.span.start - (before.length - before.lastIndexOf(phrase));
      candidate.roles.push({ span: spanOf(unit, roleStart, roleStart + phrase.length), kind, weight: 1 });
    }
  }
  const alias = /^\s*\((\p{Lu}[\p{L}\p{N}-]*)\)/u.exec(after);
  if (alias !== null) {
    const start = candidate.span.end + alias[0].indexOf('(') + 1;
    candidate.aliases.push(spanOf(unit, start, start + (alias[1] ?? '').length));
  }

  if (LOCATIVE.test(before) || LOCATIVE.test(before.replace(LISTED_BEFORE, ' ')) || /\bfrom\s+\S+\s+to\s+$/u.test(before)) candidate.votes.place += 1;
  else if (single && /\bto\s+$/u.test(before) && !/\b(?:according|thanks|due)\s+to\s+$/iu.test(before)) candidate.votes.place += 0.5;

  // A cited source: "According to Al Jazeera, …", "Euronews reported that …".
  const reporting = /^\s+(\p{Ll}+)\b/u.exec(after);
  const citedAfter =
    /^\s*,/u.test(after) ||
    /^\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)\s*,/u
      .exec(after)
      ?.slice(1)
      .some((word) => ORGANISATION_NOUNS.has(word ?? '')) === true;
  if ((ACCORDING_TO.test(beforeOriginal) && citedAfter) || (reporting !== null && REPORTING_VERBS.has(reporting[1] ?? ''))) {
    candidate.votes.organisation += 2.5;
    candidate.source = true;
  }

  addPersonCues(candidate, sentenceTokens, demonyms, { before, after, possessive });
  addThingCues(candidate, before, after);
}

/**
 * A programme, a show or a numbered thing is named like an actor but is none: "Project Apollo", "the Apollo
 * program", "such dramas as Sherlock Holmes, Gang Busters and Counterspy", "Lines 1, 2 and 7".
 */
function addThingCues(candidate: Candidate, before: string, after: string): void {
  const tokens = candidate.tokens;
  if ([tokens[0]?.text, tokens.at(-1)?.text].some((word) => PROGRAMME_WORDS.has(word ?? ''))) candidate.thing += 5;
  const next = /^\s+([\p{Ll}-]+)/u.exec(after)?.[1];
  if (next !== undefined && WORK_NOUNS.has(next)) candidate.thing += 2;
  // A common noun with a number after it names an item of a series, not an actor.
  if (tokens.length === 1 && /^\s+\d/u.test(after) && isDictionaryWord(tokens[0]?.text ?? '')) candidate.thing += 5;
  // "such dramas as A, B and C", "dramas such as A", "films like A", "shows including A".
  const list = before.replace(LISTED_BEFORE, ' ');
  const kind = /\bsuch\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)\s+as\s+$|\b([\p{Ll}-]+),?\s+(?:such\s+as|like|including)\s+$/u.exec(list);
  const noun = kind?.[1] ?? kind?.[2];
  if (noun !== undefined && WORK_NOUNS.has(noun)) candidate.thing += 5;
}

export function addPersonCues(
  candidate: Candidate,
  sentenceTokens: readonly WordToken[],
  demonyms: ReadonlyMap<string, string>,
  text: { before: string; after: string; possessive: boolean },
): void {
  const { unit } = candidate.span;
  const documentText = unit.document.text;
  const sentence = unit.sentence;

  // "political analyst Arif Yunusov", "former Azerbaijani official Eldar Namazov".
  const firstIndex = sentenceTokens.findIndex((token) => token.start === candidate.span.start);
  let roleStart: number | undefined;
  const previous = sentenceTokens[firstIndex - 1];
  if (firstIndex > 0 && previous !== undefined && ROLE_NOUNS.has(previous.text) && documentText.slice(previous.tokenEnd, candidate.span.start) === ' ') {
    roleStart = previous.start;
    for (let index = firstIndex - 2; index >= 0; index -= 1) {
      const token = sentenceTokens[index] as WordToken;
      const next = sentenceTokens[index + 1] as WordToken;
      const modifier = (/^\p{Ll}/u.test(token.text) && !STOPWORDS.has(token.text) && !token.possessive) || demonyms.has(token.text);
      if (!modifier || documentText.slice(token.tokenEnd, next.start) !== ' ') break;
      roleStart = token.start;
    }
    candidate.votes.person += 3;
    candidate.roles.push({ span: spanOf(unit, roleStart, previous.end), kind: 'person', weight: 1 });
  }

  // An appositive before: "the two victims of the Yekaterinburg incident, brothers Hussein and Ziyaddin Safarov".
  const leadEnd = (roleStart ?? candidate.span.start) - sentence.start;
  const lead = sentence.text.slice(0, leadEnd);
  if (/,\s+$/u.test(lead)) {
    const clause = lead.replace(/,\s+$/u, '');
    const clauseStart = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'), clause.lastIndexOf(':'), clause.lastIndexOf('—')) + 1;
    const phrase = bestRolePhrase(clause, clauseStart);
    if (phrase !== undefined) {
      candidate.votes.person += 3;
      candidate.roles.push({ span: spanOf(unit, sentence.start + phrase.start, sentence.start + phrase.end), kind: 'person', weight: 3 });
    }
  }

  // An appositive after: "Toral Ganjali, a member of the Baku Republic parliament, …".
  const appositive = /^,\s+((?:a|an|the)\s+[^,.;:—]{3,80}?)(?=\s*[,.;:—]|$)/u.exec(text.after);
  if (appositive !== null && hasRoleNoun(appositive[1] ?? '')) {
    const start = candidate.span.end + appositive[0].length - (appositive[1] ?? '').length;
    candidate.votes.person += 3;
    candidate.roles.push({ span: spanOf(unit, start, start + (appositive[1] ?? '').length), kind: 'person', weight: 3 });
  }
  const relative = /^,\s+(who\s+[^,.;:—]{3,100})/u.exec(text.after);
  if (relative !== null) {
    const start = candidate.span.end + relative[0].length - (relative[1] ?? '').length;
    candidate.votes.person += 3;
    candidate.roles.push({ span: spanOf(unit, start, start + (relative[1] ?? '').length), kind: 'person', weight: 1.5 });
  }

  // Two or three plain capitalised words with nothing else to go on read as a person's name ("Vladimir Putin").
  const plain = candidate.tokens.length >= 2 && candidate.tokens.length <= 3 && candidate.tokens.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token.text));
  if (plain && !/\bthe\s+$/iu.test(text.before) && !COMPASS_WORDS.has(candidate.tokens[0]?.text ?? '')) {
    // As far as its words are not ones the English model knows: most given names and surnames are not
    // ("Helena Marsh"), the words of "Sky Travel", "Project Mercury" or "Green List" are.
    if (!isDictionaryWord(candidate.tokens[0]?.text ?? '')) candidate.votes.person += 0.4;
    if (!isDictionaryWord(candidate.tokens.at(-1)?.text ?? '')) candidate.votes.person += 0.4;
  }
}

function hasRoleNoun(phrase: string): boolean {
  return phrase.split(/[^\p{L}]+/u).some((word) => ROLE_NOUNS.has(word));
}

/** The last "the/a/an …" phrase of a clause that names a role, e.g. "the two victims of the Yekaterinburg incident". */
function bestRolePhrase(clause: string, from: number): { start: number; end: number } | undefined {
  const determiners = [...clause.slice(from).matchAll(/(?:^|\s)((?:the|a|an)\s)/gu)].map(
    (match) => from + match.index + match[0].length - (match[1] ?? '').length,
  );
  for (const start of determiners.reverse()) {
    const phrase = clause.slice(start);
    if (phrase.split(/\s+/u).length <= 10 && hasRoleNoun(phrase) && !/\b(?:when|while|which|that|who)\b/u.test(phrase)) return { start, end: clause.length };
  }
  return undefined;
}

/** Names co-ordinated in a list ("Turkey, Azerbaijan, and Armenia") are usually of one kind. */
export function linkCoordinated(candidates: Candidate[]): void {
  const ordered = [...candidates].sort((first, second) => first.span.start - second.span.start);
  for (let index = 0; index + 1 < ordered.length; index += 1) {
    const first = ordered[index] as Candidate;
    const second = ordered[index + 1] as Candidate;
    if (first.tokens.at(-1)?.possessive === true && first.tokens.at(-1)?.end === first.span.end) continue;
    const gap = first.span.unit.document.text.slice(first.span.end, second.span.start);
    if (/^[”"’]?(?:\s*,)?\s*(?:(?:and|or)\s+)?(?:the\s+)?[“"‘]?$/u.test(gap) && /,|\band\b|\bor\b/u.test(gap)) {
      first.links.add(second);
      second.links.add(first);
    }
  }
}
