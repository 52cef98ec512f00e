import { splitSentences } from './split-sentences.js';
import { parseDateLine } from './parse-date.js';
import { isHeadingLike, toTextBlocks } from './text-blocks.js';
export function parseDocument(input) {
    const { text } = input;
    const bodyStart = text.startsWith('\uFEFF') ? 1 : 0;
    const frontMatter = readFrontMatter(text, bodyStart);
    const blocks = toTextBlocks(text, frontMatter.end, input.markdown);
    const header = [];
    let title = frontMatter.fields.get('title');
    let author = frontMatter.fields.get('author');
    let date = frontMatter.fields.get('date') !== undefined ? parseDateLine(frontMatter.fields.get('date') ?? '')?.iso : undefined;
    let cursor = 0;
    // Title: the first block, when it reads like one (or a Markdown level-1 heading).
    const first = blocks[0];
    if (first !== undefined) {
        // "# Title", or the Setext form "Title" over a line of "=".
        const markdownTitle = input.markdown ? (/^#\s+(.+?)\s*#*\s*$/u.exec(first.text) ?? /^([^\r\n]+?)\s*\r?\n\s*=+\s*$/u.exec(first.text)) : null;
        const layoutTitle = first.heading !== undefined && markdownTitle === null && !/^#{2,}\s/u.test(first.text) ? first.heading : undefined;
        if (markdownTitle?.[1] !== undefined) {
            const offset = first.text.indexOf(markdownTitle[1]);
            header.push({ kind: 'title', start: first.start + offset, end: first.start + offset + markdownTitle[1].length, text: markdownTitle[1] });
            title ??= markdownTitle[1];
            cursor = 1;
        }
        else if (layoutTitle !== undefined) {
            const start = first.start + layoutTitle.offset;
            header.push({ kind: 'title', start, end: start + layoutTitle.title.length, text: layoutTitle.title });
            title ??= layoutTitle.title;
            cursor = 1;
        }
        else if (isHeadingLike(first.text) && first.lines === 1 && (!input.markdown || blocks.length > 1)) {
            // A Markdown file may give its title as a plain first line, like a text file.
            header.push({ kind: 'title', start: first.start, end: first.end, text: first.text });
            title ??= first.text;
            cursor = 1;
        }
    }
    // Date line (possibly split over two short lines, as in "25.07" / "2025") and byline, in either order.
    for (let step = 0; step < 2 && cursor < blocks.length; step += 1) {
        const block = blocks[cursor];
        if (block === undefined)
            break;
        const dated = readDate(blocks, cursor);
        if (dated !== undefined) {
            header.push({ kind: 'date', start: dated.start, end: dated.end, text: text.slice(dated.start, dated.end) });
            date ??= dated.iso;
            cursor = dated.nextBlock;
            continue;
        }
        const byline = /^(?:by|written by|author:)\s+(.{2,150})$/iu.exec(block.text.replace(/\s+/gu, ' '));
        if (byline?.[1] !== undefined && block.text.length <= 200) {
            header.push({ kind: 'byline', start: block.start, end: block.end, text: block.text });
            author ??= byline[1].split(/[,;|]/u)[0]?.trim();
            cursor += 1;
            continue;
        }
        break;
    }
    const sections = [];
    const paragraphs = [];
    let sectionTitle = 'Introduction';
    let sectionStart = blocks[cursor]?.start ?? text.length;
    let headingStart;
    let headingEnd;
    let sentenceOrdinal = 0;
    let sectionHasParagraphs = false;
    const closeSection = (end) => {
        sections.push({ title: sectionTitle, index: sections.length + 1, start: sectionStart, end, headingStart, headingEnd });
    };
    for (let position = cursor; position < blocks.length; position += 1) {
        const block = blocks[position];
        const heading = headingOf(block, input.markdown, blocks[position + 1]);
        if (heading !== undefined) {
            if (sectionHasParagraphs)
                closeSection(block.start);
            sectionHasParagraphs = false;
            sectionTitle = heading.title;
            sectionStart = block.start;
            headingStart = block.start + heading.offset;
            headingEnd = headingStart + heading.title.length;
            continue;
        }
        sectionHasParagraphs = true;
        const number = paragraphs.length + 1;
        const sentences = splitSentences(block.text).map((span) => ({
            documentId: input.id,
            paragraph: number,
            section: sectionTitle,
            ordinal: sentenceOrdinal++,
            start: block.start + span.start,
            end: block.start + span.end,
            text: block.text.slice(span.start, span.end),
        }));
        paragraphs.push({
            documentId: input.id,
            number,
            section: sectionTitle,
            sectionIndex: sections.length + 1,
            start: block.start,
            end: block.end,
            text: block.text,
            sentences,
        });
    }
    if (paragraphs.length > 0 && paragraphs.at(-1)?.sectionIndex === sections.length + 1)
        closeSection(paragraphs.at(-1)?.end ?? text.length);
    return {
        id: input.id,
        title: title ?? input.id.replace(/\.(txt|md|markdown|rst)$/iu, ''),
        author,
        date,
        url: frontMatter.fields.get('url'),
        text,
        encoding: input.encoding,
        sections,
        paragraphs,
        header,
    };
}
function readFrontMatter(text, from) {
    const fields = new Map();
    const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u.exec(text.slice(from));
    if (match === null || match[1] === undefined)
        return { end: from, fields };
    for (const line of match[1].split(/\r?\n/u)) {
        const field = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/u.exec(line);
        if (field?.[1] !== undefined && field[2] !== undefined)
            fields.set(field[1].toLowerCase(), field[2].trim().replace(/^(["'])(.*)\1$/u, '$2'));
    }
    return { end: from + match[0].length, fields };
}
function headingOf(block, markdown, next) {
    if (block.heading !== undefined)
        return block.heading;
    const markdownHeading = /^(#{1,6})\s+(.+?)\s*#*\s*$/u.exec(block.text);
    if (markdownHeading?.[2] !== undefined)
        return { title: markdownHeading[2], offset: block.text.indexOf(markdownHeading[2]) };
    if (markdown || block.layout !== 'line' || block.lines > 1 || next === undefined)
        return undefined;
    return isHeadingLike(block.text) ? { title: block.text, offset: 0 } : undefined;
}
function readDate(blocks, at) {
    const block = blocks[at];
    if (block === undefined || block.text.length > 60)
        return undefined;
    const next = blocks[at + 1];
    // "25.07" then "2025" on the next line.
    if (next !== undefined && /^\d{1,2}[./-]\d{1,2}$/u.test(block.text) && /^\d{4}$/u.test(next.text)) {
        const parsed = parseDateLine(`${block.text}.${next.text}`);
        if (parsed !== undefined)
            return { start: block.start, end: next.end, iso: parsed.iso, nextBlock: at + 2 };
    }
    const parsed = parseDateLine(block.text);
    return parsed === undefined ? undefined : { start: block.start, end: block.end, iso: parsed.iso, nextBlock: at + 1 };
}
//# sourceMappingURL=parse-document.js.map