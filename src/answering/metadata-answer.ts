/**
 * Questions about a document itself (who wrote it, when it came out, its title), answered from its
 * header lines. With several documents the answer is for the document the question names ("the night
 * train article"); when it names none, each document's fact is given with its title, never one of them
 * silently. A question about a byline's name ("Who is Clara Voss?") is answered as its author.
 */
import { HEADER_SECTION } from '../chunking/chunk-corpus.js';
import type { Corpus, CorpusDocument, HeaderLine } from '../corpus/types.js';
import { isDocumentNoun, type AnalyzedQuestion, type MetadataAsk } from '../question/question-analysis.js';
import { isContentWord, tokenize } from '../language/tokenize.js';
import type { Quote } from './types.js';

export interface MetadataAnswer {
  readonly answer: string;
  readonly quotes: Quote[];
}

/** Words of a question that say what is asked, not which document: they never pick a document. */
const ASKING_WORDS =
  /^(?:wrote|write|written|writer|author|authored|publish\w*|date|dated|title|titled|headline|article|piece|text|story|report|essay|byline)$/u;

export function metadataAnswer(corpus: Corpus, ask: MetadataAsk, analyzed: AnalyzedQuestion): MetadataAnswer | undefined {
  const kind = ask === 'author' ? 'byline' : ask;
  const answerable = corpus.documents.filter((document) => document.header.some((line) => line.kind === kind));
  if (corpus.documents.length === 1) return factOf(answerable[0], kind, ask, false);
  const named = namedDocument(corpus, analyzed);
  if (named !== undefined) return factOf(named, kind, ask, true) ?? { answer: `“${named.title}” does not say ${missingPhrase(ask)}.`, quotes: [] };
  const facts = answerable.map((document) => factOf(document, kind, ask, true)).filter((fact): fact is MetadataAnswer => fact !== undefined);
  if (facts.length === 0) return undefined;
  if (facts.length === 1) return facts[0];
  // Each quote carries its document's title, so the line only says that the answer differs per document.
  const shown = facts.slice(0, 3);
  const more = facts.length > shown.length ? ` (and ${facts.length - shown.length} more)` : '';
  return { answer: `${shown.map((fact) => fact.answer.replace(/\.$/u, '')).join('; ')}${more}.`, quotes: shown.flatMap((fact) => fact.quotes) };
}

/**
 * Where a question about a document's facts is answered in a library of several documents. The whole library
 * (metadataAnswer) when it names a document that states the fact, or names nothing but the document itself
 * ("who wrote it?": each document's fact, with its title). Otherwise the question is about something in one of
 * the texts and is answered from that text as if it were alone: the document it names by title, when that one
 * does not state the fact ("Who wrote 'Walking in Fresno'?" of the Fresno article: a song's author, in its
 * text), or undefined: the document is chosen as for any question ("When was the IPCC's Fourth Assessment Report
 * published?" is about a report in one text, not the date of whichever text has a dateline).
 */
export function metadataScope(
  corpus: Corpus,
  ask: MetadataAsk,
  analyzed: AnalyzedQuestion,
  topics: readonly string[],
): 'library' | { readonly documentId: string | undefined } {
  const kind = ask === 'author' ? 'byline' : ask;
  const named = namedDocument(corpus, analyzed);
  if (named !== undefined) return named.header.some((line) => line.kind === kind) ? 'library' : { documentId: named.id };
  const subject = topics.some((topic) => !ASKING_WORDS.test(topic) && !aboutTheDocument(analyzed.text, topic));
  return subject ? { documentId: undefined } : 'library';
}

/** "the headline", "this piece", "the writer's background": a word about the document itself or an attribute of it. */
export function aboutTheDocument(question: string, topic: string): boolean {
  if (isDocumentNoun(topic)) return true;
  const possessive = new RegExp(`\\b(\\p{L}+)['’]s\\s+${topic.replace(/[^\p{L}\p{N}]/gu, '')}\\b`, 'iu').exec(question);
  return possessive?.[1] !== undefined && isDocumentNoun(possessive[1]);
}

/** "Who is Clara Voss?" when the name appears only in a byline: the author of that document. */
export function bylineAnswer(corpus: Corpus, analyzed: AnalyzedQuestion): MetadataAnswer | undefined {
  if (analyzed.answerKind !== 'person' || analyzed.names.length === 0) return undefined;
  const asked = new Set(analyzed.names.map((name) => name.stem));
  const namesAll = (text: string) => {
    const stems = new Set(tokenize(text).map((token) => token.stem));
    return [...asked].every((stem) => stems.has(stem));
  };
  // The author first: reading every paragraph of a large library costs seconds, and most names are no author's.
  const document = corpus.documents.find((candidate) => candidate.author !== undefined && namesAll(candidate.author));
  if (document === undefined || document.author === undefined) return undefined;
  if (corpus.documents.some((candidate) => candidate.paragraphs.some((paragraph) => namesAll(paragraph.text)))) return undefined;
  const line = document.header.find((header) => header.kind === 'byline');
  const quote = line === undefined ? undefined : headerQuote(document, line);
  if (quote === undefined) return undefined;
  return { answer: `${document.author} wrote “${document.title}”.`, quotes: [quote] };
}

/** The document whose title (or file name) shares the most of the question's own words, when one stands out. */
function namedDocument(corpus: Corpus, analyzed: AnalyzedQuestion): CorpusDocument | undefined {
  const asked = new Set(analyzed.terms.filter((term) => !term.context && !ASKING_WORDS.test(term.word)).map((term) => term.stem));
  if (asked.size === 0) return undefined;
  const scored = corpus.documents.map((document) => {
    const words = new Set(
      tokenize(`${document.title} ${document.id.replace(/[-_./]+/gu, ' ')}`)
        .filter((token) => isContentWord(token.word))
        .map((token) => token.stem),
    );
    return { document, shared: [...asked].filter((stem) => words.has(stem)).length };
  });
  scored.sort((first, second) => second.shared - first.shared);
  const [best, runnerUp] = scored;
  if (best === undefined || best.shared === 0 || (runnerUp !== undefined && runnerUp.shared === best.shared)) return undefined;
  return best.document;
}

function factOf(document: CorpusDocument | undefined, kind: HeaderLine['kind'], ask: MetadataAsk, withTitle: boolean): MetadataAnswer | undefined {
  if (document === undefined) return undefined;
  const line = document.header.find((header) => header.kind === kind);
  const quote = line === undefined ? undefined : headerQuote(document, line);
  if (quote === undefined) return undefined;
  const subject = withTitle ? `“${document.title}”` : 'It';
  const answer =
    ask === 'author' && document.author !== undefined
      ? `${subject} was written by ${document.author}.`
      : ask === 'date' && document.date !== undefined
        ? `${subject} was published on ${formatDate(document.date)}.`
        : withTitle
          ? `The document ${document.id} is titled “${document.title}”.`
          : `The article is titled “${document.title}”.`;
  return { answer, quotes: [quote] };
}

function missingPhrase(ask: MetadataAsk): string {
  return ask === 'author' ? 'who wrote it' : ask === 'date' ? 'when it was published' : 'its title';
}

export function headerQuote(document: CorpusDocument, line: HeaderLine): Quote | undefined {
  if (document.text.slice(line.start, line.end) !== line.text) return undefined;
  return { text: line.text, documentId: document.id, documentTitle: document.title, section: HEADER_SECTION, paragraph: 0, start: line.start, end: line.end };
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
