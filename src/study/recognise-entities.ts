/**
 * A small rule-based recogniser of the people, organisations and places a text names. It has no list of
 * names: it reads runs of capitalised words and weighs the words around them (titles, institution and
 * place nouns, "in …", "according to …", appositives), then lets co-ordinated names ("Turkey, Azerbaijan,
 * and Armenia") share a kind and links a lone surname to the full name mentioned nearest before it.
 * Here: reading names into candidate mentions; entity-votes.ts weighs them, entity-building.ts makes entities.
 */
import type { Corpus } from '../corpus/types.js';
import { perCorpus } from '../corpus/per-corpus.js';
import { chronoReadings } from '../language/chrono-readings.js';
import { isDictionaryWord, tagWords } from '../language/part-of-speech.js';
import { STOPWORDS } from '../language/tokenize.js';
import { COMPASS_WORDS, DEMONYM_ENDINGS, EVENT_HEADS, LEGAL_SUFFIXES, ORGANISATION_HEADS, PLACE_HEADS, TITLE_WORDS } from './entity-cues.js';
import { capitalisationEvidence, nameSpans, SENTENCE_OPENERS, wordTokens, type NameSpan, type WordToken } from './name-spans.js';
import { sentenceUnits, type SentenceUnit } from './sentence-units.js';

import { entityKey, spanOf, type Candidate, type Entity } from './entity-types.js';
import { addContextCues, addHeadCues, linkCoordinated } from './entity-votes.js';
import { buildEntities } from './entity-building.js';

export { entityKey } from './entity-types.js';
export type { Entity, EntityGroup, EntityKind, SentenceSpan } from './entity-types.js';

/** The entities of the corpus in order of first mention. Cached per corpus: the tools share one reading. */
export const recogniseEntities: (corpus: Corpus) => readonly Entity[] = perCorpus(recognise);

function recognise(corpus: Corpus): Entity[] {
  const units = sentenceUnits(corpus);
  const evidence = capitalisationEvidence(units);
  const isCommonWord = (word: string, runLength: number): boolean => {
    const lower = word.toLowerCase();
    // "The" and "In" are capitalised inside names too ("The Washington Post"), but at a sentence start they are just words.
    if (STOPWORDS.has(lower) || SENTENCE_OPENERS.has(lower)) return true;
    if (evidence.capitalisedInside.has(word)) return false;
    // "Police figures …", "Customers that …": an English word alone, which the text never capitalises elsewhere.
    return evidence.lowerCase.has(lower) || /(?:ly|ing|ed)$/u.test(lower) || (runLength === 1 && isDictionaryWord(lower));
  };
  const readings = units.map((unit) => {
    const tokens = wordTokens(unit);
    const dates = dateRanges(unit);
    const spans = nameSpans(unit, tokens, isCommonWord).filter((span) => !dates.some((date) => date.start <= span.start && span.end <= date.end));
    return { unit, tokens, spans };
  });
  const singleWordNames = new Map<string, number>();
  const nameWords = new Set<string>();
  for (const { spans } of readings) {
    for (const span of spans) {
      for (const token of span.tokens) nameWords.add(token.text);
      if (span.tokens.length === 1) singleWordNames.set(span.text, (singleWordNames.get(span.text) ?? 0) + 1);
    }
  }
  const demonyms = findDemonyms(nameWords);
  const authors = new Set(corpus.documents.flatMap((document) => (document.author === undefined ? [] : document.author.split(/,|\band\b/u, 1).map(entityKey))));
  const candidates: Candidate[] = [];
  readings.forEach((reading, index) => {
    const spans = mergeSiblingNames(reading.spans, singleWordNames);
    const own: Candidate[] = [];
    for (const span of spans) own.push(...candidatesOf(span, reading.tokens, { demonyms, singleWordNames, lowerCase: evidence.lowerCase }));
    linkCoordinated(own);
    // The name a sentence opens with, and the next sentence goes on about "he" or "she": a person; "it": an institution.
    const next = readings[index + 1];
    const subject = own[0];
    if (subject !== undefined && next?.unit.document === reading.unit.document && subject.span.start - reading.unit.sentence.start <= 4) {
      if (/^(?:He|She|His|Her)\b/u.test(next.unit.sentence.text)) subject.votes.person += 1.5;
      else if (/^(?:It|Its)\b/u.test(next.unit.sentence.text)) subject.votes.organisation += 1;
    }
    // A byline's name is a person.
    for (const candidate of own) if (authors.has(candidate.key)) candidate.votes.person += 5;
    candidates.push(...own);
  });
  return buildEntities(candidates, new Set(demonyms.values()));
}

/** Where chrono-node reads a date in the sentence: "in May", "on Tuesday", "May 2006" name no one. */
function dateRanges(unit: SentenceUnit): { start: number; end: number }[] {
  const { sentence } = unit;
  return chronoReadings(sentence.text).map((result) => ({ start: sentence.start + result.index, end: sentence.start + result.index + result.text.length }));
}

