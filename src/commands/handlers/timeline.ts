import { timeline } from '../../study/timeline.js';
import type { Command } from '../command.js';
import { slashCommand, channelReadingCommand } from '../command.js';
import { citationText, moreDocumentsNote } from '../answer-reply.js';
import { documentOption, documentsShown, requestedScope } from '../command.js';
import { matchingChoices } from '../autocomplete.js';
import { documentTitles } from '../../corpus/find-document.js';
import { accents, errorReply } from '../reply.js';
import type { ReplyBlock, ReplyCard } from '../reply.js';

// A long text can date hundreds of events: a channel gets the first ones, the study guide has them all.
const shownEvents = 25;

export const timelineCommand = {
  data: slashCommand('timeline', 'The dated events the text mentions, in date order, each with its quote.').addStringOption(documentOption).toJSON(),
  ...channelReadingCommand,
  async execute(request, services) {
    const scope = requestedScope(request, services.engine.corpus);
    if (!scope.ok) return errorReply(scope.problem.message);
    const cards = scope.corpora.slice(0, documentsShown).map((part): ReplyCard => {
      const { events } = timeline(part);
      const title = `Timeline: ${part.documents[0]?.title ?? 'the text'}`;
      if (events.length === 0) return { title, blocks: [{ kind: 'text', text: 'The text mentions no dates.' }], accent: accents.info };
      const blocks = events.slice(0, shownEvents).flatMap((event): ReplyBlock[] => [
        { kind: 'field', name: event.when, value: event.text },
        { kind: 'quote', text: event.quote.text, citation: citationText(event.quote, false) },
      ]);
      const more = events.length > shownEvents ? ` The first ${shownEvents} of ${events.length} are shown; /studyguide has them all.` : '';
      return {
        title,
        blocks,
        footer: `Earliest first. Dates like “15 years ago” are counted from the publication date; those the text does not tie to a date are shown as it says them.${more}`,
        accent: accents.info,
      };
    });
    return { kind: 'content', cards, buttons: [], ...moreDocumentsNote(scope.corpora.length) };
  },
  autocomplete(focused, services) {
    return matchingChoices(documentTitles(services.engine.corpus), focused.value);
  },
} satisfies Command;
