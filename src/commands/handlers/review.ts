import type { Command } from '../command.js';
import { personalCommand, slashCommand } from '../command.js';
import { reviewButtonId } from '../custom-ids.js';
import { discordLimits } from '../discord-limits.js';
import { accents, cardReply, cutAtWord, errorReply } from '../reply.js';
import type { ReplyBlock } from '../reply.js';

const upcomingShown = 5;
const promptShown = 120;
import { questionCards, whenDue } from '../study-reply.js';

export const reviewCommand = {
  data: slashCommand('review', 'The quiz questions you missed that are due again: answer them to schedule the next review.').toJSON(),
  ...personalCommand,
  async execute(request, services) {
    const { study } = services;
    if (study === undefined) return errorReply('Reviews are unavailable just now: the scores database could not be opened.');
    const memberId = request.user.id;
    // One card per row of buttons: as many as one message holds.
    const due = await study.dueReviews(memberId, { limit: discordLimits.rows });
    const summary = await study.reviewSummary(memberId);
    if (due.length === 0) {
      if (summary.total === 0) {
        const text = 'No review cards yet: the questions you miss in /quiz come back here the next day, then spaced out over days until you know them.';
        return cardReply({ title: 'Review', blocks: [{ kind: 'text', text }], accent: accents.info });
      }
      // Due later: what is coming and when, so a member who missed questions today sees they are kept.
      const now = services.now();
      const upcoming = await study.upcomingReviews(memberId, { limit: upcomingShown });
      const text = `Nothing is due now. You have ${summary.total} card${summary.total === 1 ? '' : 's'}; the next is due ${summary.nextDueAt === undefined ? 'soon' : whenDue(summary.nextDueAt, now)}.`;
      return cardReply({
        title: 'Review',
        blocks: [
          { kind: 'text', text },
          ...upcoming.map((card): ReplyBlock => ({ kind: 'field', name: whenDue(card.dueAt, now), value: cutAtWord(card.question.prompt, promptShown) })),
        ],
        ...(summary.total > upcoming.length ? { footer: `The next ${upcoming.length} of ${summary.total} are shown.` } : {}),
        accent: accents.info,
      });
    }
    const more = summary.due > due.length ? ` ${summary.due - due.length} more are due after these: run /review again.` : '';
    return {
      kind: 'content',
      cards: questionCards(due, {
        title: `Review: ${summary.due} question${summary.due === 1 ? '' : 's'} due`,
        footer: `A right answer sends a card further out (1 day, 6 days, then longer each time), and you can say whether it was hard, good or easy; a wrong one brings it back tomorrow.${more}`,
        question: (card) => card.question,
        buttonId: (card, choice) => reviewButtonId(card, choice),
      }),
      buttons: [],
    };
  },
} satisfies Command;
