/** Pure: an engine Answer as a Reply — the short answer, each quote with its citation, the buttons under it. */
import type { Answer, Passage, Quote } from '../answering/types.js';
import { citationLabel } from '../corpus/citation.js';
import type { Citation, Paragraph } from '../corpus/types.js';
import { paragraphButtonId, voteButtonId } from './custom-ids.js';
import { accents } from './reply.js';
import type { Reply, ReplyBlock, ReplyButton } from './reply.js';
import { documentsShown } from './command.js';

export interface AnswerReplyOptions {
  /** Set when the answer was saved and can be voted on. */
  readonly answerId: string | undefined;
  /** Name the document in citations: only useful when the corpus holds several. */
  readonly showDocument: boolean;
  readonly chatModel: string | undefined;
  /** Shown under the answer when votes cannot be saved. */
  readonly feedbackProblem?: string;
}

const maxParagraphButtons = 3;
const maxClosestPassages = 3;

export function citationText(citation: Citation, showDocument: boolean): string {
  return citationLabel(citation, { withDocument: showDocument });
}

function footerFor(answer: Answer, chatModel: string | undefined): string {
  if (answer.fallbackReason !== undefined) return 'Answered offline: the model could not answer just now. Quotes are verbatim from the text.';
  if (answer.mode === 'llm') return `Answered by the model${chatModel === undefined ? '' : ` (${chatModel})`}; every quote was checked against the text.`;
  return 'Answered offline: quotes picked from the text, verbatim.';
}

function paragraphButtons(citations: readonly Citation[]): ReplyButton[] {
  const seen = new Set<string>();
  const buttons: ReplyButton[] = [];
  for (const citation of citations) {
    const key = `${citation.documentId}\u0000${citation.paragraph}`;
    if (seen.has(key) || buttons.length === maxParagraphButtons) continue;
    seen.add(key);
    buttons.push({ customId: paragraphButtonId(citation.documentId, citation.paragraph), label: `Show ¶ ${citation.paragraph}`, style: 'secondary' });
  }
  return buttons;
}

export function answerReply(answer: Answer, options: AnswerReplyOptions): Reply {
  const quoteBlock = (quote: Quote | Passage): ReplyBlock => ({ kind: 'quote', text: quote.text, citation: citationText(quote, options.showDocument) });
  // An offline answer is often its first quote word for word: saying it twice only adds noise.
  const repeatsQuote = answer.quotes.some((quote) => quote.text.trim() === answer.answer.trim());
  const blocks: ReplyBlock[] = [...(repeatsQuote ? [] : [{ kind: 'text', text: answer.answer } as const]), ...answer.quotes.map(quoteBlock)];
  const closest = answer.abstained && answer.quotes.length === 0 ? answer.passages.slice(0, maxClosestPassages) : [];
  if (closest.length > 0) blocks.push({ kind: 'text', text: 'The closest passages:' }, ...closest.map(quoteBlock));
  if (options.feedbackProblem !== undefined) blocks.push({ kind: 'text', text: `(Votes are off for this answer: ${options.feedbackProblem}.)` });

  const cited = answer.quotes.length > 0 ? answer.quotes : closest;
  const rows: ReplyButton[][] = [paragraphButtons(cited)];
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
export function paragraphsReply(
  paragraphs: readonly Paragraph[],
  options: { readonly documentTitle: (documentId: string) => string; readonly showDocument: boolean; readonly heading?: string },
): Reply {
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
export function moreDocumentsNote(documents: number): { text?: string } {
  return documents > documentsShown
    ? { text: `The first ${documentsShown} of ${documents} documents are shown; choose another with the document option.` }
    : {};
}
