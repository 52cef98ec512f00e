/** Dates as articles print them: "25.07.2025", "2025-07-25", "25 July 2025", "July 25, 2025". */
import { MONTH_NAMES } from '../language/lexicon.js';
function monthNumber(name) {
    const lower = name.toLowerCase();
    const index = MONTH_NAMES.findIndex((month) => month === lower || (lower.length >= 3 && month.startsWith(lower.replace(/\.$/u, ''))));
    return index === -1 ? undefined : index + 1;
}
function build(year, month, day) {
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 2999)
        return undefined;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCDate() !== day)
        return undefined;
    return { iso: date.toISOString().slice(0, 10) };
}
export function parseDateLine(line) {
    const text = line.trim().replace(/^(published|posted|date)\s*:?\s*/iu, '');
    let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/u.exec(text);
    if (match)
        return build(Number(match[1]), Number(match[2]), Number(match[3]));
    // Day first, as in most of the world and in the first article ("25.07.2025").
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/u.exec(text);
    if (match)
        return build(Number(match[3]), Number(match[2]), Number(match[1]));
    match = /^(\d{1,2})\s+([A-Za-z]{3,}\.?)\s+(\d{4})$/u.exec(text);
    if (match?.[2] !== undefined) {
        const month = monthNumber(match[2]);
        return month === undefined ? undefined : build(Number(match[3]), month, Number(match[1]));
    }
    match = /^([A-Za-z]{3,}\.?)\s+(\d{1,2}),?\s+(\d{4})$/u.exec(text);
    if (match?.[1] !== undefined) {
        const month = monthNumber(match[1]);
        return month === undefined ? undefined : build(Number(match[3]), month, Number(match[2]));
    }
    return undefined;
}
//# sourceMappingURL=parse-date.js.map