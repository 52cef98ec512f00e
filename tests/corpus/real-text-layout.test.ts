/**
 * Text as people write it (issue 12): excerpts of real files from this kind of machine, one test per kind,
 * checking what a reader would notice — a paragraph is a paragraph, a heading is a heading, code and
 * markup never become quotes, and every sentence still sits at its offsets in the file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../src/corpus/parse-document.js';
import type { CorpusDocument } from '../../src/corpus/types.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'real-text');

function parseFixture(name: string): { document: CorpusDocument; text: string } {
  const text = readFileSync(path.join(fixtures, name), 'utf8');
  const document = parseDocument({ id: name, text, encoding: 'utf-8', markdown: name.endsWith('.md') });
  for (const paragraph of document.paragraphs) {
    assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
    for (const sentence of paragraph.sentences) assert.equal(text.slice(sentence.start, sentence.end), sentence.text, `${name}: sentence offsets`);
  }
  return { document, text };
}

const flat = (text: string) => text.replace(/\s+/gu, ' ');
const paragraphStarting = (document: CorpusDocument, start: string) => document.paragraphs.find((paragraph) => flat(paragraph.text).startsWith(start));

test('GIVEN a hard-wrapped licence THEN each definition is one paragraph of whole sentences and the numbered title is a heading', () => {
  const { document } = parseFixture('apache-license-2.0.txt');
  const legalEntity = paragraphStarting(document, '"Legal Entity" shall mean');
  assert.ok(legalEntity, 'the wrapped definition is one paragraph');
  assert.ok(flat(legalEntity.text).endsWith('(iii) beneficial ownership of such entity.'));
  assert.deepEqual(
    legalEntity.sentences.map((sentence) => flat(sentence.text).slice(0, 40)),
    ['"Legal Entity" shall mean the union of t', 'For the purposes of this definition, "co'],
  );
  assert.ok(document.sections.some((section) => section.title === '1. Definitions.'));
  // No line fragment is a heading: every section title is a short line of its own in the file.
  for (const section of document.sections.slice(1)) assert.ok(section.title.length < 70, section.title);
  assert.ok(document.paragraphs.length <= 12, `${document.paragraphs.length} paragraphs for 60 lines`);
});

test('GIVEN a manual page THEN NAME, SYNOPSIS and DESCRIPTION are sections and each option keeps its description', () => {
  const { document } = parseFixture('ls-manual-page.txt');
  assert.deepEqual(
    document.sections.map((section) => section.title).slice(-3),
    ['NAME', 'SYNOPSIS', 'DESCRIPTION'],
  );
  assert.equal(flat(paragraphStarting(document, '-a, --all')?.text ?? ''), '-a, --all do not ignore entries starting with .');
  const first = paragraphStarting(document, 'List information about the FILEs');
  assert.ok(first && /Sort entries alphabetically .* nor --sort is speci\S* fied\.$/u.test(flat(first.text)), 'the wrapped paragraph is whole, up to its last word');
  assert.equal(paragraphStarting(document, 'ls - list directory contents')?.section, 'NAME');
});

test('GIVEN Python reference text THEN the underlined title is the title and a line that introduces an example is not a heading', () => {
  const { document } = parseFixture('python-assert-statement.txt');
  assert.equal(document.title, 'The "assert" statement');
  assert.deepEqual(document.sections.map((section) => section.title), ['Introduction']);
  const equivalences = paragraphStarting(document, 'These equivalences assume');
  assert.ok(equivalences);
  assert.equal(equivalences.sentences.length, 4);
  assert.ok(paragraphStarting(document, 'The simple form, "assert expression", is equivalent to'));
});

test('GIVEN a GNU README THEN its wrapped paragraphs are whole and an indented command line is not a heading', () => {
  const { document } = parseFixture('bash-readme.txt');
  const first = paragraphStarting(document, 'This is GNU Bash, version 5.2.');
  assert.ok(first);
  assert.ok(flat(first.text).endsWith('The man page is the definitive description of the shell\'s features.'));
  assert.ok(first.sentences.some((sentence) => flat(sentence.text) === 'There is also a large Unix-style man page.'));
  assert.ok(!document.sections.some((section) => section.title.includes('./configure')));
});

test('GIVEN a Markdown README with HTML, badges, code and a table THEN only prose is read, under its headings', () => {
  const { document } = parseFixture('sapphire-snowflake-readme.md');
  assert.equal(document.title, '@sapphire/snowflake');
  for (const title of ['Description', 'Features', 'Installation', 'Usage', 'Contributors']) assert.ok(document.sections.some((section) => section.title === title), title);
  const all = document.paragraphs.map((paragraph) => paragraph.text).join('\n');
  for (const markup of ['<div', '</div>', '<img', '![', 'img.shields.io', '```', 'npm install @sapphire/snowflake\n', ':-----', 'const uniqueId', '[contributing]:'])
    assert.ok(!all.includes(markup), `not prose: ${markup}`);
  assert.ok(paragraphStarting(document, 'There is often a need to get a unique ID')?.section === 'Description');
  assert.ok(paragraphStarting(document, 'Thank you to all the people who already contributed'));
});

test('GIVEN one paragraph per line, as in the article, THEN short unpunctuated lines are still headings and lines are not joined', () => {
  const text = 'A Plain Title\nFirst paragraph on one long line. It has two sentences and ends here.\nA Heading Between\nSecond paragraph on its own line, which is the only one in its section.\n';
  const document = parseDocument({ id: 'plain.txt', text, encoding: 'utf-8', markdown: false });
  assert.equal(document.title, 'A Plain Title');
  assert.deepEqual(document.sections.map((section) => section.title), ['Introduction', 'A Heading Between']);
  assert.equal(document.paragraphs.length, 2);
});

test('GIVEN a title, date line and byline above a blank line THEN they are read as the header, not joined as a wrapped paragraph', () => {
  const text =
    'The river deal that split two capitals\n12 March 2024\nBy Ana Pereira\n\nLast year, talks between Lisbon and Madrid over the Tagus River collapsed, and the Spanish ministry refused to release more water to the farmers downstream.\nPrime Minister Luís Montenegro said that Portugal would take the case to the European Commission before the summer was out, whatever Madrid said.\n';
  const document = parseDocument({ id: 'river.txt', text, encoding: 'utf-8', markdown: false });
  assert.equal(document.title, 'The river deal that split two capitals');
  assert.equal(document.date, '2024-03-12');
  assert.equal(document.author, 'Ana Pereira');
  assert.ok(document.paragraphs[0]?.text.startsWith('Last year, talks between Lisbon and Madrid'));
});
