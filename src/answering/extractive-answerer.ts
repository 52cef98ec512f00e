/**
 * The offline answer: the candidate sentence the fitted selector finds most likely to answer, quoted
 * exactly and given whole as the answer line; or, when the fitted answerability is too low, an honest
 * abstention that says what is missing.
 */
import type { Corpus } from '../corpus/types.js';
import { aboutTheDocument, bylineAnswer, metadataAnswer } from './metadata-answer.js';
import type { AnalyzedQuestion } from '../question/question-analysis.js';
import { isRequestForm, requestedThing } from '../question/request-form.js';
import { aboutSomethingElse, asksForSomethingElse, namesNoTopicOfTheText, OFF_TOPIC_UNLESS, sharesNoWord, type MissingWords } from './about-something-else.js';
import { countFirst, NO_COUNT } from './count-answer.js';
import { amountFirst, answeringAmount } from './amount-answer.js';
import { personFirst } from './person-answer.js';
import { placeFirst } from './place-answer.js';
import type { RetrievalResult, ScoredSentence } from '../retrieval/retriever.js';
import type { AbstainReason, Answer, Passage, Quote } from './types.js';
import type { CandidateRanking, RankedCandidate } from './rank-candidates.js';

/** Passages returned with every answer. */
const PASSAGES_SHOWN = 5;
/** Closest passages shown when the topic is there but no sentence answers. */
const CLOSEST_SHOWN = 2;
/**
 * Supporting quotes must be at least this likely, relative to the answer's own probability: a sure answer
 * stands alone, an unsure one brings the next likeliest sentences, where the answer often is. SQuAD 2.0 per
 * article, share of answerable questions with the answer in some quote: 0.6 → 0.820, 0.3 → 0.852,
 * 0.15 → 0.881 (BM25's three sentences 0.880), every candidate up to three → 0.896; the first quote is unchanged.
 */
const SUPPORT_RATIO = 0.15;
const MAX_QUOTES = 3;

export const NOT_IN_TEXT = "The text touches on this but doesn't answer it. The closest passages:";

export interface ExtractiveInput {
  readonly question: string;
  /** The question with its typos corrected ("recomend me a show" → "recommend me a show"); default: the question. */
  readonly correctedQuestion?: string;
  readonly standaloneQuestion: string;
  readonly analyzed: AnalyzedQuestion;
  readonly retrieval: RetrievalResult;
  readonly corpus: Corpus;
  readonly ranking: CandidateRanking;
  /** Abstain below this answerability (default: the fitted model's operating point). */
  readonly threshold: number;
  /** Question words the corpus never uses, rarest first (after typo correction). */
  readonly unknownWords: readonly string[];
  /** Question words the corpus has only a word of the same family of. */
  readonly relatedWords?: readonly string[];
  /** Names the question uses that the corpus never mentions. */
  readonly unknownNames: readonly string[];
  /** The question's nouns and names, and those the corpus never uses (question-topics.ts). */
  readonly topics?: readonly string[];
  readonly absentTopics?: readonly string[];
  /** Topics the text has only as another part of speech, when no other topic is there as a noun (read-question.ts). */
  readonly otherwiseUsedTopics?: readonly string[];
  /** The question's own content words (not those carried over from an earlier turn). */
  readonly ownWords?: readonly string[];
  /** The asker's coming days the question asks about, in words the text never uses ("tomorrow"). */
  readonly nearFuture?: string | undefined;
  /** What the question asks of the asker's present moment, in words for the abstention ("what time it is now"). */
  readonly askerNow?: string | undefined;
}

