/**
 * Quizzes generated from the text. Three kinds of question, each answered by a span of one sentence:
 * - fill in the blank: a sentence with a name, number or year taken out;
 * - "who is described as …": a person or institution from the title or appositive the text gives it;
 * - "which source says that …": the outlet the text cites for a claim.
 * The seed drives every choice (questions, distractors, order of choices), so the same seed on the same
 * text always gives the same quiz.
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/types.js';
import { containsPhrase, entityChoice, pickDistractors, rankEntities, rankNumbers } from './distractors.js';
import { findNumbers, type NumberExpression } from '../language/number-expressions.js';
import { recogniseEntities, type Entity, type SentenceSpan } from './recognise-entities.js';
import { seededRandom, type SeededRandom } from '../seeded-random.js';
import { sentenceUnits, type SentenceUnit } from './sentence-units.js';
import { resolveScope, type StudyProblem } from './study-scope.js';
import { quoteSentence, type Quote } from './study-quote.js';
import { REPORTING_VERBS } from './entity-cues.js';

export const MAX_QUIZ_QUESTIONS = 10;

export interface QuizOptions {
  /** 1–10. */
  readonly count: number;
  /** A section name (a unique prefix or fragment is enough); the whole text when omitted. */
  readonly section?: string | undefined;
  /** Any text or number; the same seed gives the same quiz. */
  readonly seed: string | number;
}

export type QuestionKind = 'multiple-choice' | 'fill-in';
export type QuizAnswerKind = 'person' | 'organisation' | 'place' | 'year' | 'number';

export interface QuizQuestion {
  /** Stable for the same question on the same text, whatever the seed: the key for review cards. */
  readonly id: string;
  readonly kind: QuestionKind;
  readonly answerKind: QuizAnswerKind;
  readonly prompt: string;
  readonly choices: readonly string[];
  readonly answerIndex: number;
  /** Document offsets of the correct choice, inside the quote. */
  readonly answerStart: number;
  readonly answerEnd: number;
  /** The sentence the question comes from: the explanation shown after an answer. */
  readonly quote: Quote;
}

export interface Quiz {
  readonly seed: string;
  readonly title: string;
  readonly section: string | undefined;
  /** In reading order. May be fewer than asked for when the text (or section) offers fewer good questions. */
  readonly questions: readonly QuizQuestion[];
}

export type QuizOutcome = { readonly ok: true; readonly quiz: Quiz } | { readonly ok: false; readonly problem: StudyProblem };

interface Candidate {
  readonly kind: QuestionKind;
  readonly answerKind: QuizAnswerKind;
  readonly prompt: string;
  readonly answer: string;
  /** What the answer is, whatever its wording: "15" and "Fifteen" are one answer. */
  readonly answerKey: string;
  readonly answerStart: number;
  readonly distractors: readonly string[];
  readonly unit: SentenceUnit;
  readonly quote: Quote;
  readonly weight: number;
}

const BLANK = '_____';
/** A name the text repeats this often is a giveaway as an answer ("Baku", "Moscow"). */
const MOST_MENTIONS_FOR_AN_ANSWER = 12;
const MINIMUM_DISTRACTORS = 2;

export function makeQuiz(corpus: Corpus, options: QuizOptions): QuizOutcome {
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > MAX_QUIZ_QUESTIONS) {
    return { ok: false, problem: { kind: 'bad-count', message: `A quiz has 1 to ${MAX_QUIZ_QUESTIONS} questions; ${String(options.count)} was asked for.` } };
  }
  const scope = resolveScope(corpus, options.section);
  if (!scope.ok) return scope;
  const seed = String(options.seed);
  const candidates = questionCandidates(corpus, scope.units, seed);
  const chosen = choose(candidates, options.count, seededRandom(`${seed}|choose`));
  if (chosen.length === 0)
    return { ok: false, problem: { kind: 'nothing-to-ask', message: `There is too little in “${scope.title}” to ask about: try the whole text.` } };

  const questions = chosen
    .sort((first, second) => first.unit.position - second.unit.position || first.answerStart - second.answerStart)
    .map((candidate): QuizQuestion => {
      const random = seededRandom(`${seed}|choices|${candidate.answerStart}`);
      const choices = random.shuffle([candidate.answer, ...candidate.distractors]);
      return {
        id: questionId(candidate),
        kind: candidate.kind,
        answerKind: candidate.answerKind,
        prompt: candidate.prompt,
        choices,
        answerIndex: choices.indexOf(candidate.answer),
        answerStart: candidate.answerStart,
        answerEnd: candidate.answerStart + candidate.answer.length,
        quote: candidate.quote,
      };
    });
  return { ok: true, quiz: { seed, title: scope.title, section: scope.section, questions } };
}

export function isCorrect(question: QuizQuestion, choiceIndex: number): boolean {
  return choiceIndex === question.answerIndex;
}

