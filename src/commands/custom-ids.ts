/**
 * Button custom ids (at most 100 characters, Discord's limit). They carry everything a click needs, so buttons
 * keep working after a restart: the paragraph to show, the saved answer a vote is about, the quiz to rebuild
 * from its seed and the choice made, or the review card and the version of it that was shown.
 */
import { createHash } from 'node:crypto';
import { discordLimits } from './discord-limits.js';

export type ButtonAction =
  | { readonly kind: 'paragraph'; readonly paragraph: number; readonly document: { readonly id: string } | { readonly hash: string } }
  | { readonly kind: 'vote'; readonly vote: 'up' | 'down'; readonly answerId: string }
  | { readonly kind: 'quiz'; readonly quiz: QuizKey; readonly questionId: string; readonly choicesHash: string; readonly choice: number }
  | { readonly kind: 'review'; readonly questionId: string; readonly version: number; readonly choice: number }
  /** Hard, good or easy after a right review answer: the SM-2 grade, and the card's easiness before that review. */
  | { readonly kind: 'grade'; readonly questionId: string; readonly version: number; readonly grade: 3 | 4 | 5; readonly previousEasiness: number };

/** What rebuilds a posted quiz: `makeQuiz` with the same seed, count and section gives the same questions. */
export interface QuizKey {
  readonly seed: string;
  readonly count: number;
  /** The section's position in the text's list of sections; undefined for the whole text. */
  readonly sectionIndex: number | undefined;
  /** The document's position in the library when the quiz is about one document of several. */
  readonly documentIndex?: number | undefined;
}

const prefix = 'fn';

/** A short, stable stand-in for a document id too long to fit in a custom id. */
export function documentHash(documentId: string): string {
  return createHash('sha256').update(documentId).digest('base64url').slice(0, 16);
}

export function paragraphButtonId(documentId: string, paragraph: number): string {
  const full = `${prefix}:p:${paragraph}:${documentId}`;
  return full.length <= discordLimits.customId ? full : `${prefix}:p:${paragraph}:#${documentHash(documentId)}`;
}

export function voteButtonId(vote: 'up' | 'down', answerId: string): string {
  return `${prefix}:v:${vote}:${answerId}`;
}

/**
 * Tells a question's choices apart from a rebuilt question's: if the text changed since the quiz was posted
 * and the choices with it, the click is refused rather than graded against choices nobody saw.
 */
export function choicesHash(choices: readonly string[]): string {
  return createHash('sha256').update(choices.join('\u0000')).digest('hex').slice(0, 6);
}

export function quizButtonId(quiz: QuizKey, question: { readonly id: string; readonly choices: readonly string[] }, choice: number): string {
  const document = quiz.documentIndex === undefined ? '' : `:${quiz.documentIndex}`;
  return `${prefix}:q:${quiz.seed}:${quiz.count}:${quiz.sectionIndex ?? '-'}:${question.id}:${choicesHash(question.choices)}:${choice}${document}`;
}

export function reviewButtonId(card: { readonly questionId: string; readonly version: number }, choice: number): string {
  return `${prefix}:r:${card.questionId}:${card.version}:${choice}`;
}

export function gradeButtonId(card: { readonly questionId: string; readonly version: number }, grade: 3 | 4 | 5, previousEasiness: number): string {
  return `${prefix}:g:${card.questionId}:${card.version}:${grade}:${Math.round(previousEasiness * 1000)}`;
}

export function parseButtonId(customId: string): ButtonAction | undefined {
  const paragraph = /^fn:p:(\d{1,6}):(.+)$/s.exec(customId);
  if (paragraph !== null) {
    const [, number, document] = paragraph as unknown as [string, string, string];
    return {
      kind: 'paragraph',
      paragraph: Number(number),
      document: document.startsWith('#') ? { hash: document.slice(1) } : { id: document },
    };
  }
  const vote = /^fn:v:(up|down):([\w-]{1,80})$/.exec(customId);
  if (vote !== null) {
    const [, direction, answerId] = vote as unknown as [string, 'up' | 'down', string];
    return { kind: 'vote', vote: direction, answerId };
  }
  const quiz = /^fn:q:([\w-]{1,24}):(\d{1,2}):(-|\d{1,4}):([0-9a-f]{16}):([0-9a-f]{6}):(\d)(?::(\d{1,5}))?$/.exec(customId);
  if (quiz !== null) {
    const [, seed, count, section, questionId, hash, choice, document] = quiz as unknown as [string, string, string, string, string, string, string, string?];
    return {
      kind: 'quiz',
      quiz: {
        seed,
        count: Number(count),
        sectionIndex: section === '-' ? undefined : Number(section),
        ...(document === undefined ? {} : { documentIndex: Number(document) }),
      },
      questionId,
      choicesHash: hash,
      choice: Number(choice),
    };
  }
  const review = /^fn:r:([0-9a-f]{16}):(\d{1,9}):(\d)$/.exec(customId);
  if (review !== null) {
    const [, questionId, version, choice] = review as unknown as [string, string, string, string];
    return { kind: 'review', questionId, version: Number(version), choice: Number(choice) };
  }
  const grade = /^fn:g:([0-9a-f]{16}):(\d{1,9}):([345]):(\d{4,5})$/.exec(customId);
  if (grade !== null) {
    const [, questionId, version, value, easiness] = grade as unknown as [string, string, string, '3' | '4' | '5', string];
    return { kind: 'grade', questionId, version: Number(version), grade: Number(value) as 3 | 4 | 5, previousEasiness: Number(easiness) / 1000 };
  }
  return undefined;
}
