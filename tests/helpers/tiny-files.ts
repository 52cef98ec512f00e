/**
 * Small real files made in the tests: a PDF written by hand (src/benchmark/pdf-writer.ts: objects, content
 * streams with Helvetica text, a correct cross-reference table), and .docx files zipped with fflate. Real
 * parsers read them.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export { writePdf as tinyPdf } from '../../src/benchmark/pdf-writer.js';

/** A Word document: a heading and paragraphs, the parts Word itself writes at the least. */
export function tinyDocx(input: { heading: string; paragraphs: readonly string[] }): Buffer {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style === undefined ? '' : `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph(input.heading, 'Heading1')}${input.paragraphs.map((text) => paragraph(text)).join('')}</w:body></w:document>`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  };
  return Buffer.from(zipSync(files));
}

/** A zip that is small on disk and huge unpacked: one entry of zeros. */
export function zipBomb(unpackedBytes: number): Buffer {
  return Buffer.from(zipSync({ 'word/document.xml': [new Uint8Array(unpackedBytes), { level: 9 }] }));
}
