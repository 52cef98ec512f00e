/**
 * A PDF written by hand: one page per entry, each a list of lines set in Helvetica, with a correct
 * cross-reference table. Enough for pdf.js to read the text back; the benchmark makes its long PDF with it
 * (no binary in git) and the tests their small ones.
 */
/**
 * One page per entry, each a list of lines; an empty list is a page with nothing on it (like a scan without text).
 * `encrypted` adds an /Encrypt dictionary, so pdf.js asks for a password.
 */
export function writePdf(pages: readonly (readonly string[])[], options: { title?: string; encrypted?: boolean } = {}): Buffer {
  const objects: string[] = [];
  // push returns the new length, which is the object number (they start at 1).
  const add = (body: string) => objects.push(body);
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PLACEHOLDER');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pageNumbers: number[] = [];
  for (const lines of pages) {
    const escaped = lines.map((line) => `(${line.replace(/[\\()]/g, '\\$&')}) Tj T*`).join('\n');
    const stream = lines.length === 0 ? '' : `BT /F1 11 Tf 14 TL 72 720 Td\n${escaped}\nET`;
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    pageNumbers.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${pageNumbers.map((number) => `${number} 0 R`).join(' ')}] /Count ${pageNumbers.length} >>`;
  const info = options.title === undefined ? undefined : add(`<< /Title (${options.title}) >>`);
  const encrypt = options.encrypted === true ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : undefined;
  let file = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(file, 'latin1'));
    file += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(file, 'latin1');
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  const extra = `${info === undefined ? '' : ` /Info ${info} 0 R`}${encrypt === undefined ? '' : ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`}`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${extra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(file, 'latin1');
}
