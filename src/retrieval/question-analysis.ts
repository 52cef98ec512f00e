/**
 * What a question asks for, read from its wording: the content terms to look for, and the kind of
 * answer expected (a number, a person, a time, a reason...). Metadata questions ("who wrote this?")
 * are recognised so they can be answered from the title, date line and byline.
 */
import { isContentWord, tokenize, type Token } from '../text/tokenize.js';

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
}

const NUMBER_WORDS = /\b(how many|how much|what (?:share|percentage|percent|proportion|number|amount|fraction)|what per ?cent)\b/iu;
const TIME_WORDS = /\b(when|what year|which year|what date|how long ago|since when|what time)\b/iu;
const PERSON_WORDS = /\b(who|whom|whose|which (?:official|person|politician|leader|minister|analyst|spokes\w*|expert|president))\b/iu;
const PLACE_WORDS = /\b(where|which (?:country|countries|city|cities|region|regions|place|territor\w*))\b/iu;

export function analyzeQuestion(text: string): AnalyzedQuestion {
  const terms = uniqueTerms(tokenize(text).filter((token) => isContentWord(token.word)), 1, false);
  return { text, terms, answerKind: answerKindOf(text), metadata: metadataAskOf(text) };
}

/** Adds earlier-turn terms the question does not already have, as low-weight context terms. */
export function withContext(question: AnalyzedQuestion, contextText: string, weight: number): AnalyzedQuestion {
  const own = new Set(question.terms.map((term) => term.stem));
  const carried = uniqueTerms(tokenize(contextText).filter((token) => isContentWord(token.word) && !own.has(token.stem)), weight, true);
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

function answerKindOf(text: string): AnswerKind {
  if (NUMBER_WORDS.test(text)) return 'number';
  if (TIME_WORDS.test(text)) return 'time';
  if (PERSON_WORDS.test(text)) return 'person';
  if (PLACE_WORDS.test(text)) return 'place';
  if (/\b(why|what (?:caused|led|made|drove)|for what reason|what (?:is|was|are|were) the reasons?)\b/iu.test(text)) return 'reason';
  if (/\bhow\b/iu.test(text)) return 'manner';
  return 'thing';
}

function metadataAskOf(text: string): MetadataAsk | undefined {
  const lower = text.toLowerCase();
  const aboutDocument = /\b(article|piece|text|essay|analysis|report|story|this|it)\b/u.test(lower);
  if (!aboutDocument) return undefined;
  if (/\b(who (?:wrote|writes|authored|penned|is the author)|(?:whose|what is the|who's the) (?:article|byline|author)|author of|written by whom|by whom)\b/u.test(lower)) return 'author';
  if (/\b(when (?:was|is) (?:the |this |it )?(?:article |piece |text |analysis |report )?(?:published|written|released|posted|dated)|publication date|date of (?:publication|the article)|what date)\b/u.test(lower)) return 'date';
  if (/\b(what is the (?:title|headline)|title of|headline of|what (?:is|was) (?:the )?(?:article|piece) called)\b/u.test(lower)) return 'title';
  return undefined;
}
