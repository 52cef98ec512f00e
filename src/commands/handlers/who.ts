import type { EntityKind } from '../../study/recognise-entities.js';
import { entityNames, whosWho } from '../../study/whos-who.js';
import type { WhosWhoEntry } from '../../study/whos-who.js';
import type { Command } from '../command.js';
import { slashCommand, channelReadingCommand } from '../command.js';
import { documentOption, documentsShown, stringOption, requestedScope } from '../command.js';
import { citationText, moreDocumentsNote } from '../answer-reply.js';
import { documentTitles } from '../../corpus/find-document.js';
import { matchingChoices } from '../autocomplete.js';
import { accents, errorReply } from '../reply.js';
import type { ReplyBlock, ReplyCard } from '../reply.js';

const kindNames: Readonly<Record<EntityKind, { one: string; many: string }>> = {
  person: { one: 'person', many: 'People' },
  organisation: { one: 'organisation', many: 'Organisations' },
  place: { one: 'place', many: 'Places' },
};
const shownEntries = 3;
const shownQuotes = 5;
// A book names hundreds: the overview keeps to a screenful per kind, autocomplete finds the rest.
const namesPerKind = 30;

function entryCard(entry: WhosWhoEntry, showDocument: boolean): ReplyCard {
  // The sentence that gives the role says most about who it is: it comes first.
  const first = entry.roleQuote;
  const quotes =
    first === null ? [...entry.quotes] : [first, ...entry.quotes.filter((quote) => quote.start !== first.start || quote.documentId !== first.documentId)];
  const blocks: ReplyBlock[] = [];
  if (entry.role !== null) blocks.push({ kind: 'field', name: 'Role in the text', value: entry.role });
  if (entry.aliases.length > 0) blocks.push({ kind: 'field', name: 'Also called', value: entry.aliases.join(', ') });
  blocks.push(...quotes.slice(0, shownQuotes).map((quote): ReplyBlock => ({ kind: 'quote', text: quote.text, citation: citationText(quote, showDocument) })));
  const rest = quotes.slice(shownQuotes);
  if (rest.length > 0) blocks.push({ kind: 'text', text: `Also mentioned in ¶ ${[...new Set(rest.map((quote) => quote.paragraph))].join(', ')}.` });
  return {
    title: `${entry.name} (${kindNames[entry.kind].one})`,
    blocks,
    footer: entry.quotes.length === 0 ? 'Named in the byline only.' : `Mentioned in ${entry.quotes.length} sentence${entry.quotes.length === 1 ? '' : 's'}.`,
    accent: accents.info,
  };
}

export const whoCommand = {
  data: slashCommand('who', 'Who’s who: the people, organisations and places the text names, with their role and quotes.')
    .addStringOption((option) =>
      option.setName('name').setDescription('A person, organisation or place (empty: everyone)').setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption(documentOption)
    .toJSON(),
  ...channelReadingCommand,
  async execute(request, services) {
    const { corpus } = services.engine;
    const scope = requestedScope(request, corpus);
    if (!scope.ok) return errorReply(scope.problem.message);
    const grouped = scope.corpora.length > 1;
    const name = stringOption(request, 'name')?.trim() ?? '';
    if (name === '') {
      const cards = scope.corpora.slice(0, documentsShown).flatMap((part): ReplyCard[] => {
        const { entities } = whosWho(part);
        if (entities.length === 0) return [];
        const blocks = (['person', 'organisation', 'place'] as const).flatMap((kind): ReplyBlock[] => {
          const ofKind = entities.filter((entry) => entry.kind === kind);
          if (ofKind.length === 0) return [];
          const lines = ofKind.slice(0, namesPerKind).map((entry) => `• ${entry.role === null ? entry.name : `${entry.name} — ${entry.role}`}`);
          if (ofKind.length > namesPerKind) lines.push(`… and ${ofKind.length - namesPerKind} more: type a name in /who to find them.`);
          return [{ kind: 'field', name: kindNames[kind].many, value: lines.join('\n') }];
        });
        const title = grouped ? `Who’s who: ${part.documents[0]?.title ?? ''}` : 'Who’s who';
        return [{ title, blocks, footer: '/who name:<name> shows the quotes that mention one of them.', accent: accents.info }];
      });
      if (cards.length === 0) return errorReply('The text names no people, organisations or places that footnote recognises.');
      return { kind: 'content', cards, buttons: [], ...moreDocumentsNote(scope.corpora.length) };
    }
    // Each document's entry of that name on its own: the same name in two documents is two entries.
    const entities = scope.corpora.flatMap((part) => whosWho(part, name).entities);
    if (entities.length === 0)
      return errorReply(`The text names no one called “${name.slice(0, 100)}”. Pick a name from the suggestions, or leave the name empty for everyone.`);
    return {
      kind: 'content',
      ...(entities.length > shownEntries
        ? {
            text: `${entities.length} names match “${name.slice(0, 100)}”; here are the first ${shownEntries}. Pick one from the suggestions for just that one.`,
          }
        : {}),
      cards: entities.slice(0, shownEntries).map((entry) => entryCard(entry, corpus.documents.length > 1)),
      buttons: [],
    };
  },
  autocomplete(focused, services) {
    return matchingChoices(focused.name === 'document' ? documentTitles(services.engine.corpus) : entityNames(services.engine.corpus), focused.value);
  },
} satisfies Command;
