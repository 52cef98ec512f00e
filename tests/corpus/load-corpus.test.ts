import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { articleCorpus, articleFile, temporaryFolder } from '../helpers/test-config.js';

test('GIVEN the article THEN title, author, date and every section heading are read from the plain text', async () => {
  const { corpus, warnings } = await loadCorpus(articleCorpus);
  assert.deepEqual(warnings, []);
  const [document] = corpus.documents;
  assert.ok(document);
  assert.equal(document.id, 'how-baku-is-playing-with-fire.txt');
  assert.equal(document.title, 'How Baku is playing with fire—without getting burned');
  assert.equal(document.author, 'Mehdi Seyf Tabrizi');
  assert.equal(document.date, '2025-07-25');
  assert.deepEqual(
    document.sections.map((section) => section.title),
    [
      'Introduction',
      'Causes of tension: Zangezur, the downed plane, and Moscow’s weakness',
      'Diplomatic mischief: Baku’s tools for pressuring Moscow',
      'Media provocations and public criticism of Moscow',
      'Symbolic actions and the reduction of Russian cultural influence',
      'Arrests of Russian citizens and targeted charges',
      'Aligning with Moscow’s rivals and geopolitical provocations',
      'Taking advantage of Moscow’s regional weaknesses',
      'Baku’s domestic and foreign interests',
      'Managing a crisis-prone border and tensions',
      'Outlook: Playing with fire without getting burned',
    ],
  );
  assert.equal(document.paragraphs.length, 19);
});

test('GIVEN the article THEN every sentence sits at its exact offsets in the file, and known sentences split where a reader would', async () => {
  const file = readFileSync(articleFile, 'utf8');
  const { corpus } = await loadCorpus(articleCorpus);
  const sentences = corpus.documents[0]?.paragraphs.flatMap((paragraph) => paragraph.sentences) ?? [];
  assert.equal(sentences.length, 67);
  for (const sentence of sentences) assert.equal(file.slice(sentence.start, sentence.end), sentence.text);

  const expected = 'These responses appear disproportionate to the initial event.';
  const found = sentences.find((sentence) => sentence.text === expected);
  assert.equal(found?.start, file.indexOf(expected));
  assert.equal(found?.end, file.indexOf(expected) + expected.length);
  assert.equal(found?.section, 'Introduction');
  assert.equal(found?.paragraph, 3);

  // Curly closing quote after the full stop stays with its sentence.
  assert.ok(sentences.some((sentence) => sentence.text.endsWith('attempting to “add fuel to the fire.”')));
  // "COVID-19" and "2020 Armenia-Azerbaijan" do not split sentences.
  assert.ok(sentences.some((sentence) => sentence.text.startsWith('Even Baku’s land borders') && sentence.text.endsWith('sense of insecurity.')));
});

test('GIVEN a UTF-8 file with a BOM and CRLF line ends THEN it loads with offsets into the file as decoded', async () => {
  const folder = temporaryFolder('bom');
  try {
    const text = '\uFEFFA Title Line\r\n1 March 2024\r\nBy Ann Author\r\nFirst paragraph here. It has two sentences.\r\nA Heading\r\nSecond paragraph, in the heading’s section.\r\n';
    writeFileSync(path.join(folder.path, 'odd.txt'), text, 'utf8');
    const { corpus } = await loadCorpus(folder.path);
    const document = corpus.documents[0];
    assert.ok(document);
    assert.equal(document.title, 'A Title Line');
    assert.equal(document.date, '2024-03-01');
    assert.equal(document.author, 'Ann Author');
    assert.deepEqual(document.sections.map((section) => section.title), ['Introduction', 'A Heading']);
    const decoded = readFileSync(path.join(folder.path, 'odd.txt')).toString('utf8');
    for (const sentence of document.paragraphs.flatMap((paragraph) => paragraph.sentences)) {
      assert.equal(decoded.slice(sentence.start, sentence.end), sentence.text);
      assert.ok(!sentence.text.includes('\r'));
    }
  } finally {
    folder.remove();
  }
});

test('GIVEN Markdown with front matter, Windows-1252 bytes, an empty and a binary file THEN the text files load and the others are skipped with a reason', async () => {
  const folder = temporaryFolder('mixed');
  try {
    writeFileSync(path.join(folder.path, 'notes.md'), '---\ntitle: "Reading notes"\nauthor: Bo Reader\ndate: 2024-05-06\n---\n# Reading notes\n\nA first paragraph\nthat wraps.\n\n## Part two\n\nAnother paragraph.\n');
    writeFileSync(path.join(folder.path, 'cp1252.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x2e]));
    writeFileSync(path.join(folder.path, 'empty.txt'), '');
    writeFileSync(path.join(folder.path, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const { corpus, warnings } = await loadCorpus(folder.path);
    assert.deepEqual(corpus.documents.map((document) => document.id), ['cp1252.txt', 'notes.md']);
    const notes = corpus.documents[1];
    assert.equal(notes?.title, 'Reading notes');
    assert.equal(notes?.author, 'Bo Reader');
    assert.equal(notes?.date, '2024-05-06');
    assert.deepEqual(notes?.sections.map((section) => section.title), ['Introduction', 'Part two']);
    assert.equal(notes?.paragraphs[0]?.text, 'A first paragraph\nthat wraps.');
    assert.equal(corpus.documents[0]?.paragraphs[0]?.text, 'Café “quote”.');
    assert.ok(warnings.some((warning) => warning.startsWith('empty.txt: skipped, the file is empty')));
    assert.ok(warnings.some((warning) => warning.startsWith('binary.txt: skipped, the file is binary')));
    assert.ok(warnings.some((warning) => warning.startsWith('cp1252.txt: not valid UTF-8')));
  } finally {
    folder.remove();
  }
});

test('GIVEN a folder with no readable document THEN loading fails with what to do', async () => {
  const folder = temporaryFolder('none');
  try {
    await assert.rejects(loadCorpus(folder.path), /no readable documents .*add \.txt or \.md files/u);
    await assert.rejects(loadCorpus(path.join(folder.path, 'missing')), /cannot read the corpus folder .*FOOTNOTE_CORPUS_DIR/u);
  } finally {
    folder.remove();
  }
});
