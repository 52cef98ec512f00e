export function itemRecord(result, baseline) {
    const { item, reply } = result;
    return {
        id: item.id,
        ...(item.group !== undefined ? { group: item.group } : {}),
        ...(item.kind !== undefined ? { kind: item.kind } : {}),
        question: item.turns.at(-1) ?? '',
        ...(item.turns.length > 1 ? { turns: item.turns } : {}),
        answerable: item.answerable,
        evidence: item.evidence,
        answerLine: reply.answerLine,
        abstained: reply.abstained,
        ...(reply.abstainReason !== undefined ? { abstainReason: reply.abstainReason } : {}),
        ...(reply.confidence !== undefined ? { confidence: reply.confidence } : {}),
        firstQuote: reply.quotes[0]?.text ?? null,
        lead: result.lead,
        supported: result.supported,
        passageRank: result.rank ?? null,
        ...(baseline !== undefined ? { baselineLead: baseline.lead } : {}),
        milliseconds: Math.round(result.milliseconds * 10) / 10,
    };
}
/** JSON lines, footnote's items in run order, each paired with the baseline's result on the same item. */
export function itemLines(footnote, baseline) {
    return footnote.map((result, position) => JSON.stringify(itemRecord(result, baseline[position]))).join('\n') + '\n';
}
//# sourceMappingURL=item-record.js.map