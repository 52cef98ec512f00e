/**
 * Candidate answer sentences for a question: the retriever's best sentences, each described by the named
 * features and scored by the fitted selector; plus how likely it is that any of them answers.
 */
import type { Corpus, CorpusDocument, Sentence } from '../corpus/types.js';
import type { LexicalIndex } from '../retrieval/lexical-index.js';
import type { TermStatistics } from '../retrieval/document-terms.js';
import type { AnalyzedQuestion } from '../question/question-analysis.js';
import type { RetrievalResult, ScoredSentence } from '../retrieval/retriever.js';
import { continuesPreviousSentence, isContentWord, stemWord, tokenize } from '../language/tokenize.js';
import { FEATURE_NAMES, featureVector, type CandidateFacts, type FeatureName, type QuestionFacts } from './candidate-features.js';
import { ANSWERABILITY_FEATURES, answerabilityProbability, candidateProbabilities, type SelectorModel } from './answer-selector.js';
import type { EntityCache } from './sentence-entities.js';

/** Sentences looked at, best first by the retriever. */
export const CANDIDATES = 12;

export interface CorpusStatistics {
  readonly lexical: LexicalIndex;
  /** General-English rarity of a word, 0 (commonest) .. 1 (unknown to English), from the word vectors' frequency ranks. */
  rarity(word: string): number;
}

export interface RankedCandidate {
  readonly scored: ScoredSentence;
  readonly facts: CandidateFacts;
  readonly features: readonly number[];
  readonly probability: number;
}

export interface CandidateRanking {
  /** Best first by the selector's probability. */
  readonly candidates: readonly RankedCandidate[];
  readonly answerabilityFeatures: readonly number[];
  /** Probability that the best candidate answers the question. */
  readonly answerability: number;
  readonly questionFacts: QuestionFacts;
  readonly questionLevel: QuestionLevel;
}

/** What the question reader adds to the analysis: its topics and the noun it asks for, against the corpus. */
export interface QuestionTopicsRead {
  readonly topics: readonly string[];
  readonly absentTopics: readonly string[];
  readonly askedNoun: { readonly stem: string; readonly inText: boolean } | undefined;
}

/** Question-level figures for the answerability model that do not depend on the candidates. */
export interface QuestionLevel {
  /** Share of the question's rarity-weighted words the corpus never uses. */
  readonly unknownShare: number;
  /** Share of the question's nouns and names the corpus never uses. */
  readonly absentTopicShare: number;
  /** 1 when the question asks for a noun the corpus never uses. */
  readonly askedNounAbsent: number;
}

export interface RankInput {
  readonly question: AnalyzedQuestion & Partial<QuestionTopicsRead>;
  readonly retrieval: RetrievalResult;
  readonly corpus: Corpus;
  readonly statistics: CorpusStatistics;
  /** The word statistics retrieval weighed the question with (one document's, when asked of it); default: the corpus's. */
  readonly terms?: TermStatistics;
  readonly entities: EntityCache;
  readonly model: SelectorModel;
}

export function questionFactsOf(question: AnalyzedQuestion & Partial<QuestionTopicsRead>, rarity: (word: string) => number): QuestionFacts {
  const own = question.terms.filter((term) => !term.context);
  return {
    kind: question.answerKind,
    terms: own.map((term) => ({ word: term.word, stem: term.stem, rarity: rarity(term.word) })),
    words: new Set(tokenize(question.text).map((token) => token.word)),
    askedStem: question.askedNoun?.stem,
  };
}

export function questionLevelOf(question: Partial<QuestionTopicsRead>, facts: QuestionFacts, lexical: Pick<LexicalIndex, 'hasStem'>): QuestionLevel {
  const topics = question.topics ?? [];
  return {
    unknownShare: unknownShare(facts, lexical),
    absentTopicShare: topics.length === 0 ? 0 : (question.absentTopics ?? []).length / topics.length,
    askedNounAbsent: question.askedNoun !== undefined && !question.askedNoun.inText ? 1 : 0,
  };
}

