/**
 * Pure: quiz and review questions as cards with a row of answer buttons each, and the private reply to an
 * answer — right or wrong, with the quote that settles it.
 */
import type { QuizQuestion } from '../study/make-quiz.js';
import type { MemberScore } from '../study/study-store.js';
import { citationText } from './answer-reply.js';
import { discordLimits } from './discord-limits.js';
import { accents } from './reply.js';
import type { ReplyBlock, ReplyButton, ReplyCard } from './reply.js';

/** Scores are kept per server; answers given outside one (direct messages, the console) share this scope. */
export const outsideServers = 'direct';

export function scoreScope(guildId: string | undefined): string {
  return guildId ?? outsideServers;
}

export interface QuestionCardsOptions<Item> {
  readonly title: string;
  readonly footer: string;
  readonly question: (item: Item) => QuizQuestion;
  /** The custom id of the button for one choice of the item's question. */
  readonly buttonId: (item: Item, choice: number) => string;
}

const letters = 'ABCDE';

/**
 * A question as shown and its button labels. Choices that fit on a button ("3 · Turkey") are the labels;
 * when one does not (an event line of an order question), the choices are listed under the prompt as
 * "A) …" and the buttons say "3 · A", so no question loses a choice to the 80-character label limit.
 */
export function questionLayout(question: QuizQuestion, number: number): { readonly text: string; readonly labels: readonly string[] } {
  const choices = question.choices.slice(0, discordLimits.buttonsPerRow);
  const room = discordLimits.buttonLabel - `${number} · `.length;
  if (choices.every((choice) => choice.length <= room)) return { text: question.prompt, labels: choices.map((choice) => `${number} · ${choice}`) };
  return {
    text: [question.prompt, ...choices.map((choice, index) => `${letters[index] ?? index + 1}) ${choice}`)].join('\n'),
    labels: choices.map((_, index) => `${number} · ${letters[index] ?? index + 1}`),
  };
}

/** One row of buttons per question, so at most five questions per card (Discord allows five rows per message). */
export function questionCards<Item>(items: readonly Item[], options: QuestionCardsOptions<Item>): ReplyCard[] {
  const cards: ReplyCard[] = [];
  for (let first = 0; first < items.length; first += discordLimits.rows) {
    const group = items.slice(first, first + discordLimits.rows);
    const last = first + group.length >= items.length;
    const layouts = group.map((item, offset) => ({ item, number: first + offset + 1, layout: questionLayout(options.question(item), first + offset + 1) }));
    cards.push({
      title: first === 0 ? options.title : `${options.title} (continued)`,
      blocks: layouts.map(({ number, layout }): ReplyBlock => ({ kind: 'field', name: String(number), value: layout.text })),
      ...(last ? { footer: options.footer } : {}),
      accent: accents.answer,
      buttons: layouts.map(({ item, layout }) =>
        layout.labels.map((label, choiceIndex): ReplyButton => ({ customId: options.buttonId(item, choiceIndex), label, style: 'secondary' })),
      ),
    });
  }
  return cards;
}

export function scoreLine(score: MemberScore, inServer: boolean): string {
  return `Your score${inServer ? ' in this server' : ''}: ${score.correct} right of ${score.answered}.`;
}

/** The reply to one answer: right or wrong, the right choice, and the sentence it comes from. */
export function answerCard(input: {
  readonly question: QuizQuestion;
  readonly number: number | undefined;
  readonly choice: number;
  readonly correct: boolean;
  readonly showDocument: boolean;
  readonly heading?: string;
  readonly lines: readonly string[];
  readonly footer?: string;
}): ReplyCard {
  const { question } = input;
  const right = question.choices[question.answerIndex] ?? '';
  const chosen = question.choices[input.choice] ?? '';
  const which = input.number === undefined ? '' : ` (question ${input.number})`;
  const title = input.heading ?? (input.correct ? `Right${which}: ${right}` : `Not quite${which}: the answer is ${right}`);
  return {
    title,
    blocks: [
      { kind: 'text', text: question.prompt },
      ...(input.correct ? [] : [{ kind: 'text', text: `You chose “${chosen}”.` } as const]),
      { kind: 'quote', text: question.quote.text, citation: citationText(question.quote, input.showDocument) },
      ...input.lines.map((line): ReplyBlock => ({ kind: 'text', text: line })),
    ],
    ...(input.footer === undefined ? {} : { footer: input.footer }),
    accent: input.correct ? accents.info : accents.wrong,
  };
}

const dayMs = 86_400_000;

/** "tomorrow (2025-07-26)", "in 6 days (2025-07-31)". */
export function whenDue(dueAt: Date, now: Date): string {
  const days = Math.round((dueAt.getTime() - now.getTime()) / dayMs);
  const date = dueAt.toISOString().slice(0, 10);
  if (days <= 0) return `now (${date})`;
  return days === 1 ? `tomorrow (${date})` : `in ${days} days (${date})`;
}
