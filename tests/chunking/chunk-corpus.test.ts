/**
 * Chunks of real layouts (issue 12): the short paragraphs of a manual page share chunks instead of one chunk
 * each, while an article's paragraphs stay one chunk apiece; every chunk is a slice of the file and holds
 * whole sentences of one section.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chunkCorpus, type Chunk } from '../../src/chunking/chunk-corpus.js';
import { parseDocument } from '../../src/corpus/parse-document.js';
import type { CorpusDocument } from '../../src/corpus/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parse(file: string, id: string): CorpusDocument {
  return parseDocument({ id, text: readFileSync(file, 'utf8'), encoding: 'utf-8', markdown: file.endsWith('.md') });
}

function checkWhole(document: CorpusDocument, chunks: readonly Chunk[]): void {
  const covered = new Set<number>();
  for (const chunk of chunks) {
    assert.equal(chunk.text, document.text.slice(chunk.start, chunk.end), `${chunk.id}: the chunk is the file's text`);
    const sections = new Set(chunk.sentences.map((sentence) => sentence.section));
    assert.equal(sections.size, 1, `${chunk.id} crosses a section: ${[...sections].join(' / ')}`);
    for (const sentence of chunk.sentences) if (sentence.kind === undefined) covered.add(sentence.start);
  }
  const sentences = document.paragraphs.flatMap((paragraph) => paragraph.sentences);
  assert.equal(covered.size, sentences.length, 'every sentence is in a chunk');
}

test('GIVEN a manual page THEN its one-line options share chunks within a section, and each sentence keeps its own paragraph', () => {
  const document = parse(path.join(root, 'tests/corpus/fixtures/real-text/ls-manual-page.txt'), 'ls.txt');
  const chunks = chunkCorpus({ documents: [document], contentHash: '' });
  checkWhole(document, chunks);
  assert.ok(chunks.length < document.paragraphs.length, `${chunks.length} chunks for ${document.paragraphs.length} paragraphs`);
  const all = chunks.find((chunk) => chunk.text.includes('do not ignore entries starting with .'));
  assert.ok(all !== undefined);
  for (const option of ['do not list implied . and ..', 'print the author of each file', 'print C-style escapes']) assert.ok(all.text.includes(option), option);
  // Longer paragraphs (--block-size's 150 characters) and other sections (NAME, SYNOPSIS) stay chunks of their own.
  assert.ok(!all.text.includes('--block-size') && !all.text.includes('ls [OPTION]'));
  assert.match(all.id, /^ls\.txt#p\d+-\d+$/u);
  const paragraphs = new Set(all.sentences.map((sentence) => sentence.paragraph));
  assert.ok(paragraphs.size > 1 && all.paragraph === Math.min(...paragraphs), 'the chunk is cited by its first paragraph, its sentences by their own');
  for (const chunk of chunks) assert.ok(chunk.end - chunk.start <= 900 || chunk.sentences.length === 1, `${chunk.id} is ${chunk.end - chunk.start} characters`);
});

test('GIVEN the article, whose paragraphs are sentences of prose THEN every paragraph is still one chunk', () => {
  const document = parse(path.join(root, 'corpus', 'how-baku-is-playing-with-fire.txt'), 'baku.txt');
  const chunks = chunkCorpus({ documents: [document], contentHash: '' });
  checkWhole(document, chunks);
  const body = chunks.filter((chunk) => chunk.paragraph > 0);
  assert.ok(body.every((chunk) => new Set(chunk.sentences.map((sentence) => sentence.paragraph)).size === 1));
  assert.deepEqual(
    [...new Set(body.map((chunk) => chunk.paragraph))],
    document.paragraphs.map((paragraph) => paragraph.number),
  );
});
