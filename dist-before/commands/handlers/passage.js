import { slashCommand } from '../command.js';
import { documentOption, integerOption, stringOption } from '../command.js';
import { documentTitles, findDocument } from '../../corpus/find-document.js';
import { matchingChoices } from '../autocomplete.js';
import { paragraphsReply } from '../answer-reply.js';
import { errorReply } from '../reply.js';
const searchResults = 3;
export const passageCommand = {
    data: slashCommand('passage', 'Show full paragraphs of the text, by number or by search.')
        .addIntegerOption((option) => option.setName('paragraph').setDescription('Paragraph number (¶)').setMinValue(1).setMaxValue(100_000))
        .addStringOption((option) => option.setName('search').setDescription('Words to look for').setMaxLength(500))
        .addStringOption(documentOption)
        .toJSON(),
    isPrivate: () => false,
    slow: true,
    cooldown: true,
    async execute(request, services) {
        const { engine } = services;
        const typed = stringOption(request, 'document')?.trim() ?? '';
        const chosenDocument = typed === '' ? undefined : findDocument(engine.corpus, typed);
        if (chosenDocument !== undefined && !chosenDocument.ok)
            return errorReply(chosenDocument.problem.message);
        const documentId = chosenDocument?.document.id;
        const body = engine.paragraphs().filter((paragraph) => paragraph.number > 0 && (documentId === undefined || paragraph.documentId === documentId));
        const titleOf = (documentId) => engine.corpus.documents.find((document) => document.id === documentId)?.title ?? documentId;
        const showDocument = engine.corpus.documents.length > 1;
        const number = integerOption(request, 'paragraph');
        const search = stringOption(request, 'search')?.trim();
        if (number !== undefined) {
            const found = body.filter((paragraph) => paragraph.number === number);
            if (found.length === 0) {
                const last = body.reduce((highest, paragraph) => Math.max(highest, paragraph.number), 0);
                return errorReply(`There is no ¶ ${number}: paragraphs run from 1 to ${last}.`);
            }
            return paragraphsReply(found, { documentTitle: titleOf, showDocument, heading: `¶ ${number} — ${found[0]?.section ?? ''}` });
        }
        if (search === undefined || search === '')
            return errorReply('Give a paragraph number or some words to search for, e.g. `/passage paragraph:3`.');
        const passages = await engine.search(search, searchResults * 2, documentId === undefined ? {} : { documentId });
        const chosen = [];
        for (const passage of passages) {
            const paragraph = body.find((candidate) => candidate.documentId === passage.documentId && candidate.number === passage.paragraph);
            if (paragraph !== undefined && !chosen.includes(paragraph))
                chosen.push(paragraph);
            if (chosen.length === searchResults)
                break;
        }
        if (chosen.length === 0)
            return errorReply('No paragraph matches that search.');
        return paragraphsReply(chosen, { documentTitle: titleOf, showDocument, heading: `Paragraphs matching “${search}”` });
    },
    autocomplete(focused, services) {
        return matchingChoices(documentTitles(services.engine.corpus), focused.value);
    },
};
//# sourceMappingURL=passage.js.map