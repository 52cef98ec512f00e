import { citationLabel } from '../corpus/citation.js';
export function formatAnswerText(answer) {
    const lines = [];
    lines.push(answer.abstained ? answer.answer : `Answer: ${answer.answer}`);
    // The answer line is usually the first quote itself: it is cited once, not printed twice.
    const [first, ...others] = answer.quotes;
    const answerIsQuote = first !== undefined && first.text === answer.answer;
    if (answerIsQuote)
        lines.push(`      — ${citationLabel(first, { withDocument: true, withOffsets: true })}`);
    const shown = answerIsQuote ? others : answer.quotes;
    if (shown.length > 0) {
        lines.push('');
        for (const quote of shown) {
            lines.push(`  “${quote.text}”`);
            lines.push(`      — ${citationLabel(quote, { withDocument: true, withOffsets: true })}`);
        }
    }
    if (answer.abstained && answer.passages.length > 0) {
        lines.push('');
        for (const passage of answer.passages.slice(0, 3)) {
            lines.push(`  ${citationLabel(passage, { withDocument: true })} (score ${passage.score.toFixed(2)})`);
            lines.push(`      ${passage.text.length > 300 ? `${passage.text.slice(0, 300)}…` : passage.text}`);
        }
    }
    lines.push('');
    const mode = answer.mode === 'llm' ? 'answered by the model, quotes verified in the text' : 'answered offline from the text';
    lines.push(`(${mode}${answer.fallbackReason !== undefined ? `; model not used: ${answer.fallbackReason}` : ''})`);
    return lines.join('\n');
}
export function answerJson(answer) {
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
//# sourceMappingURL=format-answer.js.map