/** "Russian" → "Russia", "Turkish" → "Turkey": adjective of nationality → the name it comes from. */
function findDemonyms(nameWords: ReadonlySet<string>): Map<string, string> {
  const demonyms = new Map<string, string>();
  for (const word of nameWords) {
    const ending = DEMONYM_ENDINGS.find((candidate) => word.endsWith(candidate));
    if (ending === undefined) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length < 3) continue;
    for (const base of nameWords) {
      if (base === word || base.length < 4 || base.includes('-') || base.includes(' ')) continue;
      if (base === stem || (base.startsWith(stem) && base.length - stem.length <= 2)) {
        demonyms.set(word, base);
        break;
      }
    }
  }
  return demonyms;
}

/** "brothers Hussein and Ziyaddin Safarov": a lone first name joined by "and" to a full name shares its surname. */
function mergeSiblingNames(spans: readonly NameSpan[], singleWordNames: ReadonlyMap<string, number>): NameSpan[] {
  const merged: NameSpan[] = [];
  for (let index = 0; index < spans.length; index += 1) {
    const first = spans[index] as NameSpan;
    const second = spans[index + 1];
    const text = first.unit.document.text;
    if (
      second !== undefined &&
      first.tokens.length === 1 &&
      !first.possessive &&
      second.tokens.length === 2 &&
      (singleWordNames.get(first.text) ?? 0) === 1 &&
      text.slice(first.end, second.start) === ' and ' &&
      second.tokens.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token.text))
    ) {
      merged.push({
        unit: first.unit,
        tokens: [...first.tokens, ...second.tokens],
        start: first.start,
        end: second.end,
        text: text.slice(first.start, second.end),
        possessive: second.possessive,
      });
      index += 1;
      continue;
    }
    merged.push(first);
  }
  return merged;
}

function newCandidate(unit: SentenceUnit, tokens: readonly WordToken[], start: number, end: number): Candidate {
  const text = unit.document.text.slice(start, end);
  return {
    span: { unit, start, end, text },
    key: entityKey(text),
    tokens,
    votes: { person: 0, organisation: 0, place: 0 },
    roles: [],
    aliases: [],
    links: new Set(),
    partKeys: [],
    source: false,
    thing: 0,
  };
}

function candidatesOf(
  span: NameSpan,
  sentenceTokens: readonly WordToken[],
  context: { demonyms: ReadonlyMap<string, string>; singleWordNames: ReadonlyMap<string, number>; lowerCase: ReadonlySet<string> },
): Candidate[] {
  const { unit } = span;
  let tokens = [...span.tokens];
  const results: Candidate[] = [];

  // "Kremlin Spokesperson Dmitry Peskov": the title is the role, the words after it the person, the words before it an institution.
  const titleIndexes = tokens.flatMap((token, index) => (TITLE_WORDS.has(token.text) ? [index] : []));
  const lastTitle = titleIndexes.at(-1);
  const firstTitle = titleIndexes[0];
  // "Premier League", "General Conference": a title word before an institution's head is part of its name.
  const head = tokens.at(-1)?.text ?? '';
  // "General Electric": a title followed by one English word is a company's name, not a person's.
  const oneWordAfterTitle = titleIndexes[0] === 0 && tokens.length === 2 && isDictionaryWord(head);
  const namesInstitution = ORGANISATION_HEADS.has(head) || PLACE_HEADS.has(head) || EVENT_HEADS.has(head) || oneWordAfterTitle;
  if (lastTitle !== undefined && firstTitle !== undefined && lastTitle < tokens.length - 1 && !namesInstitution) {
    const nameTokens = tokens.slice(lastTitle + 1);
    const person = newCandidate(unit, nameTokens, (nameTokens[0] as WordToken).start, (nameTokens.at(-1) as WordToken).end);
    person.votes.person += 3;
    person.roles.push({ span: spanOf(unit, (tokens[0] as WordToken).start, (tokens[lastTitle] as WordToken).end), kind: 'person', weight: 2 });
    addContextCues(person, sentenceTokens, context.demonyms);
    results.push(person);
    const prefix = stripDemonyms(tokens.slice(0, firstTitle), context.demonyms, { keepOne: false });
    if (prefix.length > 0) {
      const institution = newCandidate(unit, prefix, (prefix[0] as WordToken).start, (prefix.at(-1) as WordToken).end);
      institution.votes.organisation += 3;
      addHeadCues(institution);
      results.push(institution);
    }
    return results;
  }

  // A name that gives its own short form in brackets ("Russian House (Rossotrudnichestvo)", "… Service (FSB)")
  // is written out in full, adjective and all, as institutions introduce themselves.
  const introduced = NAMED_IN_BRACKETS.test(unit.sentence.text.slice(span.end - unit.sentence.start));
  if (!introduced) tokens = stripDemonyms(tokens, context.demonyms);
  const last = tokens.at(-1);
  if (last === undefined || EVENT_HEADS.has(last.text) || (tokens.length === 1 && context.demonyms.has(last.text))) return results;
  if (tokens.length === 1 && adjectiveOfOrigin(unit, last)) return results;
  // "…, Inc.", "Dillon, Read & Co.": a company's legal suffix on its own names no one.
  if (tokens.length === 1 && LEGAL_SUFFIXES.has(last.text.toLowerCase())) return results;

  // "Russia-Iran-India" names three places; "Nagorno-Karabakh" is one place that contains another.
  if (tokens.length === 1 && /[-‑]/u.test(last.text)) {
    const parts = partsOf(last);
    const known = parts.filter((part) => context.singleWordNames.has(part.text));
    if (known.length >= 2) {
      const pieces = parts.map((part) => newCandidate(unit, [last], part.start, part.end));
      for (const piece of pieces) for (const other of pieces) if (piece !== other) piece.links.add(other);
      results.push(...pieces);
      return results;
    }
    const whole = newCandidate(unit, tokens, last.start, last.end);
    whole.partKeys.push(...known.map((part) => entityKey(part.text)));
    addHeadCues(whole);
    addContextCues(whole, sentenceTokens, context.demonyms);
    // "KGO-TV", "WJZ-TV": capitals joined by a hyphen are an institution's call sign or code, never a person or a place.
    if (/^[\p{Lu}\d]+(?:[-‑][\p{Lu}\d]+)+$/u.test(last.text)) {
      whole.votes.person = 0;
      whole.votes.place = 0;
      whole.votes.organisation += 0.5;
    }
    results.push(whole);
    return results;
  }

  const candidate = newCandidate(unit, tokens, (tokens[0] as WordToken).start, last.end);
  if (introduced) candidate.votes.organisation += 2;
  addHeadCues(candidate);
  addContextCues(candidate, sentenceTokens, context.demonyms, span.start);
  // A name the text also turns into an adjective ("Western" from "West") is a country or region.
  if ([...context.demonyms.values()].includes(candidate.span.text)) candidate.votes.place += 2;
  // A lone acronym ("FSB", "BBC") is an institution, or a place when the text puts it there ("in the UK"); one the
  // text also writes in lower case is a word ("active in IT").
  if (tokens.length === 1 && /^\p{Lu}+$/u.test(last.text)) {
    candidate.votes.person = 0;
    if (context.lowerCase.has(last.text.toLowerCase())) candidate.votes.place = 0;
    else if (!modifiesNoun(unit, last)) candidate.votes.organisation += 0.5;
  }
  // A middle initial ("George B. Storer") is how people's names are written.
  const institution = ORGANISATION_HEADS.has(last.text) || PLACE_HEADS.has(last.text);
  if (tokens.length >= 3 && !institution && tokens.slice(1, -1).some((token) => /^\p{Lu}$/u.test(token.text))) candidate.votes.person += 3;
  // A full name whose surname the text also uses alone ("Mark Woods" … "Woods offered"): a person.
  const plain = tokens.length >= 2 && tokens.length <= 3 && tokens.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token.text));
  const wordsOnly = tokens.every((token) => isDictionaryWord(token.text));
  if (plain && !wordsOnly && !COMPASS_WORDS.has(tokens[0]?.text ?? '') && context.singleWordNames.has(last.text)) candidate.votes.person += 2;
  results.push(candidate);
  return results;
}

