/**
 * Shared pieces for the LLM tests: the real article loaded by the real loader, passages cut from its
 * paragraphs, an offline answer to fall back on, and a model config pointed at the fake server.
 */
import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LlmConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.js';
import type { Answer, Passage, Quote } from '../../src/answering/types.js';

export const ARTICLE_ID = 'how-baku-is-playing-with-fire.txt';
export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

export async function loadArticle(): Promise<Corpus> {
  return (await loadCorpus(CORPUS_DIR)).corpus;
}

/** A corpus in a temp folder: the article plus extra documents; `cleanup` removes the folder. */
export async function articleWith(extra: Readonly<Record<string, string>>): Promise<{ corpus: Corpus; cleanup: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'footnote-llm-'));
  await copyFile(path.join(CORPUS_DIR, ARTICLE_ID), path.join(folder, ARTICLE_ID));
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(folder, name), text, 'utf8');
  const { corpus } = await loadCorpus(folder);
  return { corpus, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

export function documentOf(corpus: Corpus, id: string = ARTICLE_ID): CorpusDocument {
  const document = corpus.documents.find((candidate) => candidate.id === id);
  if (document === undefined) throw new Error(`test corpus has no document ${id}`);
  return document;
}

/** A retrieved passage covering one whole paragraph. */
export function passageFor(corpus: Corpus, paragraphNumber: number, documentId: string = ARTICLE_ID, score = 0.5): Passage {
  const document = documentOf(corpus, documentId);
  const paragraph = document.paragraphs.find((candidate) => candidate.number === paragraphNumber);
  if (paragraph === undefined) throw new Error(`${documentId} has no paragraph ${paragraphNumber}`);
  return {
    chunkId: `${documentId}#${paragraph.number}`,
    documentId,
    documentTitle: document.title,
    section: paragraph.section,
    paragraph: paragraph.number,
    start: paragraph.start,
    end: paragraph.end,
    text: paragraph.text,
    score,
  };
}

/** The full text of the sentence that starts with `opening`, as the source spells it. */
export function sentenceStarting(corpus: Corpus, opening: string, documentId: string = ARTICLE_ID): string {
  const sentence = documentOf(corpus, documentId)
    .paragraphs.flatMap((paragraph) => paragraph.sentences)
    .find((candidate) => candidate.text.startsWith(opening));
  if (sentence === undefined) throw new Error(`no sentence starts with ${opening}`);
  return sentence.text;
}

/** What the offline engine would have said: one quote from the first passage, or an abstention. */
export function offlineAnswer(question: string, passages: readonly Passage[], options: { abstained?: boolean } = {}): Answer {
  const first = passages[0];
  const quote: Quote | undefined = first === undefined || options.abstained === true ? undefined : { ...first, text: first.text };
  return {
    question,
    standaloneQuestion: question,
    answer: quote === undefined ? 'Not in the text: no passage answers this.' : 'From the text:',
    abstained: quote === undefined,
    mode: 'extractive',
    quotes: quote === undefined ? [] : [quote],
    passages,
    droppedQuotes: [],
    repairedQuotes: [],
    fallbackReason: undefined,
  };
}

export function llmConfig(baseUrl: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return { apiKey: undefined, baseUrl, chatModel: 'gpt-4o-mini', timeoutMs: 30_000, ...overrides };
}

/** True when every quote is character for character the slice of its document it claims to be. */
export function everyQuoteVerbatim(corpus: Corpus, answer: Answer): boolean {
  return answer.quotes.every((quote) => documentOf(corpus, quote.documentId).text.slice(quote.start, quote.end) === quote.text);
}
