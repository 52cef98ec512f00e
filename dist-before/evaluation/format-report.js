export function formatComparison(footnote, baseline) {
    const figure = (value) => value.toFixed(3);
    const rows = [
        ['lead', figure(footnote.lead), figure(baseline.lead)],
        ['supported', figure(footnote.supported), figure(baseline.supported)],
        ['false abstain', figure(footnote.false_abstain), figure(baseline.false_abstain)],
        [
            'abstain correct',
            footnote.unanswerable === 0 ? '—' : figure(footnote.abstain_correct),
            footnote.unanswerable === 0 ? '—' : figure(baseline.abstain_correct),
        ],
        ['hit@1', figure(footnote.hit_at_1), figure(baseline.hit_at_1)],
        ['hit@3', figure(footnote.hit_at_3), figure(baseline.hit_at_3)],
        ['MRR', figure(footnote.mrr), figure(baseline.mrr)],
        ['quotes verbatim', figure(footnote.quotes_verbatim), figure(baseline.quotes_verbatim)],
        [
            'latency p50 / p99',
            `${footnote.p50_ms.toFixed(1)} / ${footnote.p99_ms.toFixed(1)} ms`,
            `${baseline.p50_ms.toFixed(1)} / ${baseline.p99_ms.toFixed(1)} ms`,
        ],
    ];
    const lines = [
        `questions           ${footnote.questions} (${footnote.answerable} answerable, ${footnote.unanswerable} not)`,
        `${''.padEnd(20)}${'footnote'.padEnd(20)}BM25 sentence`,
        ...rows.map(([label, mine, theirs]) => `${label.padEnd(20)}${mine.padEnd(20)}${theirs}`),
    ];
    const kinds = Object.entries(footnote.unanswerable_by_kind);
    if (kinds.length > 1 || (kinds.length === 1 && kinds[0]?.[0] !== 'unlabelled')) {
        lines.push('', 'unanswerable items by kind (footnote abstain correct)');
        for (const [kind, figures] of kinds)
            lines.push(`  ${kind.padEnd(18)}${String(figures.items).padStart(4)}   ${figure(figures.abstain_correct)}`);
    }
    return lines.join('\n');
}
export function formatTradeOff(points) {
    if (points === undefined)
        return 'abstention trade-off: the answers carry no confidence (Answer.confidence), so there is no curve to draw';
    const lines = [
        "abstention trade-off (abstain when the answer's confidence is below the threshold)",
        '  threshold  abstain on unanswerable  false abstain  lead',
    ];
    for (const point of points) {
        lines.push(`  ${point.threshold.toFixed(2).padEnd(11)}${point.abstain_unanswerable.toFixed(3).padEnd(24)}${point.false_abstain.toFixed(3).padEnd(15)}${point.lead.toFixed(3)}`);
    }
    return lines.join('\n');
}
//# sourceMappingURL=format-report.js.map