export function rankCandidates(input: RankInput): CandidateRanking {
  const { question, retrieval, statistics } = input;
  const terms = input.terms ?? statistics.lexical;
  const questionFacts = questionFactsOf(question, statistics.rarity);
  const asksAboutHeadings = /\b(headings?|sections?|sub-?titles?|chapters?)\b/iu.test(question.text);
  const pool = retrieval.sentences.filter(
    (scored) => scored.entry.sentence.kind !== 'header' && (scored.entry.sentence.kind !== 'heading' || asksAboutHeadings),
  );
  const top = pool.slice(0, CANDIDATES);
  const byOrdinal = new Map(retrieval.sentences.map((scored) => [`${scored.entry.sentence.documentId}:${scored.entry.sentence.ordinal}`, scored]));
  const paragraphStart = paragraphStartOf(input.corpus);
  const bm25 = top.map((scored) => sentenceBm25(questionFacts, scored.entry.words, terms));
  const bestBm25 = Math.max(1e-9, ...bm25);
  const topScore = top[0]?.score ?? 0;

  const described = top.map((scored, rank) => {
    const sentence = scored.entry.sentence;
    const neighbour = (offset: number) => {
      const found = byOrdinal.get(`${sentence.documentId}:${sentence.ordinal + offset}`);
      return found !== undefined && found.entry.sentence.paragraph === sentence.paragraph ? found : undefined;
    };
    const before = neighbour(-1);
    const after = neighbour(1);
    const facts: CandidateFacts = {
      text: sentence.text,
      stems: new Set(scored.entry.words.map(stemWord)),
      nearbyStems: new Set([...(before?.entry.words ?? []), ...(after?.entry.words ?? [])].map(stemWord)),
      headingStems: new Set(tokenize(sentence.section).map((token) => token.stem)),
      entities: input.entities.of(sentence.text),
      score: scored.score,
      topScore,
      rank,
      coverage: scored.coverage,
      passageCoverage: scored.passageCoverage,
      dense: scored.dense,
      alignment: scored.alignment,
      focusMatch: scored.focusMatch,
      namesMissingHere: scored.namesMissingHere,
      namesMissingInPassage: scored.missingNames,
      bm25Share: (bm25[rank] ?? 0) / bestBm25,
      previousCoverage: before?.coverage ?? 0,
      nextCoverage: after?.coverage ?? 0,
      positionInParagraph: sentence.ordinal - (paragraphStart(sentence) ?? sentence.ordinal),
      continuesPrevious: continuesPreviousSentence(sentence.text),
    };
    return { scored, facts, features: featureVector(questionFacts, facts) };
  });
  const probabilities = candidateProbabilities(
    input.model,
    described.map((candidate) => candidate.features),
  );
  const candidates: RankedCandidate[] = described.map((candidate, index) => ({ ...candidate, probability: probabilities[index] ?? 0 }));
  candidates.sort((first, second) => second.probability - first.probability || first.facts.rank - second.facts.rank);
  const questionLevel = questionLevelOf(question, questionFacts, terms);
  const answerabilityFeatures = answerabilityFeaturesOf(questionFacts.terms.length, candidates, questionLevel);
  return { candidates, answerabilityFeatures, answerability: answerabilityProbability(input.model, answerabilityFeatures), questionFacts, questionLevel };
}

/** A candidate as the answerability model sees it: its probability and its feature vector (FEATURE_NAMES order). */
export interface ScoredFeatures {
  readonly probability: number;
  readonly features: readonly number[];
}

/**
 * The answerability model's inputs, in ANSWERABILITY_FEATURES order, from the candidates best first.
 * Everything is read off the feature vectors, so the fitting script computes exactly the same figures.
 */
export function answerabilityFeaturesOf(termCount: number, ranked: readonly ScoredFeatures[], level: QuestionLevel): number[] {
  const best = ranked[0];
  const feature = (candidate: ScoredFeatures | undefined, name: FeatureName, absent: number) =>
    candidate === undefined ? absent : (candidate.features[FEATURE_NAMES.indexOf(name)] ?? absent);
  const values: Record<(typeof ANSWERABILITY_FEATURES)[number], number> = {
    best_probability: best?.probability ?? 0,
    margin_to_second: (best?.probability ?? 0) - (ranked[1]?.probability ?? 0),
    best_names_missing: feature(best, 'names_missing_here', 0),
    unknown_share: level.unknownShare,
    best_coverage: feature(best, 'coverage', 0),
    best_rare_overlap: feature(best, 'rare_overlap', 0),
    best_kind_missing: feature(best, 'answer_kind_missing', 1),
    best_rarest_missing: feature(best, 'rarest_missing_nearby', 1),
    question_terms: Math.min(10, termCount) / 10,
    best_focus_match: feature(best, 'focus_match', 0),
    best_names_missing_in_passage: feature(best, 'names_missing_in_passage', 0),
    absent_topic_share: level.absentTopicShare,
    asked_noun_absent: level.askedNounAbsent,
    best_asked_noun_missing: feature(best, 'asked_noun_missing', 1),
    top3_rare_overlap: Math.max(0, ...ranked.slice(0, 3).map((candidate) => feature(candidate, 'rare_overlap', 0))),
    best_alignment: feature(best, 'alignment', 0),
    best_dense: feature(best, 'dense', 0),
    best_rarest_missing_here: feature(best, 'rarest_missing', 1),
  };
  return ANSWERABILITY_FEATURES.map((name) => values[name]);
}

