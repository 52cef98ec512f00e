/** How the retriever blends its scores of a sentence (retriever.ts); tests and the benchmark pass others. */
export interface RankingWeights {
  readonly sentenceCoverage: number;
  readonly passageCoverage: number;
  readonly sentenceDense: number;
  readonly passageDense: number;
  readonly answerKind: number;
  /** How much of the previous sentence's coverage an anaphoric sentence ("These men were...") inherits. */
  readonly inheritance: number;
  /** A question word the corpus lacks counts this share of the top idf, times its rarity in English. */
  readonly outOfCorpusShare: number;
  /**
   * Each question word's closest word in the sentence by raw word-vector similarity (no floor), weighted
   * like coverage: a softer, continuous view of the same alignment that ranks near-paraphrases better.
   */
  readonly alignment: number;
  /** Taken off a sentence as its document is less likely than the likeliest to be the one asked about (document-choice.ts). */
  readonly documentChoice: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = {
  sentenceCoverage: 0.25,
  passageCoverage: 0.25,
  sentenceDense: 0.4,
  passageDense: 0.05,
  answerKind: 0.05,
  inheritance: 0.5,
  outOfCorpusShare: 0.6,
  alignment: 0.3,
  documentChoice: 0.2,
};