/**
 * "the Irish broadcaster", "a Mediterranean city", "European settlement": a word of the English lexicon with the
 * ending of a nationality or region, written before a lower-case word, is an adjective, not a name.
 */
function adjectiveOfOrigin(unit: SentenceUnit, token: WordToken): boolean {
  if (!DEMONYM_ENDINGS.some((ending) => token.text.endsWith(ending)) || token.possessive || !isDictionaryWord(token.text)) return false;
  return /^\s+\p{Ll}/u.test(unit.document.text.slice(token.tokenEnd, token.tokenEnd + 3));
}

/** "HD channels", "an AC motor": an acronym written before a noun describes it rather than naming an actor. */
function modifiesNoun(unit: SentenceUnit, token: WordToken): boolean {
  const { sentence } = unit;
  const words = tagWords(sentence.text);
  const next = words.find((word) => word.start >= token.tokenEnd - sentence.start);
  return next !== undefined && next.pos === 'NOUN' && sentence.text.slice(token.tokenEnd - sentence.start, next.start).trim() === '';
}

/** What follows a name that introduces its own short form: " (FSB)", " (Rossotrudnichestvo)". */
const NAMED_IN_BRACKETS = /^\s*\(\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*){0,3}\)/u;

function partsOf(token: WordToken): { text: string; start: number; end: number }[] {
  const parts: { text: string; start: number; end: number }[] = [];
  let offset = token.start;
  for (const part of token.text.split(/[-‑]/u)) {
    parts.push({ text: part, start: offset, end: offset + part.length });
    offset += part.length + 1;
  }
  return parts;
}

/** "Russian House" keeps its adjective (it is part of the name); "Russian Riedel" does not. */
function stripDemonyms(tokens: readonly WordToken[], demonyms: ReadonlyMap<string, string>, options = { keepOne: true }): WordToken[] {
  const last = tokens.at(-1);
  if (last !== undefined && (ORGANISATION_HEADS.has(last.text) || PLACE_HEADS.has(last.text))) return [...tokens];
  const kept = [...tokens];
  while (kept.length > (options.keepOne ? 1 : 0) && demonyms.has((kept[0] as WordToken).text)) kept.shift();
  return kept;
}
