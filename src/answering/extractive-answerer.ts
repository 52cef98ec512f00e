/**
 * The offline answer: the sentences that best answer the question, quoted exactly, or an honest
 * "the article doesn't say" with the closest passages when nothing covers the question well enough.
 */
import type { Corpus } from '../corpus/types.js';
import { bylineAnswer, metadataAnswer } from './metadata-answer.js';
import type { AnalyzedQuestion } from '../question/question-analysis.js';
import type { RetrievalResult, ScoredSentence } from '../retrieval/retriever.js';
import type { Answer, Passage, Quote } from './types.js';
import { holdsAnswerKind } from '../question/answer-type.js';
import { continuesPreviousSentence, sameWordFamily, stemWord } from '../language/tokenize.js';

export interface AbstentionSettings {
  /** The best sentence must cover at least this share of the question's weighted words... */
  readonly minimumCoverage: number;
  /** ...and score at least this. */
  readonly minimumScore: number;
  /** Further quotes must score at least this share of the best one. */
  readonly secondQuoteRatio: number;
  readonly maxQuotes: number;
  /** How far down the ranking to look for a sentence that fits the question's names and answer kind... */
  readonly candidates: number;
  /** ...as long as it scores at least this share of the top sentence. */
  readonly candidateRatio: number;
  /** A following sentence that continues the best one ("These men...", "This tension...") is quoted too above this share. */
  readonly continuationRatio: number;
}

export const DEFAULT_ABSTENTION: AbstentionSettings = {
  minimumCoverage: 0.2,
  minimumScore: 0.3,
  secondQuoteRatio: 0.7,
  maxQuotes: 3,
  candidates: 6,
  candidateRatio: 0.7,
  continuationRatio: 0.6,
};

const CAUSE = /\b(because|due to|as a result|pretext|in order to|so that|led to|driven by|accused of|thanks to|aimed at|designed to|by (?:\w+ing)|through)\b/iu;

/** The sentence must match the asked-for attribute ("population", "compensation") at least this well. */
const FOCUS_MATCH = 0.75;
/** "Who heads...": the sentence must speak of heading, leading or the like at least this well. */
const ACTION_MATCH = 0.5;

/** Passages returned with every answer (the closest ones when abstaining). */
const PASSAGES_SHOWN = 5;

export const NOT_IN_TEXT = "The article doesn't say. These are the closest passages.";

export interface ExtractiveInput {
  readonly question: string;
  readonly standaloneQuestion: string;
  readonly analyzed: AnalyzedQuestion;
  readonly retrieval: RetrievalResult;
  readonly corpus: Corpus;
  readonly settings?: AbstentionSettings;
}

export function answerExtractively(input: ExtractiveInput): Answer {
  const settings = input.settings ?? DEFAULT_ABSTENTION;
  const metadataFirst = input.analyzed.metadata !== undefined;
  const passages = toPassages(input.retrieval, PASSAGES_SHOWN, metadataFirst);
  const base = {
    question: input.question,
    standaloneQuestion: input.standaloneQuestion,
    mode: 'extractive' as const,
    passages,
    droppedQuotes: [],
    repairedQuotes: [],
    fallbackReason: undefined,
  };

  const metadata =
    input.analyzed.metadata !== undefined ? metadataAnswer(input.corpus, input.analyzed.metadata, input.analyzed) : bylineAnswer(input.corpus, input.analyzed);
  if (metadata !== undefined) return { ...base, ...metadata, abstained: false };

  const chosen = chooseSentences(input.retrieval.sentences, input.analyzed, settings);
  const quotes = chosen.map((scored) => quoteOf(input.corpus, scored)).filter((quote): quote is Quote => quote !== undefined);
  if (quotes.length === 0) return { ...base, answer: NOT_IN_TEXT, abstained: true, quotes: [] };
  // Best first: the first quote is the answer, the others support it (a continuation follows its sentence).
  // A continuation that gives a cause ("...was accused of...") for "why"/"how", or that brings a word of
  // the question its sentence lacks ("...these men were charged with..."), answers better than the
  // sentence it continues, which often only sets the scene.
  const [first, second] = chosen;
  const continuation = quotes[1];
  const continues =
    first !== undefined && second !== undefined && continuation !== undefined && second.entry.sentence.ordinal === first.entry.sentence.ordinal + 1;
  const answersBetter =
    continues &&
    (((input.analyzed.answerKind === 'reason' || input.analyzed.answerKind === 'manner') && CAUSE.test(continuation.text)) ||
      bringsQuestionWord(input.analyzed, first.entry.words, second.entry.words));
  const answerQuote = answersBetter ? continuation : (quotes[0] as Quote);
  return { ...base, answer: shorten(answerQuote.text, 160), abstained: false, quotes };
}

