/**
 * What a question asks for, read from its wording: the content terms to look for, and the kind of
 * answer expected (a number, a person, a time, a reason...). Metadata questions ("who wrote this?")
 * are recognised so they can be answered from the title, date line and byline.
 */
import { isContentWord, tokenize, type Token } from '../language/tokenize.js';
import { asksForPerson } from '../language/name-words.js';

export type AnswerKind = 'person' | 'number' | 'time' | 'place' | 'reason' | 'manner' | 'thing';
export type MetadataAsk = 'author' | 'date' | 'title';

export interface QueryTerm {
  readonly word: string;
  readonly stem: string;
  /** 1 for the question's own words; lower for words carried over from earlier turns. */
  readonly weight: number;
  /** Context terms (carried over from earlier turns) are matched against the whole passage, not one sentence. */
  readonly context: boolean;
}

export interface AnalyzedQuestion {
  readonly text: string;
  readonly terms: readonly QueryTerm[];
  readonly answerKind: AnswerKind;
  readonly metadata: MetadataAsk | undefined;
  /** Names the question mentions (capitalised words past its first word): a passage that answers it names them too. */
  readonly names: readonly NameTerm[];
  /**
   * The attribute asked for in "how many X", "how much X", "what is the X of Y": the sentence that
   * answers must speak of X itself — the article can name Y often and still never give its X.
   */
  readonly focus: Focus | undefined;
}

export interface NameTerm extends QueryTerm {
  /** "a Qatari broadcaster": a nationality adjective that describes rather than names; not required in the answer. */
  readonly descriptive: boolean;
}

export interface Focus {
  readonly term: QueryTerm;
  /**
   * 'attribute' ("what is the population of Y"): the sentence must name X itself and Y with it.
   * 'action' ("who heads Sputnik's bureau"): the sentence must speak of that action, loosely.
   */
  readonly kind: 'attribute' | 'action';
}

const NUMBER_WORDS =
  /\b(how many|how much|how old|how long|how far|how big|how large|how tall|how high|what (?:is|was) the (?:population|size|number|total|age)|what (?:share|percentage|percent|proportion|number|amount|fraction)|what per ?cent)\b/iu;
const TIME_WORDS = /\b(when|what year|which year|what date|how long ago|since when|what time)\b/iu;
const PERSON_WORDS = /^(?:who|whom|whose)\b/iu;
const PLACE_WORDS = /\b(where|which (?:country|countries|city|cities|region|regions|place|territor\w*))\b/iu;

export function analyzeQuestion(text: string): AnalyzedQuestion {
  const tokens = tokenize(text).filter((token) => isContentWord(token.word));
  const terms = uniqueTerms(tokens, 1, false);
  const firstWordEnd = /^\s*\S+/u.exec(text)?.[0].length ?? 0;
  const nameTokens = tokens.filter((token) => token.start >= firstWordEnd && /^\p{Lu}/u.test(text.slice(token.start, token.end)));
  const names = uniqueTerms(nameTokens, 1, false).map((term) => ({
    ...term,
    descriptive: nameTokens.some((token) => token.stem === term.stem && isDescriptiveDemonym(text, token)),
  }));
  return { text, terms, answerKind: answerKindOf(text), metadata: metadataAskOf(text), names, focus: focusOf(text, terms) };
}

/** Adds earlier-turn terms the question does not already have, as low-weight context terms. */
export function withContext<Question extends AnalyzedQuestion>(question: Question, contextText: string, weight: number): Question {
  const own = new Set(question.terms.map((term) => term.stem));
  const carried = uniqueTerms(
    tokenize(contextText).filter((token) => isContentWord(token.word) && !own.has(token.stem)),
    weight,
    true,
  );
  return { ...question, terms: [...question.terms, ...carried] };
}

function uniqueTerms(tokens: readonly Token[], weight: number, context: boolean): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const token of tokens) {
    if (seen.has(token.stem)) continue;
    seen.add(token.stem);
    terms.push({ word: token.word, stem: token.stem, weight, context });
  }
  return terms;
}

const GENERIC_FOCUS = new Set(['number', 'name', 'amount', 'size', 'total', 'kind', 'type', 'level', 'sort', 'part', 'share', 'percentage', 'proportion']);

const AUXILIARIES = new Set([
  'is',
  'was',
  'are',
  'were',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'may',
  'might',
  'else',
]);

/**
 * Category nouns are answered by instances ("which countries?" → "Russia-Iran-India"), so they cannot be
 * required in the answering sentence the way an attribute ("population", "currency") can.
 */
const CATEGORY_NOUNS = new Set([
  'country',
  'countries',
  'state',
  'states',
  'nation',
  'nations',
  'city',
  'cities',
  'place',
  'places',
  'region',
  'regions',
  'territory',
  'territories',
  'person',
  'people',
  'man',
  'men',
  'woman',
  'women',
  'official',
  'officials',
  'leader',
  'leaders',
  'politician',
  'group',
  'groups',
  'organisation',
  'organisations',
  'organization',
  'organizations',
  'company',
  'companies',
  'newspaper',
  'newspapers',
  'outlet',
  'outlets',
  'media',
  'agency',
  'broadcaster',
  'source',
  'sources',
  'year',
  'years',
  'month',
  'day',
  'date',
  'time',
  'event',
  'events',
  'thing',
  'things',
  'word',
  'words',
  'term',
  'phrase',
  'one',
  'ones',
  'side',
  'sides',
  'figure',
  'figures',
  'institution',
  'body',
  'network',
]);

