/**
 * HTML → Markdown text of its article: @mozilla/readability finds the main text of a web page on a
 * linkedom DOM (no browser); headings become "##" lines, paragraphs and list items blank-line separated
 * blocks. Mammoth's HTML for a .docx goes through the same walk, without readability.
 */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unnecessary-type-assertion --
   linkedom's types lean on the DOM lib, which this Node project does not load; tsc skips them (skipLibCheck), the linter sees error types. */
import { Readability } from '@mozilla/readability';
// eslint-disable-next-line no-restricted-imports -- this module is the one extract-text.ts loads on first use
import { parseHTML } from 'linkedom';

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td';

/** The little of the DOM read here (the project compiles without the browser's DOM types). */
interface Element {
  readonly tagName: string;
  readonly textContent: string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
}
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

export function htmlToMarkdown(html: string, options: { readability: boolean }): { markdown: string; title: string | undefined } | undefined {
  const { document } = parseHTML(html);
  let body = document.body as unknown as Element | null;
  let title = document.title?.trim() || undefined;
  if (options.readability) {
    // Readability changes the DOM it reads: it gets its own copy.
    const article = new Readability(parseHTML(html).document as unknown as ReadabilityDocument, { charThreshold: 200 }).parse();
    if (article === null || article.content === null || article.content === undefined) return undefined;
    title = article.title?.trim() || title;
    body = parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as Element;
  }
  if (body === null) return undefined;
  const blocks: string[] = [];
  let titleFromHeading = false;
  for (const element of Array.from(body.querySelectorAll(BLOCKS))) {
    // The innermost block speaks: a list item holding a paragraph is read once, as the paragraph.
    if (element.querySelector(BLOCKS) !== null) continue;
    const text = (element.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (text === '') continue;
    const level = /^h([1-6])$/iu.exec(element.tagName)?.[1];
    if (level !== undefined) {
      // A heading before any text is the article's own title (readability turns its h1 into an h2); later ones are sections.
      if (blocks.length === 0 && !titleFromHeading) {
        title = text;
        titleFromHeading = true;
      } else blocks.push(`## ${text}`);
    } else blocks.push(text.replace(/^(#+)\s/u, '\\$1 '));
  }
  if (blocks.length === 0) return undefined;
  return { markdown: `${title === undefined ? '' : `# ${title}\n\n`}${blocks.join('\n\n')}\n`, title };
}