function chooseSentences(sentences: readonly ScoredSentence[], analyzed: AnalyzedQuestion, settings: AbstentionSettings): ScoredSentence[] {
  const top = sentences[0];
  if (top === undefined) return [];
  // The best sentence that names what the question names and holds the kind of answer it asks for,
  // among those nearly as good as the top one; none means the text does not answer the question.
  // A heading is quoted only when the question is about headings; otherwise the sentences under it speak.
  const asksAboutHeadings = /\b(headings?|sections?|sub-?titles?|chapters?)\b/iu.test(analyzed.text);
  const acceptable = (scored: ScoredSentence) =>
    scored.missingNames === 0 &&
    // "What is the X of Y?" asks about Y itself: X and Y must meet in one sentence.
    (analyzed.focus === undefined ||
      (analyzed.focus.kind === 'attribute' ? scored.focusMatch >= FOCUS_MATCH && scored.namesMissingHere === 0 : scored.focusMatch >= ACTION_MATCH)) &&
    scored.entry.sentence.kind !== 'header' &&
    (scored.entry.sentence.kind !== 'heading' || asksAboutHeadings) &&
    holdsAnswerKind(analyzed.answerKind, scored.entry.sentence.text, analyzed.text);
  const best = sentences.slice(0, settings.candidates).find((scored) => scored.score >= settings.candidateRatio * top.score && acceptable(scored));
  if (best === undefined) return [];
  if (best.coverage < settings.minimumCoverage || best.score < settings.minimumScore) return [];
  const chosen = [best];
  // The sentence right after often carries the answer about what the best one introduces
  // ("The detention of staff from Sputnik’s office..." → "...these men were charged with...").
  const next = sentences.find(
    (scored) => scored.entry.sentence.paragraph === best.entry.sentence.paragraph && scored.entry.sentence.ordinal === best.entry.sentence.ordinal + 1,
  );
  if (next !== undefined && continuesPreviousSentence(next.entry.sentence.text) && next.score >= settings.continuationRatio * best.score) chosen.push(next);
  for (const scored of sentences) {
    if (chosen.length >= settings.maxQuotes) break;
    if (chosen.includes(scored)) continue;
    if (scored.score >= settings.secondQuoteRatio * best.score && scored.coverage >= settings.minimumCoverage && acceptable(scored)) chosen.push(scored);
  }
  return chosen;
}

/** Whether `next` has a word of the question (same stem or family) that `best` does not. */
function bringsQuestionWord(analyzed: AnalyzedQuestion, best: readonly string[], next: readonly string[]): boolean {
  const has = (words: readonly string[], word: string) => words.some((candidate) => sameWordFamily(candidate, word) || stemWord(candidate) === stemWord(word));
  return analyzed.terms.some((term) => !term.context && has(next, term.word) && !has(best, term.word));
}

/** A quote leaves here only when the source file has exactly this text at these offsets. */
function quoteOf(corpus: Corpus, scored: ScoredSentence): Quote | undefined {
  const sentence = scored.entry.sentence;
  const document = corpus.documents.find((candidate) => candidate.id === sentence.documentId);
  if (document === undefined || document.text.slice(sentence.start, sentence.end) !== sentence.text) return undefined;
  return {
    text: sentence.text,
    documentId: document.id,
    documentTitle: document.title,
    section: sentence.section,
    paragraph: sentence.paragraph,
    start: sentence.start,
    end: sentence.end,
  };
}

/** The best passages as citations; a question about the article itself puts the header passage first. */
export function toPassages(retrieval: RetrievalResult, limit: number, headerFirst: boolean): Passage[] {
  // A question about the article itself (author, date, title) is answered from the header passage.
  const ordered = headerFirst
    ? [...retrieval.passages].sort((first, second) => Number(second.chunk.paragraph === 0) - Number(first.chunk.paragraph === 0))
    : retrieval.passages;
  return ordered.slice(0, limit).map((passage) => ({
    chunkId: passage.chunk.id,
    text: passage.chunk.text,
    score: Math.round(passage.score * 1000) / 1000,
    documentId: passage.chunk.documentId,
    documentTitle: passage.chunk.documentTitle,
    section: passage.chunk.section,
    paragraph: passage.chunk.paragraph,
    start: passage.chunk.start,
    end: passage.chunk.end,
  }));
}

/** Cuts at a clause or word boundary; the full sentence is always in the quotes. */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const window = text.slice(0, limit);
  const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf('—'));
  const cut = clause > limit * 0.5 ? clause : window.lastIndexOf(' ');
  return `${text.slice(0, cut > 0 ? cut : limit).trimEnd()}…`;
}
