/**
 * Escapes Discord markdown in text shown as written (questions, quotes, section names) in one linear pass
 * each: discord.js's escapeMarkdown with its list and heading options took minutes on a 100 KB paragraph.
 */

/** Characters that format anywhere in a line: escape, bold/italic, underline, strike, code, spoiler, masked link. */
const inlineMarkers = /[\\*_~`|[]/g;
/** What formats only at the start of a line: headings, subtext, bullets, block quotes, numbered lists. */
const lineMarkers = /^([ \t]*)(?:(#{1,3}(?=[ \t])|-(?=[ \t#])|>)|(\d+)\.(?=[ \t]))/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(inlineMarkers, '\\$&')
    .replace(lineMarkers, (_match, indent: string, marker: string | undefined, digits: string | undefined) =>
      marker === undefined ? `${indent}${digits ?? ''}\\.` : `${indent}\\${marker}`,
    );
}