function questionId(candidate: Candidate): string {
  const material = [candidate.quote.documentId, candidate.quote.start, candidate.answerStart, candidate.kind, candidate.prompt].join('\u0000');
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis), then no two questions on one sentence or
 * with one answer, and no answer kind taking more than about 40% of the quiz while others are available.
 */
function choose(candidates: readonly Candidate[], count: number, random: SeededRandom): Candidate[] {
  const ordered = candidates
    .map((candidate) => ({ candidate, key: Math.pow(random.next(), 1 / candidate.weight) }))
    .sort((first, second) => second.key - first.key)
    .map((item) => item.candidate);
  const chosen: Candidate[] = [];
  const perKind = new Map<QuizAnswerKind, number>();
  const capPerKind = Math.max(2, Math.ceil(count * 0.4));
  for (const capped of [true, false]) {
    for (const candidate of ordered) {
      if (chosen.length === count) break;
      if (chosen.includes(candidate)) continue;
      if (capped && (perKind.get(candidate.answerKind) ?? 0) >= capPerKind) continue;
      const clash = chosen.some((other) => other.unit === candidate.unit || other.prompt === candidate.prompt || other.answerKey === candidate.answerKey);
      if (clash) continue;
      chosen.push(candidate);
      perKind.set(candidate.answerKind, (perKind.get(candidate.answerKind) ?? 0) + 1);
    }
  }
  return chosen;
}

function questionCandidates(corpus: Corpus, units: readonly SentenceUnit[], seed: string): Candidate[] {
  const inScope = new Set(units);
  const entities = recogniseEntities(corpus);
  const allUnits = sentenceUnits(corpus);
  const corpusNumbers = allUnits.flatMap((unit) => findNumbers(unit.sentence.text));
  const candidates: Candidate[] = [];
  const randomFor = (key: string | number): SeededRandom => seededRandom(`${seed}|distractors|${key}`);
  const quoteOf = (unit: SentenceUnit): Quote | undefined => quoteSentence(unit.document, unit.paragraph, unit.sentence);

  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (!inScope.has(mention.unit)) continue;
      const quote = quoteOf(mention.unit);
      if (quote === undefined) continue;
      const fillIn = entityFillIn(entity, mention, quote, entities, randomFor(mention.start));
      if (fillIn !== undefined) candidates.push(fillIn);
      const source = sourceQuestion(entity, mention, quote, entities, randomFor(`source${mention.start}`));
      if (source !== undefined) candidates.push(source);
    }
    const role = entity.role;
    if (role !== undefined && inScope.has(role.unit)) {
      const quote = quoteOf(role.unit);
      const question = quote === undefined ? undefined : roleQuestion(entity, role, quote, entities, randomFor(`role${role.start}`));
      if (question !== undefined) candidates.push(question);
    }
  }

  for (const unit of units) {
    const quote = quoteOf(unit);
    if (quote === undefined) continue;
    for (const number of findNumbers(unit.sentence.text)) {
      const question = numberFillIn(unit, number, quote, corpusNumbers, randomFor(unit.sentence.start + number.start));
      if (question !== undefined) candidates.push(question);
    }
  }
  return candidates;
}

function blankOut(quote: Quote, start: number, end: number): string {
  return `Fill in the blank: ${quote.text.slice(0, start - quote.start)}${BLANK}${quote.text.slice(end - quote.start)}`;
}

function occurrences(text: string, phrase: string): number {
  const words = (value: string): string[] =>
    value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '');
  const haystack = words(text);
  const needle = words(phrase);
  let count = 0;
  for (let index = 0; index + needle.length <= haystack.length; index += 1) {
    if (needle.every((word, offset) => haystack[index + offset] === word)) count += 1;
  }
  return count;
}

function entityFillIn(entity: Entity, mention: SentenceSpan, quote: Quote, entities: readonly Entity[], random: SeededRandom): Candidate | undefined {
  if (entity.mentions.length > MOST_MENTIONS_FOR_AN_ANSWER) return undefined;
  const sameSentence = entity.mentions.filter((other) => other.unit === mention.unit);
  if (sameSentence.length > 1 || occurrences(quote.text, mention.text) !== 1) return undefined;
  const surname = entity.kind === 'person' && !mention.text.includes(' ') && entity.name.includes(' ');
  // "the _____": a choice must not bring its own "The".
  const dropArticle = /\bthe\s+$/iu.test(quote.text.slice(0, mention.start - quote.start));
  const ranked = rankEntities({ answer: entity, entities, nearPosition: mention.unit.position, random }).map((other) =>
    entityChoice(other, surname ? 'surname' : 'full', dropArticle),
  );
  const distractors = pickDistractors({ answer: mention.text, quoteText: quote.text, ranked });
  if (distractors.length < MINIMUM_DISTRACTORS) return undefined;
  const kindWeight = entity.kind === 'person' ? 1.2 : entity.kind === 'organisation' ? 1.1 : 0.8;
  return {
    kind: 'fill-in',
    answerKind: entity.kind,
    prompt: blankOut(quote, mention.start, mention.end),
    answer: mention.text,
    answerKey: `entity:${entity.key}`,
    answerStart: mention.start,
    distractors,
    unit: mention.unit,
    quote,
    weight: kindWeight / Math.sqrt(entity.mentions.length),
  };
}