/** Nouns that only say what kind of answer is wanted ("what time", "which countries", "the number of"), never what it is about. */
export function isGenericNoun(word: string): boolean {
  return GENERIC_FOCUS.has(word) || CATEGORY_NOUNS.has(word);
}

function focusOf(text: string, terms: readonly QueryTerm[]): Focus | undefined {
  const termFor = (word: string | undefined) => (word === undefined ? undefined : terms.find((candidate) => candidate.word === word.toLowerCase()));
  // "who heads Sputnik's bureau?": the action the answer must speak of
  const action = /^\s*who\s+([\p{L}-]+)/iu.exec(text)?.[1]?.toLowerCase();
  if (action !== undefined && !AUXILIARIES.has(action)) {
    const term = termFor(action);
    return term === undefined ? undefined : { term, kind: 'action' };
  }
  // "how many X", "what is the X of Y", "who is the X of Y"
  const ofPattern =
    /\bhow (?:many|much)\s+([\p{L}-]+)|\b(?:what|which|who) (?:is|was|are|were) (?:the|its|their|his|her) ([\p{L}-]+)(?:\s+([\p{L}-]+))?\s+(?:of|for|in)\b/iu.exec(
      text,
    );
  if (ofPattern === null) return undefined;
  const word = [ofPattern[1], ofPattern[2], ofPattern[3]].find(
    (candidate) => candidate !== undefined && !GENERIC_FOCUS.has(candidate.toLowerCase()) && candidate.toLowerCase() !== 'of',
  );
  const term = termFor(word);
  return term === undefined || CATEGORY_NOUNS.has(term.word) ? undefined : { term, kind: 'attribute' };
}

/**
 * "a Qatari broadcaster", "an American newspaper": a nationality adjective before a common noun
 * describes rather than names, and the text may well say "Al Jazeera" instead.
 */
function isDescriptiveDemonym(text: string, token: Token): boolean {
  const word = text.slice(token.start, token.end);
  if (!/(?:an|ian|ish|ese|i|ic)$/u.test(word)) return false;
  return /^\s+\p{Ll}/u.test(text.slice(token.end));
}

/** The same test for a name word as a question typed in lower case writes it ("what about armenian forces"). */
export function isDescriptiveName(text: string, word: string): boolean {
  const token = tokenize(text).find((candidate) => candidate.word === word);
  return token !== undefined && isDescriptiveDemonym(text, token);
}

/** The kind of answer, read from the question word that opens the question proper ("In what lines of work..." → thing). */
function answerKindOf(question: string): AnswerKind {
  const opening = /\b(who|whom|whose|what|which|when|where|why|how)\b/iu.exec(question);
  const text = opening === null ? question : question.slice(opening.index, opening.index + 60);
  // compromise (half a second to load) reads only "what/which" followed by a word that can name something ("what researcher").
  const namesNoun = () => isContentWord(tokenize(text)[1]?.word ?? '');
  let person: boolean | undefined;
  const asksPerson = () =>
    (person ??= PERSON_WORDS.test(text) || (opening !== null && /^(what|which)\b/iu.test(opening[0]) && namesNoun() && asksForPerson(text)));
  if (
    opening !== null &&
    /^(what|which)\b/iu.test(opening[0]) &&
    !NUMBER_WORDS.test(text) &&
    !TIME_WORDS.test(text) &&
    !asksPerson() &&
    !PLACE_WORDS.test(text)
  )
    return 'thing';
  if (NUMBER_WORDS.test(text)) return 'number';
  if (TIME_WORDS.test(text)) return 'time';
  if (asksPerson()) return 'person';
  if (PLACE_WORDS.test(text)) return 'place';
  if (/\b(why|what (?:caused|led|made|drove)|for what reason|what (?:is|was|are|were) the reasons?)\b/iu.test(text)) return 'reason';
  if (/\bhow\b/iu.test(text)) return 'manner';
  return 'thing';
}

/** Nouns a question uses for the document itself ("this piece", "the writer's field", "the headline"). */
const DOCUMENT_NOUNS = new Set(
  'article piece text essay analysis report story paper post reading chapter headline title byline author writer journalist correspondent'.split(' '),
);

/** True for a noun that speaks of the document itself, not of something in it. */
export function isDocumentNoun(word: string): boolean {
  return DOCUMENT_NOUNS.has(word.toLowerCase());
}

function metadataAskOf(text: string): MetadataAsk | undefined {
  const lower = text.toLowerCase().replace(/’/gu, "'");
  if (/\b(headline|title)\b/u.test(lower) && !/\b(section|heading|chapter|part)\b/u.test(lower)) return 'title';
  if (
    /\b(who (?:wrote|writes|authored|penned|is the (?:author|writer))|by whom|byline|(?:author|writer)'s (?:name|expertise|background|speciali[sz]\w*|area|field|credentials|job|profession|role|position|knowledge))\b/u.test(
      lower,
    )
  )
    return 'author';
  if (/\b(publication date|date of publication)\b/u.test(lower)) return 'date';
  const asksWhen = /\b(when|what (?:day|date|month|year)|which (?:day|date|month|year)|on what|in what (?:month|year))\b/u.test(lower);
  if (
    asksWhen &&
    /\b(publish\w*|come out|came out|appear\w*|released?|dated|(?:was|is) (?:it|this|the \w+) written|post(?:ed)?)\b/u.test(lower) &&
    /\b(article|piece|text|essay|analysis|report|story|this|it)\b/u.test(lower)
  )
    return 'date';
  return undefined;
}
