/**
 * Files as they turn up in a real reading folder (issue 12): UTF-16 text from Windows editors, binary
 * data that happens to be valid Windows-1252, links, hidden files, reStructuredText and other kinds —
 * each read or skipped, and every skipped file named with the reason.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { seededRandom } from '../../src/seeded-random.js';
import { temporaryFolder } from '../helpers/test-config.js';

const PROSE = 'The Tram Line\n\nNight trams ran every twenty minutes. The city paid for them from the winter budget.\n';

function utf16be(text: string): Buffer {
  const little = Buffer.from(text, 'utf16le');
  for (let position = 0; position + 1 < little.length; position += 2) {
    const first = little[position] as number;
    little[position] = little[position + 1] as number;
    little[position + 1] = first;
  }
  return little;
}

test('GIVEN UTF-16 files with and without a byte-order mark THEN they are read as text, with their encoding named', async () => {
  const folder = temporaryFolder('utf16');
  try {
    writeFileSync(path.join(folder.path, 'le-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, 'utf16le')]));
    writeFileSync(path.join(folder.path, 'be-bom.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PROSE)]));
    writeFileSync(path.join(folder.path, 'le-plain.txt'), Buffer.from(PROSE, 'utf16le'));
    const { corpus, warnings } = await loadCorpus(folder.path);
    assert.deepEqual(corpus.documents.map((document) => document.id), ['be-bom.txt', 'le-bom.txt', 'le-plain.txt']);
    for (const document of corpus.documents) {
      assert.equal(document.title, 'The Tram Line');
      const sentence = document.paragraphs[0]?.sentences[0];
      assert.equal(sentence?.text, 'Night trams ran every twenty minutes.');
      assert.equal(document.text.slice(sentence?.start, sentence?.end), sentence?.text);
    }
    assert.deepEqual(corpus.documents.map((document) => document.encoding), ['utf-16be', 'utf-16le', 'utf-16le']);
    assert.equal(warnings.filter((warning) => /read as UTF-16/u.test(warning)).length, 3);
  } finally {
    folder.remove();
  }
});

test('GIVEN binary data made of high bytes THEN it is skipped as binary instead of being indexed as Windows-1252', async () => {
  const folder = temporaryFolder('highbytes');
  try {
    const random = seededRandom(12);
    writeFileSync(path.join(folder.path, 'archive.txt'), Buffer.from(Array.from({ length: 4096 }, () => 0x80 + random.below(0x7f))));
    writeFileSync(path.join(folder.path, 'notes.txt'), PROSE);
    const { corpus, warnings } = await loadCorpus(folder.path);
    assert.deepEqual(corpus.documents.map((document) => document.id), ['notes.txt']);
    assert.ok(warnings.some((warning) => warning.startsWith('archive.txt: skipped, the file is binary')), warnings.join('\n'));
  } finally {
    folder.remove();
  }
});

test('GIVEN a link, a hidden file, an .rst file and a picture THEN the .rst is read and every other file is named with why it was left out', async () => {
  const folder = temporaryFolder('kinds');
  try {
    writeFileSync(path.join(folder.path, 'notes.txt'), PROSE);
    writeFileSync(path.join(folder.path, 'guide.rst'), 'Night Trams\n===========\n\nThe first tram leaves at midnight. It stops at every square.\n\nTimes\n-----\n\nThe last tram leaves at four.\n');
    writeFileSync(path.join(folder.path, '.draft.txt'), PROSE);
    mkdirSync(path.join(folder.path, '.obsidian'));
    writeFileSync(path.join(folder.path, '.obsidian', 'workspace.md'), '# Workspace\n\nSettings.\n');
    writeFileSync(path.join(folder.path, 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    symlinkSync(path.join(folder.path, 'notes.txt'), path.join(folder.path, 'linked.txt'));
    const { corpus, warnings } = await loadCorpus(folder.path);
    assert.deepEqual(corpus.documents.map((document) => document.id), ['guide.rst', 'notes.txt']);
    const guide = corpus.documents[0];
    assert.equal(guide?.title, 'Night Trams');
    assert.deepEqual(guide?.sections.map((section) => section.title), ['Introduction', 'Times']);
    for (const [file, reason] of [
      ['linked.txt', 'a symbolic link'],
      ['.draft.txt', 'a hidden file'],
      ['.obsidian/workspace.md', 'a hidden file'],
      ['cover.png', 'not .txt, .md or .rst'],
    ] as const) {
      assert.ok(warnings.some((warning) => warning.includes(file) && warning.includes(reason)), `${file}: ${warnings.join(' | ')}`);
    }
  } finally {
    folder.remove();
  }
});

test('GIVEN a file the bot may not read THEN it is skipped with its name and what to do, and the others load', async () => {
  const folder = temporaryFolder('unreadable');
  try {
    writeFileSync(path.join(folder.path, 'notes.txt'), PROSE);
    writeFileSync(path.join(folder.path, 'locked.txt'), PROSE);
    const denied = (file: string): Buffer => {
      if (file.endsWith('locked.txt')) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      return readFileSync(file);
    };
    const { corpus, warnings } = await loadCorpus(folder.path, { readFile: denied });
    assert.deepEqual(corpus.documents.map((document) => document.id), ['notes.txt']);
    assert.deepEqual(warnings, ['locked.txt: skipped, it cannot be read (EACCES): make it readable (chmod a+r) or move it out of the corpus folder']);
    // Where permissions bind (not as root), the real file system says the same.
    if (process.getuid?.() !== 0) {
      chmodSync(path.join(folder.path, 'locked.txt'), 0o000);
      const real = await loadCorpus(folder.path);
      assert.deepEqual(real.warnings, warnings);
    }
  } finally {
    folder.remove();
  }
});
