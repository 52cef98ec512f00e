/**
 * Quizzes generated from the text. Every question is answered by a span of one sentence, shown afterwards:
 * - why: the reason, consequence or purpose the text states (reason-questions.ts);
 * - which-true: the one statement the text makes among altered copies (statement-questions.ts);
 * - order: which of some dated events came first (order-questions.ts);
 * - who-said / who-is: who said or reported a claim, who is described as … (entity-questions.ts);
 * - fill-in: a name or number blanked out of the clause that holds it (entity- and number-questions.ts).
 * Fill-in is kept to 30% of a quiz (fewer questions rather than more fill-in), no other kind over
 * 40% while others are left, one question per sentence, and
 * questions spread over paragraphs. The seed drives every choice, so the same seed on the same text always
 * gives the same quiz.
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/types.js';
import { seededRandom, type SeededRandom } from '../seeded-random.js';
import { questionCandidates } from './quiz-candidates.js';
import type { QuestionCandidate, QuestionKind, QuizQuestion } from './quiz-question.js';
import { resolveScope, type StudyProblem } from './study-scope.js';

export const MAX_QUIZ_QUESTIONS = 10;

export interface QuizOptions {
  /** 1–10. */
  readonly count: number;
  /** A section name (a unique prefix or fragment is enough); the whole text when omitted. */
  readonly section?: string | undefined;
  /** Any text or number; the same seed gives the same quiz. */
  readonly seed: string | number;
}

export type { QuizAnswerKind, QuestionKind, QuizQuestion } from './quiz-question.js';

export interface Quiz {
  readonly seed: string;
  readonly title: string;
  readonly section: string | undefined;
  /** In reading order. May be fewer than asked for when the text (or section) offers fewer good questions. */
  readonly questions: readonly QuizQuestion[];
}

export type QuizOutcome = { readonly ok: true; readonly quiz: Quiz } | { readonly ok: false; readonly problem: StudyProblem };

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

/**
 * What a front end says when the quiz has fewer questions than were asked for: the text (or section) offers
 * too few good questions of the kinds a quiz mixes, and fill-in is kept to its share rather than padding it.
 */
export function shortQuizNote(quiz: Quiz, asked: number): string | undefined {
  if (quiz.questions.length >= asked) return undefined;
  return `the ${quiz.section === undefined ? 'text' : 'section'} gave ${quiz.questions.length} good questions of the ${asked} asked for`;
}

export function isCorrect(question: QuizQuestion, choiceIndex: number): boolean {
  return choiceIndex === question.answerIndex;
}

function questionId(candidate: QuestionCandidate): string {
  const material = [candidate.quote.documentId, candidate.quote.start, candidate.answerStart, candidate.kind, candidate.prompt].join('\u0000');
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** How far the weights even out the kinds: 0 = not at all, 1 = each kind equally likely as a whole. */
const KIND_BALANCE = 0.7;

/** Most fill-in questions in a quiz of `count`, and most of any other kind. */
const shareOf = (kind: QuestionKind, count: number): number => Math.max(1, kind === 'fill-in' ? Math.floor(count * 0.3) : Math.ceil(count * 0.4));

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis), then no two questions on one sentence or
 * with one answer, each kind within its share while others are available, and a paragraph asked about
 * only once while others are left.
 */
function choose(candidates: readonly QuestionCandidate[], count: number, random: SeededRandom): QuestionCandidate[] {
  // A kind the text offers few questions of weighs more per question, so a quiz mixes kinds instead of
  // mirroring how many of each the text allows (a text rich in names would otherwise give mostly fill-ins).
  const perKindCount = new Map<QuestionKind, number>();
  for (const candidate of candidates) perKindCount.set(candidate.kind, (perKindCount.get(candidate.kind) ?? 0) + 1);
  const evenShare = candidates.length / Math.max(1, perKindCount.size);
  const balance = (kind: QuestionKind): number => Math.pow(evenShare / (perKindCount.get(kind) ?? 1), KIND_BALANCE);
  const ordered = candidates
    .map((candidate) => ({ candidate, key: Math.pow(random.next(), 1 / (candidate.weight * balance(candidate.kind))) }))
    .sort((first, second) => second.key - first.key)
    .map((item) => item.candidate);
  const chosen: QuestionCandidate[] = [];
  const perKind = new Map<QuestionKind, number>();
  // Strictness 2: each kind within its share, one question per paragraph; 1: shares only; 0: any kind up to half.
  for (const strict of [2, 1, 0]) {
    for (const candidate of ordered) {
      if (chosen.length === count) break;
      if (chosen.includes(candidate)) continue;
      // Fill-in never goes past its share: a text with few other questions gets a shorter quiz, not a cloze test.
      const limit = strict >= 1 || candidate.kind === 'fill-in' ? shareOf(candidate.kind, count) : Math.ceil(count / 2);
      if ((perKind.get(candidate.kind) ?? 0) >= limit) continue;
      if (strict >= 2 && chosen.some((other) => other.unit.paragraph === candidate.unit.paragraph)) continue;
      // "Which of these does the text say?" is every statement question's prompt: their choices tell them apart.
      const samePrompt = (other: QuestionCandidate): boolean => other.prompt === candidate.prompt && candidate.kind !== 'which-true';
      const clash = chosen.some((other) => other.unit === candidate.unit || samePrompt(other) || other.answerKey === candidate.answerKey);
      if (clash) continue;
      chosen.push(candidate);
      perKind.set(candidate.kind, (perKind.get(candidate.kind) ?? 0) + 1);
    }
  }
  // A quiz that came out shorter keeps fill-in within its share of the questions it has: the last fill-ins chosen go.
  while (chosen.filter((candidate) => candidate.kind === 'fill-in').length > Math.max(1, Math.floor(chosen.length * 0.3)) && chosen.length > 1) {
    const last = chosen.findLastIndex((candidate) => candidate.kind === 'fill-in');
    chosen.splice(last, 1);
  }
  return chosen;
}