/** "Who is described in the text as “Kremlin Spokesperson”?" */
function roleQuestion(entity: Entity, role: SentenceSpan, quote: Quote, entities: readonly Entity[], random: SeededRandom): Candidate | undefined {
  if (entity.kind === 'place') return undefined;
  const mention = entity.mentions
    .filter((candidate) => candidate.unit === role.unit)
    .sort((first, second) => distanceBetween(first, role) - distanceBetween(second, role))[0];
  if (mention === undefined || containsPhrase(role.text, mention.text)) return undefined;
  const prompt =
    entity.kind === 'person'
      ? /^who\s/iu.test(role.text)
        ? `Who ${role.text.slice(4)}, according to the text?`
        : `Who does the text describe as “${role.text}”?`
      : `Which organisation does the text describe as the “${role.text}”?`;
  const surname = entity.kind === 'person' && !mention.text.includes(' ') && entity.name.includes(' ');
  const ranked = rankEntities({ answer: entity, entities, nearPosition: role.unit.position, random }).map((other) =>
    entityChoice(other, surname ? 'surname' : 'full', false),
  );
  const distractors = pickDistractors({ answer: mention.text, quoteText: quote.text, ranked });
  if (distractors.length < MINIMUM_DISTRACTORS || distractors.some((distractor) => containsPhrase(prompt, distractor))) return undefined;
  return {
    kind: 'multiple-choice',
    answerKind: entity.kind,
    prompt,
    answer: mention.text,
    answerKey: `entity:${entity.key}`,
    answerStart: mention.start,
    distractors,
    unit: role.unit,
    quote,
    weight: 2,
  };
}

function distanceBetween(first: SentenceSpan, second: SentenceSpan): number {
  return first.end <= second.start ? second.start - first.end : first.start - second.end;
}

/** "According to Al Jazeera, …" or "Euronews reported that …" → "Which source … ?" */
function sourceQuestion(entity: Entity, mention: SentenceSpan, quote: Quote, entities: readonly Entity[], random: SeededRandom): Candidate | undefined {
  if (entity.group !== 'source') return undefined;
  const sentence = quote.text;
  const before = sentence.slice(0, mention.start - quote.start);
  const after = sentence.slice(mention.end - quote.start);
  let prompt: string | undefined;
  if (/^According to\s+(?:the\s+)?(?:\p{Lu}\p{Ll}+\s+)?$/u.test(before)) {
    const claim = /^[^,]*,\s+(.+?)[.!]?$/su.exec(after)?.[1];
    if (claim !== undefined) prompt = `Which source does the text cite for this: “${claim}”?`;
  } else {
    const reported = /^\s+(\p{Ll}+)\s+that\s+(.+?)[.!]?$/su.exec(after);
    if (reported !== null && REPORTING_VERBS.has(reported[1] ?? '') && before.trim() === '') prompt = `Which source ${reported[1]} that ${reported[2]}?`;
  }
  if (prompt === undefined || containsPhrase(prompt, mention.text)) return undefined;
  const ranked = rankEntities({ answer: entity, entities, nearPosition: mention.unit.position, random }).map((other) => entityChoice(other, 'full', false));
  const distractors = pickDistractors({ answer: mention.text, quoteText: quote.text, ranked });
  if (distractors.length < MINIMUM_DISTRACTORS) return undefined;
  return {
    kind: 'multiple-choice',
    answerKind: 'organisation',
    prompt,
    answer: mention.text,
    answerKey: `entity:${entity.key}`,
    answerStart: mention.start,
    distractors,
    unit: mention.unit,
    quote,
    weight: 2,
  };
}

function numberFillIn(
  unit: SentenceUnit,
  number: NumberExpression,
  quote: Quote,
  corpusNumbers: readonly NumberExpression[],
  random: SeededRandom,
): Candidate | undefined {
  if (occurrences(quote.text, number.text) !== 1) return undefined;
  const start = unit.sentence.start + number.start;
  const ranked = rankNumbers({ answer: number, corpusNumbers, random });
  const distractors = pickDistractors({ answer: number.text, quoteText: quote.text, ranked });
  if (distractors.length < MINIMUM_DISTRACTORS) return undefined;
  // "the two countries" is a poor question; "67 people" and "2023" are good ones.
  const weight = number.unit === 'year' ? 1.3 : number.value <= 2 && number.scale === '' ? 0.3 : 1.2;
  return {
    kind: 'fill-in',
    answerKind: number.unit === 'year' ? 'year' : 'number',
    prompt: blankOut(quote, start, start + number.text.length),
    answer: number.text,
    answerKey: `number:${number.value}${number.scale}`,
    answerStart: start,
    distractors,
    unit,
    quote,
    weight,
  };
}
