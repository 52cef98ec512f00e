/**
 * Lines → paragraph blocks, reading the layout the way a person does, in one pass over the lines.
 *
 * Two ways of writing paragraphs are told apart group by group (a group is the text between blank lines):
 * - hard-wrapped prose (RFCs, licences, man pages, READMEs, Gutenberg books): the lines of a group are one
 *   paragraph, joined; a list item, a change of indentation or an underline starts a new block;
 * - one paragraph per line (the article, most exported notes): no blank lines, or lines too long to be
 *   wrapped; each line is a block, unless it visibly breaks mid-sentence.
 * Headings come only from layout: a Markdown `#`, an underline (=== / --- / ***), a short unpunctuated
 * line standing alone between blank lines, a short line outdented above indented text (man pages), and —
 * in one-paragraph-per-line text — a short unpunctuated line between paragraphs.
 * Markdown blocks that are not prose (code, raw HTML, link definitions, lone images, table rules) are left out.
 */
/** No wrapping program makes lines this long: a longer line is a whole paragraph. */
const LONGEST_WRAPPED_LINE = 160;
const UNDERLINE = /^(?:={3,}|-{3,}|\*{3,}|~{3,}|\^{3,}|#{3,}|\+{3,}|`{3,}|_{3,})$/u;
const LIST_ITEM = /^(?:[-*•+·o]\s+\S|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s+\S|\[\d+\]\s+\S)/u;
const TERMINAL_PUNCTUATION = /[.!?:;…"”'’)\]]$/u;
export function toTextBlocks(text, from, markdown) {
    const lines = splitLines(text, from);
    const kept = markdown ? withoutMarkdownNonProse(lines) : lines;
    const groups = groupByBlankLines(kept);
    const blankSeparated = groups.length > 1;
    const shortLine = 0.6 * wrapWidth(kept);
    const blocks = [];
    const firstBlockOfGroup = [];
    for (const group of groups) {
        firstBlockOfGroup.push(blocks.length);
        const underlined = underlineHeading(group);
        if (underlined !== undefined) {
            blocks.push(blockOf(text, [underlined.title], { title: underlined.title.text, offset: 0 }));
            if (underlined.rest.length > 0)
                addGroup(text, underlined.rest, { blankSeparated, markdown, shortLine }, blocks);
            continue;
        }
        addGroup(text, group, { blankSeparated, markdown, shortLine }, blocks);
    }
    markStandaloneHeadings(groups, blocks, firstBlockOfGroup);
    return blocks;
}
function addGroup(text, group, layout, blocks) {
    const { blankSeparated, markdown } = layout;
    const wrapped = blankSeparated && group.slice(0, -1).every((line) => line.text.length <= LONGEST_WRAPPED_LINE);
    if (!wrapped) {
        addLinePerParagraph(text, group, blocks);
        return;
    }
    let current = [];
    const flush = () => {
        if (current.length > 0)
            blocks.push(blockOf(text, current, undefined));
        current = [];
    };
    for (const [position, line] of group.entries()) {
        const markdownHeading = /^#{1,6}\s+(.+?)\s*#*\s*$/u.exec(line.text);
        if (markdownHeading?.[1] !== undefined) {
            flush();
            blocks.push(blockOf(text, [line], { title: markdownHeading[1], offset: line.text.indexOf(markdownHeading[1]) }));
            continue;
        }
        const previous = current.at(-1);
        const endedShort = previous !== undefined && previous.text.length < layout.shortLine && /^[\p{Lu}\p{N}]/u.test(line.text) && !markdown;
        if (current.length > 0 && (endedShort || startsNewBlock(current, line, markdown)))
            flush();
        // A short heading-like first line outdented above indented text: "DESCRIPTION" / "       ls lists...".
        const next = group[position + 1];
        if (current.length === 0 && next !== undefined && next.indent > line.indent && isHeadingLike(line.text) && line.text.length <= 60 && !LIST_ITEM.test(line.text)) {
            blocks.push(blockOf(text, [line], { title: line.text, offset: 0 }));
            continue;
        }
        current.push(line);
    }
    flush();
}
/**
 * A group that is one short line alone between blank lines is a heading when it reads like one: no final
 * punctuation (or a short numbered title, "1. Definitions."), not indented deeper than the text after it
 * (that is code), and not cut off after a function word ("... is equivalent to" introduces an example).
 */
function markStandaloneHeadings(groups, blocks, firstBlockOfGroup) {
    groups.forEach((group, index) => {
        const line = group[0];
        const next = groups[index + 1]?.[0];
        const position = firstBlockOfGroup[index];
        if (group.length !== 1 || line === undefined || next === undefined || position === undefined)
            return;
        const block = blocks[position];
        if (block === undefined || block.heading !== undefined || block.layout !== 'wrapped' || block.lines !== 1)
            return;
        if (line.indent > next.indent || ENDS_WITH_FUNCTION_WORD.test(line.text))
            return;
        const numbered = NUMBERED_HEADING.test(line.text);
        if (numbered || (isHeadingLike(line.text) && !LIST_ITEM.test(line.text)))
            blocks[position] = { ...block, heading: { title: line.text, offset: 0 } };
    });
}
const NUMBERED_HEADING = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]\.|[IVXLC]{1,5}\.)\s+\p{Lu}\S*(?:\s+\S+){0,5}$/u;
const ENDS_WITH_FUNCTION_WORD = /\s(?:a|an|the|to|of|and|or|is|are|was|were|be|for|with|in|on|as|by|that|from|at|than)$/iu;
function startsNewBlock(current, line, markdown) {
    const previous = current.at(-1);
    if (LIST_ITEM.test(line.text) && line.indent <= previous.indent + 1)
        return true;
    if (markdown && (line.text.startsWith('|') || previous.text.startsWith('|')))
        return true;
    // A hanging indent after the first line is a term and its definition ("-a, --all" / "do not ignore..."), or a
    // list item going on; any other jump of four or more columns is code or a quotation inside the prose.
    if (current.length === 1 && line.indent > previous.indent)
        return false;
    return Math.abs(line.indent - previous.indent) >= 4;
}
/** One paragraph per line; a line that stops mid-sentence and goes on in lower case is joined to the next. */
function addLinePerParagraph(text, group, blocks) {
    let current = [];
    for (const [position, line] of group.entries()) {
        current.push(line);
        const next = group[position + 1];
        const continues = next !== undefined && line.text.length <= LONGEST_WRAPPED_LINE && !TERMINAL_PUNCTUATION.test(line.text) && /^\p{Ll}/u.test(next.text) && !LIST_ITEM.test(next.text);
        if (continues)
            continue;
        blocks.push(blockOf(text, current, undefined, 'line'));
        current = [];
    }
}
/** A line followed by an underline (setext / reStructuredText), or framed by two (over- and underline). */
function underlineHeading(group) {
    const [first, second, third] = group;
    if (first === undefined || second === undefined)
        return undefined;
    if (UNDERLINE.test(first.text) && third !== undefined && UNDERLINE.test(third.text) && isTitleLength(second.text))
        return { title: second, rest: group.slice(3) };
    if (!UNDERLINE.test(first.text) && UNDERLINE.test(second.text) && isTitleLength(first.text))
        return { title: first, rest: group.slice(2) };
    return undefined;
}
function isTitleLength(line) {
    return line.length > 0 && line.length <= 110;
}
/** Short line, no final sentence punctuation, starts like a title. */
export function isHeadingLike(line) {
    if (line.length === 0 || line.length > 110)
        return false;
    let words = 1;
    for (let position = 0; position < line.length && words <= 16; position += 1)
        if (line[position] === ' ')
            words += 1;
    if (words > 16)
        return false;
    if (/[.!?:;,…"”'’)]$/u.test(line))
        return false;
    return /^[\p{Lu}\p{N}“"'‘]/u.test(line);
}
function blockOf(text, lines, heading, layout = 'wrapped') {
    const first = lines[0];
    const last = lines.at(-1);
    const block = { start: first.start, end: last.end, text: text.slice(first.start, last.end), lines: lines.length, layout };
    return heading === undefined ? block : { ...block, heading };
}
/** The length most lines reach: the 90th percentile of line lengths (a histogram, so linear time). */
function wrapWidth(lines) {
    const counts = new Array(1001).fill(0);
    let total = 0;
    for (const line of lines) {
        if (line.text === '')
            continue;
        counts[Math.min(1000, line.text.length)] = (counts[Math.min(1000, line.text.length)] ?? 0) + 1;
        total += 1;
    }
    let seen = 0;
    for (let length = 0; length <= 1000; length += 1) {
        seen += counts[length] ?? 0;
        if (seen >= 0.9 * total)
            return length;
    }
    return 1000;
}
function splitLines(text, from) {
    const lines = [];
    let start = from;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        let contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
        let contentStart = start;
        let indent = 0;
        while (contentStart < contentEnd && (text[contentStart] === ' ' || text[contentStart] === '\t' || text[contentStart] === '\u00A0')) {
            indent += text[contentStart] === '\t' ? 8 - (indent % 8) : 1;
            contentStart += 1;
        }
        while (contentEnd > contentStart && /\s/u.test(text[contentEnd - 1] ?? ''))
            contentEnd -= 1;
        // A lone carriage return (old Mac line ends) also ends a line.
        const carriageInLine = text.slice(contentStart, contentEnd).indexOf('\r');
        const carriage = carriageInLine === -1 ? -1 : contentStart + carriageInLine;
        if (carriage !== -1) {
            lines.push({ start: contentStart, end: trimEnd(text, contentStart, carriage), text: text.slice(contentStart, trimEnd(text, contentStart, carriage)), indent });
            start = carriage + 1;
            continue;
        }
        lines.push({ start: contentStart, end: contentEnd, text: text.slice(contentStart, contentEnd), indent });
        if (end >= text.length)
            break;
        start = end + 1;
    }
    return lines;
}
function trimEnd(text, start, end) {
    let position = end;
    while (position > start && /\s/u.test(text[position - 1] ?? ''))
        position -= 1;
    return position;
}
function groupByBlankLines(lines) {
    const groups = [];
    let group = [];
    for (const line of lines) {
        if (line.text === '') {
            if (group.length > 0)
                groups.push(group);
            group = [];
        }
        else
            group.push(line);
    }
    if (group.length > 0)
        groups.push(group);
    return groups;
}
/**
 * Markdown that is not prose becomes a blank line, so it never reaches a quote: fenced code, raw HTML
 * blocks, link reference definitions, lines that are only an image, table rules and thematic breaks.
 */
function withoutMarkdownNonProse(lines) {
    const kept = [];
    const blank = (line) => ({ start: line.start, end: line.start, text: '', indent: 0 });
    let fence;
    let inHtml = false;
    let previousBlank = true;
    for (const line of lines) {
        const fenceMark = /^(`{3,}|~{3,})/u.exec(line.text)?.[1];
        if (fence !== undefined) {
            if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length)
                fence = undefined;
            kept.push(blank(line));
            continue;
        }
        if (fenceMark !== undefined) {
            fence = fenceMark;
            kept.push(blank(line));
            continue;
        }
        if (inHtml && line.text === '')
            inHtml = false;
        if (!inHtml && previousBlank && /^<(?:[a-zA-Z][\w-]*|!--|\/[a-zA-Z])/u.test(line.text))
            inHtml = true;
        const nonProse = inHtml ||
            (previousBlank && line.indent >= 4 && line.text !== '') ||
            /^\[[^\]^]+\]:\s*\S+/u.test(line.text) ||
            /^(?:!\[[^\]]*\]\([^)]*\)\s*|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$/u.test(line.text) ||
            (line.text.includes('|') && /^[|:\-\s]*-{3,}[|:\-\s]*$/u.test(line.text)) ||
            (previousBlank && /^(?:\*\s*){3,}$|^(?:_\s*){3,}$|^(?:-\s*){3,}$/u.test(line.text));
        if (nonProse) {
            kept.push(blank(line));
            // Indented code continues until a blank line; keep treating it as code.
            previousBlank = previousBlank && line.indent >= 4 ? true : line.text === '' || inHtml;
            continue;
        }
        kept.push(line);
        previousBlank = line.text === '';
    }
    return kept;
}
//# sourceMappingURL=text-blocks.js.map