/**
 * Parse and chunk take time linear in the text (issue 12: 1 MB took 0.8 s and 8 MB 30 s). The fastest of
 * several alternating runs is compared, in CPU time, so a busy machine slowing one run does not decide the outcome.
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

/** CPU time, not wall time: on a shared machine other processes stretch the wall clock of one run, not its CPU time. */
function parseAndChunkTime(text: string): number {
  const started = process.cpuUsage();
  chunkCorpus({ documents: [parseDocument({ id: 'long.txt', text, encoding: 'utf-8', markdown: false })], contentHash: '' });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Runs alternate between the sizes, so a busy spell on the machine slows both rather than one. */
function fastestTimes(small: string, large: string): { small: number; large: number } {
  const fastest = { small: Infinity, large: Infinity };
  for (let run = 0; run < 5; run += 1) {
    fastest.small = Math.min(fastest.small, parseAndChunkTime(small));
    fastest.large = Math.min(fastest.large, parseAndChunkTime(large));
  }
  return fastest;
}

for (const layout of ['wrapped', 'linePerParagraph'] as const) {
  test(`GIVEN ${layout === 'wrapped' ? 'hard-wrapped' : 'one-paragraph-per-line'} prose THEN four times the text takes at most about five times as long to parse and chunk`, () => {
    const small = proseOf(500_000)[layout];
    const large = proseOf(2_000_000)[layout];
    parseAndChunkTime(small); // warm up the JIT on the same code paths
    const { small: smallTime, large: largeTime } = fastestTimes(small, large);
    const ratio = largeTime / smallTime;
    // Linear code measures about 4×; the old quadratic steps measured 12–16×. 8 leaves room for a loaded machine.
    assert.ok(ratio <= 8, `4× the text (${(large.length / 1e6).toFixed(1)} MB) took ${ratio.toFixed(1)}× as long (${smallTime.toFixed(0)} ms → ${largeTime.toFixed(0)} ms)`);
  });
}
