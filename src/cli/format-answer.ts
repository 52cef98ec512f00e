/** An answer as terminal text, and as the one JSON object `ask --json` prints. */
import type { Answer } from '../answering/types.js';
import { abstentionLine, closestPassages } from '../commands/answer-reply.js';
import { cutAtWord } from '../commands/reply.js';
import { citationLabel } from '../corpus/citation.js';

/**
 * The answer line first (whole, never cut) with where it stands, then the other quotes, each once; an
 * abstention is its one line and at most two short closest passages, headings outside the quotes.
 */
export function formatAnswerText(answer: Answer): string {
  const lines: string[] = [];
  if (answer.abstained) {
    lines.push(abstentionLine(answer));
    for (const passage of closestPassages(answer.passages))
      lines.push('', `  “${cutAtWord(passage.text, 300)}”`, `      — ${citationLabel(passage, { withDocument: true })}`);
  } else {
    const answered = answer.quotes.find((quote) => quote.text.trim() === answer.answer.trim());
    lines.push(`Answer: ${answer.answer}`);
    if (answered !== undefined) lines.push(`      — ${citationLabel(answered, { withDocument: true, withOffsets: true })}`);
    const others = answer.quotes.filter((quote) => quote !== answered);
    if (others.length > 0) lines.push('');
    for (const quote of others) lines.push(`  “${quote.text}”`, `      — ${citationLabel(quote, { withDocument: true, withOffsets: true })}`);
  }
  lines.push('');
  const mode = answer.mode === 'llm' ? 'answered by the model, quotes verified in the text' : 'answered offline from the text';
  lines.push(`(${mode}${answer.fallbackReason !== undefined ? `; model not used: ${answer.fallbackReason}` : ''})`);
  return lines.join('\n');
}

export function answerJson(answer: Answer): Record<string, unknown> {
  return {
    answer: answer.answer,
    abstained: answer.abstained,
    mode: answer.mode,
    question: answer.question,
    standaloneQuestion: answer.standaloneQuestion,
    quotes: answer.quotes.map(({ text, documentId, section, paragraph, start, end }) => ({ text, documentId, section, paragraph, start, end })),
    passages: answer.passages.map(({ text, score, documentId, section, paragraph }) => ({ text, score, documentId, section, paragraph })),
    dropped: answer.droppedQuotes,
    repaired: answer.repairedQuotes,
    ...(answer.fallbackReason !== undefined ? { fallbackReason: answer.fallbackReason } : {}),
    ...(answer.abstainReason !== undefined ? { abstainReason: answer.abstainReason } : {}),
    ...(answer.confidence !== undefined ? { confidence: answer.confidence } : {}),
  };
}
