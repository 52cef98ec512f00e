/**
 * A long plain-text document in the article's vocabulary, for ingest under size: a title, a date, a byline,
 * then sections of paragraphs made of generated sentences (fixed seed), up to the size asked for.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createBigramModel } from '../../src/benchmark/bigram-model.js';
import { seededRandom } from '../../src/seeded-random.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { articleCorpus } from '../helpers/test-config.js';

const PARAGRAPHS_PER_SECTION = 12;

export async function writeBigDocument(
  file: string,
  options: { readonly bytes: number; readonly seed?: number; readonly title?: string },
): Promise<{ readonly bytes: number; readonly paragraphs: number }> {
  const { corpus } = await loadCorpus(articleCorpus);
  const model = createBigramModel(
    corpus.documents.flatMap((document) => document.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text))),
  );
  const random = seededRandom(options.seed ?? 7);
  const descriptor = openSync(file, 'w');
  let bytes = 0;
  let paragraphs = 0;
  const write = (text: string) => {
    bytes += writeSync(descriptor, text);
  };
  try {
    write(`${options.title ?? 'A long reading list'}\n25 July 2025\nBy A. Compiler\n\n`);
    while (bytes < options.bytes) {
      if (paragraphs % PARAGRAPHS_PER_SECTION === 0)
        write(`Part ${paragraphs / PARAGRAPHS_PER_SECTION + 1}: ${model.sentence(random, [random.pick(model.contentWords)], 5).replace(/\.$/u, '')}\n\n`);
      const topic = [random.pick(model.contentWords), random.pick(model.contentWords)];
      write(`${Array.from({ length: 3 + random.below(4) }, () => model.sentence(random, topic)).join(' ')}\n\n`);
      paragraphs += 1;
    }
  } finally {
    closeSync(descriptor);
  }
  return { bytes, paragraphs };
}
