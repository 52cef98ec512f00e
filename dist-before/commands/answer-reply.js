import { citationLabel } from '../corpus/citation.js';
import { paragraphButtonId, voteButtonId } from './custom-ids.js';
import { accents } from './reply.js';
import { documentsShown } from './command.js';
const maxParagraphButtons = 3;
const maxClosestPassages = 3;
export function citationText(citation, showDocument) {
    return citationLabel(citation, { withDocument: showDocument });
}
function footerFor(answer, chatModel) {
    if (answer.fallbackReason !== undefined)
        return 'Answered offline: the model could not answer just now. Quotes are verbatim from the text.';
    if (answer.mode === 'llm')
        return `Answered by the model${chatModel === undefined ? '' : ` (${chatModel})`}; every quote was checked against the text.`;
    return 'Answered offline: quotes picked from the text, verbatim.';
}
function paragraphButtons(citations) {
    const seen = new Set();
    const buttons = [];
    for (const citation of citations) {
        const key = `${citation.documentId}\u0000${citation.paragraph}`;
        if (seen.has(key) || buttons.length === maxParagraphButtons)
            continue;
        seen.add(key);
        buttons.push({ customId: paragraphButtonId(citation.documentId, citation.paragraph), label: `Show ¶ ${citation.paragraph}`, style: 'secondary' });
    }
    return buttons;
}
export function answerReply(answer, options) {
    const quoteBlock = (quote) => ({ kind: 'quote', text: quote.text, citation: citationText(quote, options.showDocument) });
    // An offline answer is often its first quote word for word: saying it twice only adds noise.
    const repeatsQuote = answer.quotes.some((quote) => quote.text.trim() === answer.answer.trim());
    const blocks = [...(repeatsQuote ? [] : [{ kind: 'text', text: answer.answer }]), ...answer.quotes.map(quoteBlock)];
    const closest = answer.abstained && answer.quotes.length === 0 ? answer.passages.slice(0, maxClosestPassages) : [];
    if (closest.length > 0)
        blocks.push({ kind: 'text', text: 'The closest passages:' }, ...closest.map(quoteBlock));
    if (options.feedbackProblem !== undefined)
        blocks.push({ kind: 'text', text: `(Votes are off for this answer: ${options.feedbackProblem}.)` });
    const cited = answer.quotes.length > 0 ? answer.quotes : closest;
    const rows = [paragraphButtons(cited)];
    if (options.answerId !== undefined) {
        rows.push([
            { customId: voteButtonId('up', options.answerId), label: 'Helpful', emoji: '👍', style: 'secondary' },
            { customId: voteButtonId('down', options.answerId), label: 'Not helpful', emoji: '👎', style: 'secondary' },
        ]);
    }
    return {
        kind: 'content',
        cards: [{ title: answer.question, blocks, footer: footerFor(answer, options.chatModel), accent: answer.abstained ? accents.abstain : accents.answer }],
        buttons: rows,
    };
}
/** One or more full paragraphs, each with its citation. */
export function paragraphsReply(paragraphs, options) {
    return {
        kind: 'content',
        cards: paragraphs.map((paragraph, position) => ({
            ...(position === 0 && options.heading !== undefined ? { title: options.heading } : {}),
            blocks: [
                { kind: 'text', text: paragraph.text },
                {
                    kind: 'text',
                    text: `— ${citationText({ ...paragraph, paragraph: paragraph.number, documentTitle: options.documentTitle(paragraph.documentId) }, options.showDocument)}`,
                },
            ],
            accent: accents.info,
        })),
        buttons: [],
    };
}
/** The line above a grouped reply when the library has more documents than one reply shows. */
export function moreDocumentsNote(documents) {
    return documents > documentsShown
        ? { text: `The first ${documentsShown} of ${documents} documents are shown; choose another with the document option.` }
        : {};
}
//# sourceMappingURL=answer-reply.js.map