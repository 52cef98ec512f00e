/**
 * Pure: an engine Answer as a Reply. The answer line comes first, whole and emphasised, with its citation
 * (document, section, ¶, offsets) on one line under it; other quotes follow compactly ("¶ 8"), each shown
 * once; the full paragraph is one click away ("Show ¶ 8"). An abstention is one line, plus at most two short
 * closest passages when the text touches on the question.
 */
import type { Answer, Passage, Quote } from '../answering/types.js';
import { citationLabel } from '../corpus/citation.js';
import type { Citation, Paragraph } from '../corpus/types.js';
import { paragraphButtonId, voteButtonId } from './custom-ids.js';
import { accents, cutAtWord, documentsShown } from './reply.js';
import type { Reply, ReplyBlock, ReplyButton } from './reply.js';

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
const maxClosestPassages = 2;
/** A supporting quote longer than this is cut at a word and points to the whole paragraph. */
export const supportingQuoteCap = 400;
/** Closest passages of an abstention are a glimpse, not the paragraph. */
const closestPassageCap = 220;
const shortTitleCap = 40;

/** "Section, ¶ 3", with the document's title first when asked. */
export function citationText(citation: Citation, showDocument: boolean): string {
  return citationLabel(citation, { withDocument: showDocument });
}

/** A title's main clause ("How Baku is playing with fire" of "How Baku is playing with fire—without getting burned"). */
export function shortTitle(title: string): string {
  const main = title.split(/\s*[—:|]\s*|\s+-\s+/)[0]?.trim() ?? title;
  return cutAtWord(main === '' ? title : main, shortTitleCap);
}

/** "¶ 8", "Page 3, ¶ 12", with the document's short title first when the library holds several. */
export function shortCitation(citation: Citation, showDocument: boolean): string {
  const page = /^Page \d+$/.test(citation.section) ? `${citation.section}, ` : '';
  const where = citation.paragraph === 0 ? citation.section : `${page}¶ ${citation.paragraph}`;
  return showDocument ? `${shortTitle(citation.documentTitle)}, ${where}` : where;
}

/** "Document · Section · ¶ 10 · characters 4706–5177": everything needed to find the quote, on one line. */
export function fullCitation(citation: Citation, showDocument: boolean): string {
  const parts = [...(showDocument ? [citation.documentTitle] : []), citation.section, ...(citation.paragraph === 0 ? [] : [`¶ ${citation.paragraph}`])];
  return `${parts.join(' · ')} · characters ${citation.start}–${citation.end}`;
}

function footerFor(answer: Answer, chatModel: string | undefined): string {
  const asked = `Q: ${cutAtWord(answer.question.replace(/\s+/g, ' ').trim(), 300)}`;
  if (answer.fallbackReason !== undefined) return `${asked}\nAnswered offline: the model could not answer just now. Quotes are verbatim from the text.`;
  if (answer.mode === 'llm')
    return `${asked}\nAnswered by the model${chatModel === undefined ? '' : ` (${chatModel})`}; every quote was checked against the text.`;
  return `${asked}\nAnswered offline: quotes picked from the text, verbatim.`;
}

function paragraphButtons(citations: readonly Citation[]): ReplyButton[] {
  const seen = new Set<string>();
  const buttons: ReplyButton[] = [];
  for (const citation of citations) {
    const key = `${citation.documentId}\u0000${citation.paragraph}`;
    if (citation.paragraph === 0 || seen.has(key) || buttons.length === maxParagraphButtons) continue;
    seen.add(key);
    buttons.push({ customId: paragraphButtonId(citation.documentId, citation.paragraph), label: `Show ¶ ${citation.paragraph}`, style: 'secondary' });
  }
  return buttons;
}