export function answerExtractively(input: ExtractiveInput): Answer {
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

  // "who wrote harry potter?" asks about a work the text never mentions, not about this text's byline.
  const absentSubject = input.analyzed.metadata === undefined ? undefined : input.absentTopics?.find((topic) => !aboutTheDocument(input.analyzed.text, topic));
  if (absentSubject !== undefined)
    return {
      ...base,
      passages: [],
      answer: `The text doesn't mention ${absentSubject}.`,
      abstained: true,
      quotes: [],
      abstainReason: 'not-mentioned',
      confidence: 0,
    };
  const metadata =
    input.analyzed.metadata !== undefined ? metadataAnswer(input.corpus, input.analyzed.metadata, input.analyzed) : bylineAnswer(input.corpus, input.analyzed);
  if (metadata !== undefined) return { ...base, ...metadata, abstained: false };

  const doubted = decideAnswer(input.ranking, input.threshold, {
    unknownWords: input.unknownWords,
    relatedWords: input.relatedWords ?? [],
    unknownNames: input.unknownNames,
    topics: input.topics ?? [],
    absentTopics: input.absentTopics ?? [],
    otherwiseUsedTopics: input.otherwiseUsedTopics ?? [],
    ownWords: input.ownWords ?? [],
    nearFuture: input.nearFuture,
    askerNow: input.askerNow,
    request: isRequestForm(input.correctedQuestion ?? input.question),
    requestedThing: requestedThing(input.correctedQuestion ?? input.question),
  });
  // "how much water does each person get": a likely sentence that gives the amount asked answers, however doubtful the selector.
  const amount =
    doubted.kind === 'abstain' && doubted.reason === 'no-answering-sentence'
      ? answeringAmount(input.analyzed.text, input.ranking.candidates, input.unknownWords)
      : undefined;
  const decision: AnswerDecision = amount === undefined ? doubted : { kind: 'answer', chosen: [amount], answerability: doubted.answerability };
  if (decision.kind === 'abstain') {
    const closest = decision.reason === 'not-mentioned' ? [] : passages.slice(0, CLOSEST_SHOWN);
    return {
      ...base,
      passages: closest,
      answer: decision.message,
      abstained: true,
      quotes: [],
      abstainReason: decision.reason,
      confidence: decision.answerability,
    };
  }
  const located = decision.chosen.map((candidate) => quoteOf(input.corpus, candidate.scored)).filter((quote): quote is Quote => quote !== undefined);
  const joined = joinContinuation(input.corpus, located, decision.chosen[1]?.facts.continuesPrevious === true);
  if (joined[0] === undefined)
    return { ...base, answer: NOT_IN_TEXT, abstained: true, quotes: [], abstainReason: 'no-verbatim-quote', confidence: decision.answerability };
  const search = {
    chosen: decision.chosen,
    ranked: input.ranking.candidates,
    locate: (candidate: RankedCandidate) => quoteOf(input.corpus, candidate.scored),
    limit: MAX_QUOTES,
  };
  const quotes = countFirst(
    input.analyzed.text,
    amountFirst(
      input.analyzed.text,
      placeFirst(input.analyzed.answerKind, input.analyzed.text, personFirst(input.analyzed.answerKind, input.analyzed.text, joined, search), search),
      search,
    ),
    search,
  );
  const first = quotes?.[0];
  if (quotes === undefined || first === undefined)
    return {
      ...base,
      passages: passages.slice(0, CLOSEST_SHOWN),
      answer: NO_COUNT,
      abstained: true,
      quotes: [],
      abstainReason: 'no-answering-sentence',
      confidence: decision.answerability,
    };
  // The answer line is the whole answering sentence: never cut before the answer. Front ends show it once, with its citation.
  return { ...base, answer: first.text, abstained: false, quotes, confidence: decision.answerability };
}

export type { MissingWords } from './about-something-else.js';

export type AnswerDecision =
  | { readonly kind: 'answer'; readonly chosen: readonly RankedCandidate[]; readonly answerability: number }
  | { readonly kind: 'abstain'; readonly reason: AbstainReason; readonly message: string; readonly answerability: number };

