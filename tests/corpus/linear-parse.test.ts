/**
 * Parse and chunk take time linear in the text (issue 12: 1 MB took 0.8 s and 8 MB 30 s). Four times the
 * text may take at most about five times as long. The fastest of several runs is compared, so a busy
 * machine slowing one run does not decide the outcome; a quadratic step would take sixteen times as long.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chunkCorpus } from '../../src/chunking/chunk-corpus.js';
import { parseDocument } from '../../src/corpus/parse-document.js';
import { articleFile } from '../helpers/test-config.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'real-text');

/** Real prose in both layouts: hard-wrapped files with blank lines, and the article's one paragraph per line. */
function proseOf(characters: number): { wrapped: string; linePerParagraph: string } {
  const wrappedSource = readdirSync(fixtures)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(fixtures, name), 'utf8'))
    .join('\n\n');
  const article = readFileSync(articleFile, 'utf8');
  const repeat = (source: string, separator: string) => Array.from({ length: Math.ceil(characters / source.length) }, () => source).join(separator);
  return { wrapped: repeat(wrappedSource, '\n\n'), linePerParagraph: repeat(article, '\n') };
}

function fastestParseAndChunk(text: string, markdown: boolean): number {
  let fastest = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const document = parseDocument({ id: 'long.txt', text, encoding: 'utf-8', markdown });
    chunkCorpus({ documents: [document], contentHash: '' });
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

for (const layout of ['wrapped', 'linePerParagraph'] as const) {
  test(`GIVEN ${layout === 'wrapped' ? 'hard-wrapped' : 'one-paragraph-per-line'} prose THEN four times the text takes at most about five times as long to parse and chunk`, () => {
    const small = proseOf(500_000)[layout];
    const large = proseOf(2_000_000)[layout];
    fastestParseAndChunk(small, false); // warm up the JIT on the same code paths
    const smallTime = fastestParseAndChunk(small, false);
    const largeTime = fastestParseAndChunk(large, false);
    const ratio = largeTime / smallTime;
    assert.ok(ratio <= 6, `4× the text (${(large.length / 1e6).toFixed(1)} MB) took ${ratio.toFixed(1)}× as long (${smallTime.toFixed(0)} ms → ${largeTime.toFixed(0)} ms)`);
  });
}