/** Whole sentences up to `cap` when a sentence ends in its second half (a verbatim quote, nothing cut); else cut at a word. */
export function cutAtSentence(text: string, cap: number): string {
  if (text.length <= cap) return text;
  let end = -1;
  for (const match of text.slice(0, cap + 1).matchAll(/[.!?][”’")]?(?=\s)/gu)) end = match.index + match[0].length;
  return end > cap / 2 ? text.slice(0, end) : cutAtWord(text, cap);
}

/** A quote shown compactly; a long one is cut (whole sentences if it can) and says where the whole paragraph is. */
function supportingQuote(quote: Quote, showDocument: boolean, cap: number): ReplyBlock {
  const text = cutAtSentence(quote.text, cap);
  const where = shortCitation(quote, showDocument);
  const whole = text === quote.text || quote.paragraph === 0 ? '' : ` (cut: /passage ${quote.paragraph} shows it whole)`;
  return { kind: 'quote', text, citation: where + whole };
}

/**
 * The closest passages of an abstention: the section heading a passage may open with is dropped (the
 * citation names the place), passages that overlap one already shown are skipped, each is cut short.
 */
export function closestPassages(passages: readonly Passage[], limit = maxClosestPassages): Passage[] {
  const shown: Passage[] = [];
  for (const passage of passages) {
    if (shown.length === limit) break;
    const overlaps = shown.some((other) => other.documentId === passage.documentId && other.start < passage.end && passage.start < other.end);
    if (overlaps) continue;
    const heading = passage.text.startsWith(passage.section) ? passage.section.length : 0;
    const body = passage.text.slice(heading);
    const trimmed = body.trimStart();
    if (trimmed === '') continue;
    shown.push({ ...passage, text: trimmed, start: passage.start + heading + (body.length - trimmed.length) });
  }
  return shown;
}

/** The answer's one line when abstaining, without the engine's lead-in to passages the reply may not show. */
export function abstentionLine(answer: Answer): string {
  return answer.answer.replace(/\s*The closest passages:\s*$/, '').trim();
}

export function answerReply(answer: Answer, options: AnswerReplyOptions): Reply {
  const { showDocument } = options;
  const blocks: ReplyBlock[] = [];
  let cited: readonly Citation[];
  if (answer.abstained) {
    const closest = answer.quotes.length === 0 ? closestPassages(answer.passages) : [];
    blocks.push({ kind: 'text', text: abstentionLine(answer) });
    blocks.push(...closest.map((passage) => supportingQuote(passage, showDocument, closestPassageCap)));
    cited = closest;
  } else {
    // An offline answer line is its first quote: it is shown once, as the answer, with that quote's citation.
    const answered = answer.quotes.find((quote) => quote.text.trim() === answer.answer.trim());
    blocks.push(
      answered === undefined
        ? { kind: 'answer', text: answer.answer, citation: answer.quotes.length > 0 ? 'From the quotes below.' : '' }
        : { kind: 'answer', text: answered.text, citation: fullCitation(answered, showDocument) },
    );
    blocks.push(...answer.quotes.filter((quote) => quote !== answered).map((quote) => supportingQuote(quote, showDocument, supportingQuoteCap)));
    cited = answer.quotes;
  }
  if (options.feedbackProblem !== undefined) blocks.push({ kind: 'text', text: `(Votes are off for this answer: ${options.feedbackProblem}.)` });

  const rows: ReplyButton[][] = [paragraphButtons(cited)];
  if (options.answerId !== undefined) {
    rows.push([
      { customId: voteButtonId('up', options.answerId), label: 'Helpful', emoji: '👍', style: 'secondary' },
      { customId: voteButtonId('down', options.answerId), label: 'Not helpful', emoji: '👎', style: 'secondary' },
    ]);
  }
  return {
    kind: 'content',
    cards: [{ blocks, footer: footerFor(answer, options.chatModel), accent: answer.abstained ? accents.abstain : accents.answer }],
    buttons: rows,
  };
}

/** One or more full paragraphs, each with its citation; `marks` highlight the words a search found. */
export function paragraphsReply(
  paragraphs: readonly Paragraph[],
  options: {
    readonly documentTitle: (documentId: string) => string;
    readonly showDocument: boolean;
    readonly heading?: string;
    readonly marks?: (paragraph: Paragraph) => readonly (readonly [number, number])[];
  },
): Reply {
  return {
    kind: 'content',
    cards: paragraphs.map((paragraph, position) => ({
      ...(position === 0 && options.heading !== undefined ? { title: options.heading } : {}),
      blocks: [
        { kind: 'text', text: paragraph.text, ...(options.marks === undefined ? {} : { marks: options.marks(paragraph) }) },
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
