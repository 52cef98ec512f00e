/**
 * Checking what a chat model wrote against the corpus: its quotes are located (or repaired to one sentence, or
 * dropped), and its own prose may neither quote words the text lacks nor name what the text never mentions.
 * Used by model answers (llm-answerer.ts) and model summaries (study/model-summary.ts).
 */
import type { Corpus } from '../corpus/types.js';
import { locateQuote, repairQuote } from './quote-locator.js';
import type { LocatedQuote, TextRange } from './quote-locator.js';
import type { DroppedQuote, Passage, Quote, RepairedQuote } from './types.js';

const MAX_MODEL_QUOTES = 8;
const MAX_QUOTES = 3;

function rangeOf(passage: Passage): TextRange {
  return { documentId: passage.documentId, start: passage.start, end: passage.end };
}

function insideAny(span: TextRange, ranges: readonly TextRange[]): boolean {
  return ranges.some((range) => range.documentId === span.documentId && range.start <= span.start && span.end <= range.end);
}

/** Where a located span stands in its document: title, section, paragraph. */
export function quoteAt(corpus: Corpus, span: TextRange): Quote | undefined {
  const document = corpus.documents.find((candidate) => candidate.id === span.documentId);
  if (document === undefined) return undefined;
  const paragraph = document.paragraphs.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
  const section = document.sections.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
  return {
    documentId: document.id,
    documentTitle: document.title,
    section: paragraph?.section ?? section?.title ?? '',
    paragraph: paragraph?.number ?? 0,
    start: span.start,
    end: span.end,
    text: document.text.slice(span.start, span.end),
  };
}

export interface VerifiedQuotes {
  readonly quotes: readonly Quote[];
  readonly droppedQuotes: readonly DroppedQuote[];
  readonly repairedQuotes: readonly RepairedQuote[];
}

/** Locates, repairs or drops each of the model's quotes; at most three survive, without overlaps. */
export function verifyQuotes(options: {
  readonly corpus: Corpus;
  readonly quotes: readonly { readonly text: string; readonly passageId: string }[];
  readonly passages: readonly Passage[];
  readonly scope: 'corpus' | 'passages';
}): VerifiedQuotes {
  const { corpus, passages } = options;
  const passageRanges = passages.map(rangeOf);
  const quotes: Quote[] = [];
  const droppedQuotes: DroppedQuote[] = [];
  const repairedQuotes: RepairedQuote[] = [];

  for (const candidate of options.quotes.slice(0, MAX_MODEL_QUOTES)) {
    const text = candidate.text.trim();
    if (text === '') continue;
    const cited = /^P(\d+)$/i.exec(candidate.passageId.trim());
    const citedPassage = cited === null ? undefined : passages[Number(cited[1]) - 1];

    let located: LocatedQuote = locateQuote(corpus, text, {
      within: citedPassage === undefined ? passageRanges : [rangeOf(citedPassage)],
      ...(citedPassage === undefined ? {} : { preferDocumentId: citedPassage.documentId }),
    });
    if (located.status === 'ambiguous' && citedPassage !== undefined) located = locateQuote(corpus, text, { within: passageRanges });

    let span: TextRange | undefined;
    if (located.status === 'exact' || located.status === 'normalised') {
      if (options.scope === 'passages' && !insideAny(located, passageRanges)) {
        droppedQuotes.push({ text, reason: 'not-in-retrieved-passages' });
        continue;
      }
      span = located;
    } else if (located.status === 'ambiguous') {
      droppedQuotes.push({ text, reason: 'ambiguous' });
      continue;
    } else {
      const repaired = repairQuote(corpus, text, passageRanges.length > 0 ? { within: passageRanges } : {});
      if (repaired.status !== 'repaired') {
        droppedQuotes.push({ text, reason: repaired.status === 'ambiguous' ? 'ambiguous' : 'not-in-corpus' });
        continue;
      }
      repairedQuotes.push({ original: text, text: repaired.text });
      span = repaired;
    }

    const overlapsKept = quotes.some((kept) => kept.documentId === span.documentId && kept.start < span.end && span.start < kept.end);
    if (overlapsKept || quotes.length >= MAX_QUOTES) continue;
    const quote = quoteAt(corpus, span);
    if (quote !== undefined) quotes.push(quote);
  }
  return { quotes, droppedQuotes, repairedQuotes };
}

const INLINE_QUOTE = /[“"]([^“”"]+)[”"]/g;

/** Text the answer shows in double quotation marks that the corpus does not contain. */
export function unverifiedInlineQuotes(corpus: Corpus, answer: string): string[] {
  return [...answer.matchAll(INLINE_QUOTE)]
    .map((match) => (match[1] ?? '').trim())
    .filter((text) => text !== '' && locateQuote(corpus, text).status === 'not-found');
}

/**
 * Capitalised words in the model's answer that appear nowhere in the corpus. The answer is the model's own
 * prose, but a name the text never mentions ("Mars", "Paris") is either outside knowledge or an injected
 * claim; either way it is not what the article says, so the offline answer is shown instead.
 */
export function namesNotInText(corpus: Corpus, answer: string): string[] {
  const known = corpusWords(corpus);
  const names = [...answer.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}\p{N}]*/gu)].map((match) => match[0]);
  return [...new Set(names.filter((name) => !known.has(name.toLowerCase()) && !known.has(name.toLowerCase().replace(/s$/u, ''))))];
}

const wordsByCorpus = new WeakMap<Corpus, ReadonlySet<string>>();

function corpusWords(corpus: Corpus): ReadonlySet<string> {
  let words = wordsByCorpus.get(corpus);
  if (words === undefined) {
    const found = new Set<string>();
    for (const document of corpus.documents) for (const word of document.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) found.add(word);
    wordsByCorpus.set(corpus, (words = found));
  }
  return words;
}
