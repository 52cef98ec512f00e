import type { Paragraph } from '../../corpus/types.js';
import type { Command } from '../command.js';
import { slashCommand, channelReadingCommand } from '../command.js';
import { documentOption, integerOption, stringOption } from '../command.js';
import { documentTitles, findDocument } from '../../corpus/find-document.js';
import { matchingChoices } from '../autocomplete.js';
import { paragraphsReply } from '../answer-reply.js';
import { errorReply } from '../reply.js';
import { findSearchTerms, searchTerms, type Marks } from '../search-words.js';

const searchResults = 3;

export const passageCommand = {
  data: slashCommand('passage', 'Show full paragraphs of the text, by number or by search.')
    .addIntegerOption((option) => option.setName('paragraph').setDescription('Paragraph number (¶)').setMinValue(1).setMaxValue(100_000))
    .addStringOption((option) => option.setName('search').setDescription('Words to look for').setMaxLength(500))
    .addStringOption(documentOption)
    .toJSON(),
  ...channelReadingCommand,
  async execute(request, services) {
    const { engine } = services;
    const typed = stringOption(request, 'document')?.trim() ?? '';
    const chosenDocument = typed === '' ? undefined : findDocument(engine.corpus, typed);
    if (chosenDocument !== undefined && !chosenDocument.ok) return errorReply(chosenDocument.problem.message);
    const documentId = chosenDocument?.document.id;
    const body = engine.paragraphs().filter((paragraph) => paragraph.number > 0 && (documentId === undefined || paragraph.documentId === documentId));
    const titleOf = (documentId: string) => engine.corpus.documents.find((document) => document.id === documentId)?.title ?? documentId;
    const showDocument = engine.corpus.documents.length > 1;
    const number = integerOption(request, 'paragraph');
    const search = stringOption(request, 'search')?.trim();

    if (number !== undefined) {
      const found = body.filter((paragraph) => paragraph.number === number);
      if (found.length === 0) {
        const last = body.reduce((highest, paragraph) => Math.max(highest, paragraph.number), 0);
        return errorReply(`There is no ¶ ${number}: paragraphs run from 1 to ${last}.`);
      }
      if (found.length > 1) {
        const titles = found.map((paragraph) => `“${titleOf(paragraph.documentId)}”`);
        return errorReply(`Which document? ¶ ${number} is in ${titles.join(', ')}: choose one with the document option.`);
      }
      return paragraphsReply(found, { documentTitle: titleOf, showDocument, heading: `¶ ${number} — ${found[0]?.section ?? ''}` });
    }
    if (search === undefined || search === '') return errorReply('Give a paragraph number or some words to search for, e.g. `/passage paragraph:3`.');

    // Only paragraphs that hold every word searched for; the engine's ranking orders them, the text's order breaks ties.
    const terms = searchTerms(search);
    const marks = new Map<Paragraph, Marks>();
    for (const paragraph of body) {
      const found = findSearchTerms(paragraph.text, terms);
      if (found !== undefined) marks.set(paragraph, found);
    }
    if (marks.size === 0)
      return errorReply(`No paragraph holds ${terms.length > 1 ? 'all of ' : ''}“${search}”. Try fewer or other words, or /ask a question.`);
    const ranked = await engine.search(search, searchResults * 4, documentId === undefined ? {} : { documentId });
    const rank = (paragraph: Paragraph) => {
      // A passage is one paragraph, a window of one, or a run of short paragraphs (chunk-corpus.ts).
      const position = ranked.findIndex(
        (passage) =>
          passage.documentId === paragraph.documentId &&
          (passage.paragraph === paragraph.number || (passage.start <= paragraph.start && paragraph.end <= passage.end)),
      );
      return position < 0 ? ranked.length : position;
    };
    const matching = [...marks.keys()];
    const chosen = matching
      .map((paragraph, order) => ({ paragraph, order, rank: rank(paragraph) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .slice(0, searchResults)
      .map(({ paragraph }) => paragraph);
    const count =
      matching.length > searchResults
        ? `${searchResults} of ${matching.length} paragraphs`
        : matching.length === 1
          ? 'The paragraph'
          : `The ${matching.length} paragraphs`;
    return paragraphsReply(chosen, {
      documentTitle: titleOf,
      showDocument,
      heading: `${count} with “${search}”`,
      marks: (paragraph) => marks.get(paragraph) ?? [],
    });
  },
  autocomplete(focused, services) {
    return matchingChoices(documentTitles(services.engine.corpus), focused.value);
  },
} satisfies Command;