/** Share of the question's rarity-weighted words that the corpus never uses. */
export function unknownShare(question: QuestionFacts, lexical: Pick<LexicalIndex, 'hasStem'>): number {
  const total = question.terms.reduce((sum, term) => sum + term.rarity, 0);
  if (total <= 0) return 0;
  return question.terms.reduce((sum, term) => sum + (lexical.hasStem(term.stem) ? 0 : term.rarity), 0) / total;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Typical sentence length in content words, for BM25's length normalisation. */
const AVERAGE_SENTENCE_WORDS = 14;

/** BM25 of one sentence for the question's own words, with the corpus's sentence-level idf. */
export function sentenceBm25(question: QuestionFacts, words: readonly string[], lexical: Pick<LexicalIndex, 'idf'>): number {
  const counts = new Map<string, number>();
  for (const word of words) if (isContentWord(word)) counts.set(stemWord(word), (counts.get(stemWord(word)) ?? 0) + 1);
  const length = words.length;
  let score = 0;
  for (const term of question.terms) {
    const frequency = counts.get(term.stem) ?? 0;
    if (frequency === 0) continue;
    score += (lexical.idf(term.stem) * (frequency * (BM25_K1 + 1))) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / AVERAGE_SENTENCE_WORDS));
  }
  return score;
}

const documentsById = new WeakMap<Corpus, ReadonlyMap<string, CorpusDocument>>();

/**
 * Ordinal of the first sentence of a sentence's paragraph. Paragraph n is a document's paragraphs[n - 1], so one map of
 * the documents is enough (a map of every paragraph cost a first question 0.1–0.3 s on a 20 MB corpus).
 */
function paragraphStartOf(corpus: Corpus): (sentence: Sentence) => number | undefined {
  let byId = documentsById.get(corpus);
  if (byId === undefined) {
    byId = new Map(corpus.documents.map((document) => [document.id, document]));
    documentsById.set(corpus, byId);
  }
  const documents = byId;
  return (sentence) => {
    const paragraphs = documents.get(sentence.documentId)?.paragraphs ?? [];
    const indexed = paragraphs[sentence.paragraph - 1];
    const paragraph = indexed?.number === sentence.paragraph ? indexed : paragraphs.find((candidate) => candidate.number === sentence.paragraph);
    return paragraph?.sentences[0]?.ordinal;
  };
}

/** Rarity from the word vectors' frequency ranks (GloVe's vocabulary is ordered commonest first): log rank over log size. */
export function englishRarity(words: { rank(word: string): number | undefined; readonly size: number }): (word: string) => number {
  const scale = Math.log(words.size + 2);
  return (word) => {
    const rank = words.rank(word);
    return rank === undefined ? 1 : Math.log(rank + 2) / scale;
  };
}

/** How much likelier a follow-up's answer is in the paragraph the previous answer came from. */
export const EARLIER_PARAGRAPH_FACTOR = 1.3;

/**
 * A follow-up asks something new: the sentence the reader was just shown counts this many times less, unless it uses a
 * word the follow-up was typed with ("how did they die" after "who are the safarov brothers" is not answered by the same
 * sentence again, but by "…the two men died from severe beatings").
 */
export const SHOWN_SENTENCE_FACTOR = 0.35;

/**
 * Re-orders candidates so those in the earlier answer's paragraph count `EARLIER_PARAGRAPH_FACTOR` times more (capped at 1),
 * and the sentence just shown (`where.start`) `SHOWN_SENTENCE_FACTOR` times as much when it lacks every word of `ownStems`.
 */
export function preferParagraph(
  ranking: CandidateRanking,
  where: { readonly documentId: string; readonly paragraph: number; readonly start?: number },
  ownStems: ReadonlySet<string> = new Set(),
): CandidateRanking {
  const candidates = ranking.candidates
    .map((candidate) => {
      const sentence = candidate.scored.entry.sentence;
      const inside = sentence.documentId === where.documentId && sentence.paragraph === where.paragraph;
      const shown = inside && where.start !== undefined && sentence.start <= where.start && where.start < sentence.end;
      const repeats = shown && ![...ownStems].some((stem) => candidate.facts.stems.has(stem));
      const factor = (inside ? EARLIER_PARAGRAPH_FACTOR : 1) * (repeats ? SHOWN_SENTENCE_FACTOR : 1);
      return factor === 1 ? candidate : { ...candidate, probability: Math.min(1, candidate.probability * factor) };
    })
    .sort((first, second) => second.probability - first.probability || first.facts.rank - second.facts.rank);
  return { ...ranking, candidates };
}
