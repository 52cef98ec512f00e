import { sectionNames } from '../../study/study-scope.js';
import type { Summary } from '../../study/summarize.js';
import type { Command } from '../command.js';
import { slashCommand, channelReadingCommand } from '../command.js';
import { documentOption, documentsShown, stringOption, requestedScope } from '../command.js';
import { documentTitles } from '../../corpus/find-document.js';
import { moreDocumentsNote } from '../answer-reply.js';
import { citationText } from '../answer-reply.js';
import { matchingChoices } from '../autocomplete.js';
import { accents, errorReply } from '../reply.js';
import type { ReplyBlock, ReplyCard } from '../reply.js';

// A long summary of a book can hold hundreds of points: the channel gets the first ones, /studyguide all.
const shownPoints = 30;

export const summaryCommand = {
  data: slashCommand('summary', 'The key points of the text or of one section, quoted and cited.')
    .addStringOption((option) =>
      option.setName('section').setDescription('A section of the text (empty: the whole text)').setAutocomplete(true).setMaxLength(200),
    )
    .addStringOption((option) =>
      option.setName('length').setDescription('How many points').addChoices({ name: 'short', value: 'short' }, { name: 'long', value: 'long' }),
    )
    .addStringOption(documentOption)
    .toJSON(),
  ...channelReadingCommand,
  async execute(request, services) {
    const length = stringOption(request, 'length') === 'long' ? 'long' : 'short';
    const { corpus } = services.engine;
    const section = stringOption(request, 'section');
    const scope = requestedScope(request, corpus, section);
    if (!scope.ok) return errorReply(scope.problem.message);
    const { llm } = services.engine.config;
    const cards: ReplyCard[] = [];
    for (const part of scope.corpora.slice(0, documentsShown)) {
      const outcome = await services.engine.summarize({ corpus: part, section, length, signal: request.signal });
      if (!outcome.ok) return errorReply(outcome.problem.message);
      const { summary } = outcome;
      if (summary.points.length === 0) {
        if (scope.corpora.length === 1) return errorReply('That section has no text to summarise.');
        continue;
      }
      const showDocument = part.documents.length > 1;
      const more = summary.points.length > shownPoints ? ` The first ${shownPoints} of ${summary.points.length} are shown; /studyguide has them all.` : '';
      cards.push({
        title: `Key points: ${summary.title}`,
        blocks: summary.points.slice(0, shownPoints).flatMap((point): ReplyBlock[] => {
          const quote: ReplyBlock = { kind: 'quote', text: point.quote.text, citation: citationText(point.quote, showDocument) };
          // A model's point is its own words above the sentence it cites; a sentence of the text stands alone.
          return point.text === point.quote.text ? [quote] : [{ kind: 'text', text: point.text }, quote];
        }),
        footer: footerFor(summary, llm?.chatModel) + more,
        accent: accents.info,
      });
    }
    if (cards.length === 0) return errorReply('That section has no text to summarise.');
    return { kind: 'content', cards, buttons: [], ...moreDocumentsNote(scope.corpora.length) };
  },
  autocomplete(focused, services) {
    return matchingChoices(focused.name === 'document' ? documentTitles(services.engine.corpus) : sectionNames(services.engine.corpus), focused.value);
  },
} satisfies Command;

/** Which mode answered, as the footer of an answer says it. */
function footerFor(summary: Summary, chatModel: string | undefined): string {
  const wholeText = summary.section === undefined;
  if (summary.mode === 'llm') {
    return `Points written by the model${chatModel === undefined ? '' : ` (${chatModel})`}, in reading order; each quote is a sentence of the text, checked verbatim.`;
  }
  const offline =
    summary.length === 'short'
      ? `The ${summary.points.length} most central sentences${wholeText ? ', across the sections' : ''}, verbatim and in reading order. Try length:long for more.`
      : `The central sentences${wholeText ? ' of every section' : ''}, verbatim and in reading order, without repeating each other.`;
  return summary.fallbackReason === undefined ? offline : `Summarised offline: the model could not summarise just now. ${offline}`;
}
