import { timeline } from '../../study/timeline.js';
import type { Command } from '../command.js';
import { slashCommand } from '../command.js';
import { citationText } from '../answer-reply.js';
import { accents, cardReply } from '../reply.js';
import type { ReplyBlock } from '../reply.js';

// A long text can date hundreds of events: a channel gets the first ones, the study guide has them all.
const shownEvents = 25;

export const timelineCommand = {
  data: slashCommand('timeline', 'The dated events the text mentions, in date order, each with its quote.').toJSON(),
  isPrivate: () => false,
  slow: true,
  cooldown: true,
  async execute(_request, services) {
    const { corpus } = services.engine;
    const { events } = timeline(corpus);
    const title = corpus.documents.length === 1 ? `Timeline: ${corpus.documents[0]?.title ?? 'the text'}` : 'Timeline of the texts';
    if (events.length === 0) return cardReply({ title, blocks: [{ kind: 'text', text: 'The text mentions no dates.' }], accent: accents.info });
    const showDocument = corpus.documents.length > 1;
    const blocks = events.slice(0, shownEvents).flatMap((event): ReplyBlock[] => [
      { kind: 'field', name: event.when, value: event.text },
      { kind: 'quote', text: event.quote.text, citation: citationText(event.quote, showDocument) },
    ]);
    const more = events.length > shownEvents ? ` The first ${shownEvents} of ${events.length} are shown; /studyguide has them all.` : '';
    return cardReply({
      title,
      blocks,
      footer: `Earliest first. Dates like “15 years ago” are counted from the publication date; those the text does not tie to a date are shown as it says them.${more}`,
      accent: accents.info,
    });
  },
} satisfies Command;