/**
 * One rule for answering or not: the fitted answerability of the best candidate against the threshold.
 * Two certain cases come first: a name the text never uses, and a question about something else (none of
 * its nouns and names is in the text). When the model falls short, the message says whether the text never
 * mentions what was asked about, or mentions it without answering.
 */
export function decideAnswer(ranking: CandidateRanking, threshold: number, missing: MissingWords): AnswerDecision {
  const best = ranking.candidates[0];
  const answerability = Math.round(ranking.answerability * 1000) / 1000;
  // A question about someone or something the text never names cannot be answered from it ("What did the United Nations say?").
  const absentName = missing.unknownNames[0];
  if (absentName !== undefined) return { kind: 'abstain', reason: 'not-mentioned', message: `The text doesn't mention ${absentName}.`, answerability };
  // "what's the weather like tomorrow": the text was written before the asker's coming days.
  if (missing.nearFuture !== undefined)
    return { kind: 'abstain', reason: 'not-mentioned', message: `The text doesn't say anything about ${missing.nearFuture}.`, answerability };
  // "what time is it": nor the asker's present, whatever words the text shares ("at a time when…").
  if (missing.askerNow !== undefined) return { kind: 'abstain', reason: 'not-mentioned', message: `The text doesn't say ${missing.askerNow}.`, answerability };
  // However likely a sentence looks, a request none of whose words the text uses ("can you write my essay") or for a
  // thing it never names ("can you make me a study schedule") is not about the text.
  const offTopic =
    ranking.answerability < OFF_TOPIC_UNLESS ||
    (missing.request === true && (sharesNoWord(ranking, missing) || namesNoTopicOfTheText(missing) || asksForSomethingElse(missing)))
      ? aboutSomethingElse(ranking, missing, missing.request === true)
      : undefined;
  if (offTopic !== undefined) return { kind: 'abstain', reason: 'not-mentioned', message: `The text doesn't mention ${offTopic}.`, answerability };
  if (best !== undefined && ranking.answerability >= threshold) {
    const chosen = [best];
    // The sentence after the answer, when it continues it ("These men were charged with..."), belongs to the answer; then others nearly as likely.
    const next = ranking.candidates.find(
      (candidate) =>
        candidate.scored.entry.sentence.documentId === best.scored.entry.sentence.documentId &&
        candidate.scored.entry.sentence.ordinal === best.scored.entry.sentence.ordinal + 1 &&
        candidate.facts.continuesPrevious,
    );
    if (next !== undefined) chosen.push(next);
    for (const candidate of ranking.candidates) {
      if (chosen.length >= MAX_QUOTES) break;
      if (!chosen.includes(candidate) && candidate.probability >= SUPPORT_RATIO * best.probability) chosen.push(candidate);
    }
    return { kind: 'answer', chosen, answerability };
  }
  if (best === undefined) return { kind: 'abstain', reason: 'no-candidates', message: "The text doesn't cover this.", answerability };
  return { kind: 'abstain', reason: 'no-answering-sentence', message: NOT_IN_TEXT, answerability };
}

/**
 * "…the closure of the Russian House office… According to Baku media, this cultural center was accused of…":
 * when the second quote continues the first (the next sentence of the same paragraph, opening with "this",
 * "these men"…), the two are one answer — the first alone often only sets the scene — so they are quoted
 * as one span of the source.
 */
export function joinContinuation(corpus: Corpus, quotes: readonly Quote[], secondContinues: boolean): Quote[] {
  const [first, second, ...rest] = quotes;
  if (first === undefined || second === undefined || !secondContinues) return [...quotes];
  const document = corpus.documents.find((candidate) => candidate.id === first.documentId);
  if (document === undefined || second.documentId !== first.documentId || second.paragraph !== first.paragraph || second.start < first.end) return [...quotes];
  const between = document.text.slice(first.end, second.start);
  if (!/^\s*$/u.test(between)) return [...quotes];
  return [{ ...first, end: second.end, text: document.text.slice(first.start, second.end) }, ...rest];
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
