import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from '../../src/corpus/parse-document.js';
import { extractText, type ExtractOutcome } from '../../src/library/extract-text.js';
import { secondArticleFile } from '../helpers/two-documents.js';
import { tinyDocx, tinyPdf, zipBomb } from '../helpers/tiny-files.js';

const limits = { maxUnzippedBytes: 1024 * 1024 };
const article = readFileSync(secondArticleFile, 'utf8');
const paragraphs = article.split(/\n\s*\n/u).filter((block) => !block.startsWith('#') && block.length > 80);

function extracted(outcome: ExtractOutcome) {
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  return outcome.extracted;
}

test('GIVEN a PDF with a text layer on two pages THEN its text is read, one "Page N" section per page, and quotes locate in it', async () => {
  const pdf = tinyPdf(
    [
      ['Night trains return', 'Ten years ago the sleeper train looked finished in most of Western Europe.'],
      ['Operators expect demand to keep growing through the decade.'],
    ],
    { title: 'Night trains' },
  );
  const result = extracted(await extractText({ name: 'trains.pdf', bytes: pdf, limits }));
  assert.equal(result.format, 'pdf');
  assert.equal(result.title, 'Night trains');
  const document = parseDocument({ id: 'trains.pdf', text: result.text, encoding: 'utf-8', markdown: true });
  assert.deepEqual(
    document.sections.map((section) => section.title),
    ['Page 1', 'Page 2'],
  );
  const sentence = document.paragraphs.flatMap((paragraph) => paragraph.sentences).find((candidate) => candidate.text.startsWith('Operators'));
  assert.equal(sentence?.section, 'Page 2');
  assert.equal(result.text.slice(sentence?.start, sentence?.end), 'Operators expect demand to keep growing through the decade.');
});

test('GIVEN a PDF whose pages carry no text (a scan) THEN "no text found; scanned pages are not read"', async () => {
  const outcome = await extractText({ name: 'scan.pdf', bytes: tinyPdf([[], []]), limits });
  assert.ok(!outcome.ok);
  assert.equal(outcome.kind, 'no-text');
  assert.match(outcome.message, /No text found in “scan\.pdf”; scanned pages are not read/u);
});

test('GIVEN an encrypted PDF THEN it is refused as password-protected', async () => {
  const outcome = await extractText({ name: 'locked.pdf', bytes: tinyPdf([['Secret text']], { encrypted: true }), limits });
  assert.ok(!outcome.ok);
  assert.equal(outcome.kind, 'encrypted');
  assert.match(outcome.message, /encrypted \(password-protected\)/u);
});

test('GIVEN a .docx made of a heading and paragraphs THEN mammoth reads it into a section with its paragraphs', async () => {
  const docx = tinyDocx({ heading: 'Why travellers came back', paragraphs: paragraphs.slice(0, 3) });
  const result = extracted(await extractText({ name: 'trains.docx', bytes: docx, limits }));
  const document = parseDocument({ id: 'trains.docx', text: result.text, encoding: 'utf-8', markdown: true });
  assert.equal(document.title, 'Why travellers came back');
  assert.equal(document.paragraphs.length, 3);
  assert.equal(document.paragraphs[0]?.text, paragraphs[0]);
});

test('GIVEN a file named .docx that is not one, or a zip bomb THEN each is refused with its own message, the bomb unopened', async () => {
  const text = await extractText({ name: 'notes.docx', bytes: Buffer.from('just some text, not a zip'), limits });
  assert.ok(!text.ok && text.kind === 'not-docx');
  assert.match(text.message, /is not a Word document \(\.docx\)/u);
  const otherZip = await extractText({ name: 'photos.docx', bytes: zipBomb(10), limits: { maxUnzippedBytes: 5 } });
  assert.ok(!otherZip.ok && otherZip.kind === 'zip-bomb');
  const bomb = zipBomb(64 * 1024 * 1024);
  assert.ok(bomb.length < 200_000, `the bomb is small on disk (${bomb.length} bytes)`);
  const outcome = await extractText({ name: 'bomb.docx', bytes: bomb, limits });
  assert.ok(!outcome.ok && outcome.kind === 'zip-bomb');
  assert.match(outcome.message, /would unpack to 64 MiB, more than the 1 MiB/u);
});

test('GIVEN a web page THEN readability keeps the article and drops the menus; a page without article text is refused', async () => {
  const body = paragraphs
    .slice(0, 4)
    .map((text) => `<p>${text}</p>`)
    .join('\n');
  const page = `<html><head><title>Night trains | Rail Weekly</title></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/login">Subscribe now</a></li></ul></nav>
    <article><h1>Night trains return to Europe's rails</h1><h2>Why travellers came back</h2>${body}</article>
    <footer>Copyright Rail Weekly. Cookie settings.</footer></body></html>`;
  const result = extracted(await extractText({ name: 'page.html', bytes: Buffer.from(page), limits }));
  assert.match(result.text, /^# Night trains return to Europe's rails\n\n## Why travellers came back\n\nTen years ago/u);
  assert.doesNotMatch(result.text, /Subscribe now|Cookie settings/u);
  const menu = `<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`;
  const empty = await extractText({ name: 'menu.html', bytes: Buffer.from(menu), limits });
  assert.ok(!empty.ok && empty.kind === 'no-article');
  assert.match(empty.message, /No article text found in “menu\.html”/u);
});

test('GIVEN a file of another kind, or an empty one THEN the message names what footnote reads', async () => {
  const image = await extractText({ name: 'cover.png', bytes: Buffer.from([0x89, 0x50]), limits });
  assert.ok(!image.ok && image.kind === 'unsupported');
  assert.match(image.message, /\.txt, \.md, \.html, \.pdf or \.docx/u);
  const empty = await extractText({ name: 'empty.txt', bytes: Buffer.alloc(0), limits });
  assert.ok(!empty.ok && empty.kind === 'empty');
});
