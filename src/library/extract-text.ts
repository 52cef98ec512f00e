/**
 * A file added to a library → the text footnote stores, indexes and quotes from. Each format goes through
 * a well-kept parser: HTML through @mozilla/readability on a linkedom DOM (the article, not the menus),
 * PDF through pdf.js (one "Page N" section per page, so citations carry the page), .docx through mammoth.
 * The extracted text is written as Markdown, stored, and every quote is checked against it.
 * Problems come back as values with a message that says what to do.
 */
import { decodeFile } from '../corpus/decode-file.js';
import { checkZip } from './zip-check.js';

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

export interface ExtractedText {
  readonly format: DocumentFormat;
  /** Markdown (or plain text for .txt): what is stored and quoted. */
  readonly text: string;
  readonly markdown: boolean;
  /** The title the file itself gives (HTML <title>, PDF info), when the text has none of its own. */
  readonly title: string | undefined;
}

export type ExtractProblemKind = 'unsupported' | 'empty' | 'binary' | 'encrypted' | 'no-text' | 'not-docx' | 'zip-bomb' | 'no-article' | 'unreadable';

export type ExtractOutcome =
  { readonly ok: true; readonly extracted: ExtractedText } | { readonly ok: false; readonly kind: ExtractProblemKind; readonly message: string };

export interface ExtractLimits {
  /** The most a .docx may expand to when unzipped (a zip bomb is refused before it is inflated). */
  readonly maxUnzippedBytes: number;
}

const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** The format from the name, or from the content type a web server sent. */
export function formatOf(name: string, contentType?: string): DocumentFormat | undefined {
  const extension = /\.[a-z]+$/iu.exec(name)?.[0]?.toLowerCase();
  const byName = extension === undefined ? undefined : EXTENSIONS[extension];
  if (byName !== undefined) return byName;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/markdown') return 'md';
  if (type === 'text/plain') return 'txt';
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  return undefined;
}

export const SUPPORTED_FORMATS = '.txt, .md, .html, .pdf or .docx';

export async function extractText(input: {
  name: string;
  bytes: Uint8Array;
  contentType?: string | undefined;
  limits: ExtractLimits;
}): Promise<ExtractOutcome> {
  const format = formatOf(input.name, input.contentType);
  if (format === undefined) return { ok: false, kind: 'unsupported', message: `footnote reads ${SUPPORTED_FORMATS} files; “${input.name}” is none of these.` };
  if (input.bytes.length === 0) return { ok: false, kind: 'empty', message: `“${input.name}” is empty.` };
  switch (format) {
    case 'txt':
    case 'md':
      return plainText(input.name, input.bytes, format);
    case 'html':
      return html(input.name, input.bytes);
    case 'pdf':
      return pdf(input.name, input.bytes);
    case 'docx':
      return docx(input.name, input.bytes, input.limits);
  }
}

function plainText(name: string, bytes: Uint8Array, format: 'txt' | 'md'): ExtractOutcome {
  const decoded = decodeFile(Buffer.from(bytes));
  if (!decoded.ok) {
    return decoded.reason === 'empty'
      ? { ok: false, kind: 'empty', message: `“${name}” is empty.` }
      : { ok: false, kind: 'binary', message: `“${name}” is binary, not text: add a ${SUPPORTED_FORMATS} file.` };
  }
  return { ok: true, extracted: { format, text: decoded.file.text, markdown: format === 'md', title: undefined } };
}

async function html(name: string, bytes: Uint8Array): Promise<ExtractOutcome> {
  const source = new TextDecoder('utf-8').decode(bytes);
  // Loaded on first use, like pdf.js and mammoth: linkedom alone costs every start of the bot ~0.4 s.
  const { htmlToMarkdown } = await import('./html-to-markdown.js');
  const article = htmlToMarkdown(source, { readability: true });
  if (article === undefined || article.markdown.split(/\s+/u).length < 20) {
    return {
      ok: false,
      kind: 'no-article',
      message: `No article text found in “${name}”: the page may be a menu, a login page, or built by scripts. Save the article as a file and add that.`,
    };
  }
  return { ok: true, extracted: { format: 'html', text: article.markdown, markdown: true, title: article.title } };
}

async function pdf(name: string, bytes: Uint8Array): Promise<ExtractOutcome> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // No eval, no fonts, no network: text only. pdf.js takes ownership of the buffer, so it gets a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(reflowPage(text));
      page.cleanup();
    }
    const metadata = await document.getMetadata().catch(() => undefined);
    await document.destroy();
    if (pages.every((page) => page.trim() === '')) {
      return {
        ok: false,
        kind: 'no-text',
        message: `No text found in “${name}”; scanned pages are not read. Add a PDF with a text layer (or run OCR on it first).`,
      };
    }
    const info = metadata?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : undefined;
    const markdown = pages.map((page, index) => (page.trim() === '' ? '' : `## Page ${index + 1}\n\n${page.trim()}`)).filter((page) => page !== '');
    return { ok: true, extracted: { format: 'pdf', text: `${markdown.join('\n\n')}\n`, markdown: true, title } };
  } catch (error) {
    const errorName = (error as { name?: string }).name;
    if (errorName === 'PasswordException')
      return { ok: false, kind: 'encrypted', message: `“${name}” is encrypted (password-protected): save an unprotected copy and add that.` };
    return { ok: false, kind: 'unreadable', message: `“${name}” could not be read as a PDF (${(error as Error).message.slice(0, 120)}).` };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Lines of one paragraph joined; a blank line (or a line ending a sentence before a short one) ends a paragraph. */
function reflowPage(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .split(/\n\s*\n/u)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' ')
        .replace(/(\p{L})- (\p{Ll})/gu, '$1$2'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

async function docx(name: string, bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractOutcome> {
  const zip = checkZip(bytes, { maxUnzippedBytes: limits.maxUnzippedBytes, requiredEntry: 'word/document.xml' });
  if (zip.kind === 'not-zip' || zip.kind === 'missing-entry')
    return { ok: false, kind: 'not-docx', message: `“${name}” is not a Word document (.docx), whatever its name says: save it from Word as .docx, or as PDF.` };
  if (zip.kind === 'too-big')
    return {
      ok: false,
      kind: 'zip-bomb',
      message: `“${name}” would unpack to ${(zip.unzippedBytes / 1048576).toFixed(0)} MiB, more than the ${(limits.maxUnzippedBytes / 1048576).toFixed(0)} MiB footnote allows: it is refused unopened.`,
    };
  const mammoth = (await import('mammoth')).default;
  const { htmlToMarkdown } = await import('./html-to-markdown.js');
  try {
    const converted = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const article = htmlToMarkdown(`<html><body>${converted.value}</body></html>`, { readability: false });
    if (article === undefined || article.markdown.trim() === '') return { ok: false, kind: 'no-text', message: `“${name}” has no text.` };
    return { ok: true, extracted: { format: 'docx', text: article.markdown, markdown: true, title: undefined } };
  } catch (error) {
    return { ok: false, kind: 'not-docx', message: `“${name}” could not be read as a Word document (${(error as Error).message.slice(0, 120)}).` };
  }
}
