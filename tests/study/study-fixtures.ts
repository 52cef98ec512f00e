/** The real article, loaded by the real loader, and the checks every study test makes on a quote. */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Corpus } from '../../src/corpus/types.js';
import type { Quote } from '../../src/corpus/citation.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
export const ARTICLE_ID = 'how-baku-is-playing-with-fire.txt';

export async function loadArticle(): Promise<Corpus> {
  return (await loadCorpus(CORPUS_DIR)).corpus;
}

export function articleText(corpus: Corpus): string {
  const document = corpus.documents.find((candidate) => candidate.id === ARTICLE_ID);
  if (document === undefined) throw new Error(`the test corpus has no ${ARTICLE_ID}`);
  return document.text;
}

/** The quote is exactly the text at its offsets, inside the paragraph and section it names. */
export function assertLocated(corpus: Corpus, quote: Pick<Quote, 'text' | 'documentId' | 'section' | 'paragraph' | 'start' | 'end'>): void {
  const document = corpus.documents.find((candidate) => candidate.id === quote.documentId);
  assert.ok(document, `no document ${quote.documentId}`);
  assert.equal(document.text.slice(quote.start, quote.end), quote.text, `quote at ${quote.start}-${quote.end} is not verbatim`);
  const paragraph = document.paragraphs.find((candidate) => candidate.number === quote.paragraph);
  assert.ok(paragraph, `no paragraph ${quote.paragraph}`);
  assert.equal(paragraph.section, quote.section);
  assert.ok(paragraph.start <= quote.start && quote.end <= paragraph.end, `quote is outside ¶ ${quote.paragraph}`);
}

/** Whole-word, case-insensitive containment ("Russia" is in "Russia’s Yekaterinburg", not in "Russian"). */
export function mentions(text: string, phrase: string): boolean {
  const words = (value: string): string =>
    ` ${value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}%]+/gu, ' ')
      .trim()} `;
  return words(text).includes(words(phrase));
}
