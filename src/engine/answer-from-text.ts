/**
 * The offline answer: read the question against the text's vocabulary, retrieve, rank the candidate
 * sentences with the fitted selector and answer with verified quotes, or abstain. A follow-up ("what did she
 * say?") is read with the earlier turn, and tried in the paragraph the last answer came from first.
 */
import type { CorpusDocument } from '../corpus/types.js';
import { corpusOf } from '../corpus/find-document.js';
import { withContext } from '../question/question-analysis.js';
import { namesMissingFrom, readQuestion, type QuestionReading } from '../question/read-question.js';
import { tokenize } from '../language/tokenize.js';
import { answerExtractively } from '../answering/extractive-answerer.js';
import type { SelectorModel } from '../answering/answer-selector.js';
import { rankCandidates, preferParagraph, type CandidateRanking } from '../answering/rank-candidates.js';
import { EntityCache } from '../answering/sentence-entities.js';
import type { Answer } from '../answering/types.js';
import type { Turn } from '../conversation/conversation-store.js';
import { resolveFollowUp, standaloneFollowUp, subjectFor } from '../conversation/follow-up.js';
import type { EngineState } from './engine-state.js';

/** Weight of words carried over from earlier turns, relative to the question's own words. */
const CONTEXT_WEIGHT = 1;

export interface TextAnswererOptions {
  /** The state being served now (a reindex swaps it). */
  readonly state: () => EngineState;
  readonly selector: SelectorModel;
  readonly threshold: number;
  readonly onRanking?: ((input: { question: QuestionReading; ranking: CandidateRanking }) => void) | undefined;
}

export interface TextAnswerer {
  read(text: string): QuestionReading;
  /** Answers one reading of the question (`standalone` is the question as answered, e.g. a model's rewrite). */
  answerReading(question: string, standalone: string, reading: QuestionReading, retrievalText: string, scope?: AnswerScope): Promise<Answer>;
  /** Answers a question in a conversation, leaning on the earlier turns when it needs them. */
  answer(question: string, history: readonly Turn[], documentId: string | undefined): Promise<Answer>;
}

interface AnswerScope {
  readonly documentId?: string | undefined;
  readonly earlierParagraph?: Turn['answerParagraph'];
}

export function createTextAnswerer(options: TextAnswererOptions): TextAnswerer {
  const entities = new EntityCache();
  const read = (text: string) => {
    const { retriever } = options.state();
    return readQuestion(text, retriever.lexical, retriever.wordVectors.words, (word, stem) => retriever.closestMatch(word, stem));
  };

  const answerReading: TextAnswerer['answerReading'] = async (question, standalone, reading, retrievalText, scope = {}) => {
    const state = options.state();
    const { documentId, earlierParagraph } = scope;
    const retrieval = await state.retriever.retrieve(reading, retrievalText, documentId === undefined ? {} : { documentId });
    const chosen = documentId === undefined ? undefined : state.corpus.documents.find((document) => document.id === documentId);
    const corpus = chosen === undefined ? state.corpus : corpusOf(state.corpus, chosen);
    let ranking = rankCandidates({ question: reading, retrieval, corpus, statistics: state.statistics, entities, model: options.selector });
    if (earlierParagraph !== undefined) ranking = preferParagraph(ranking, earlierParagraph);
    options.onRanking?.({ question: reading, ranking });
    return answerExtractively({
      question,
      standaloneQuestion: standalone,
      analyzed: reading,
      retrieval,
      corpus,
      ranking,
      threshold: options.threshold,
      unknownWords: reading.unknownWords,
      // Asked of one document, a name only the other documents use is still missing.
      unknownNames: chosen === undefined ? reading.unknownNames : namesMissingFrom(reading, wordsOf(chosen)),
      topics: reading.topics,
      absentTopics: reading.absentTopics,
    });
  };

  /** Reads the question with the earlier turns when it leans on them, or when it is too weak on its own. */
  const answer: TextAnswerer['answer'] = async (question, history, documentId) => {
    const own = read(question);
    // "what did she say?" → "what did Zakharova say?", looked for first in the paragraph the last answer came from.
    const asFollowUp = (turn: Turn) => {
      const subject = subjectFor(question, turn);
      const standalone = subject !== undefined ? standaloneFollowUp(question, subject) : `${question} (${turn.standaloneQuestion})`;
      const reading = withContext(read(standalone), turn.standaloneQuestion, CONTEXT_WEIGHT);
      return answerReading(question, standalone, reading, `${reading.correctedText} ${turn.standaloneQuestion}`, {
        documentId,
        earlierParagraph: turn.answerParagraph,
      });
    };
    // A turn the text did not answer leaves nothing to lean on ("who is the richest person alive" after an
    // off-topic "recommend a good book" is not about books); a question about the text itself ("when was it
    // published") is about the text, whatever came before.
    const previous = own.metadata === undefined && history.at(-1)?.abstained === false ? history.at(-1) : undefined;
    if (previous !== undefined && resolveFollowUp(question, history, own.topics).leans) return asFollowUp(previous);
    const alone = await answerReading(question, question, own, own.correctedText, { documentId });
    // Words the text never mentions are not found by leaning on the earlier turn either.
    if (!alone.abstained || previous === undefined || alone.abstainReason === 'not-mentioned') return alone;
    const retry = await asFollowUp(previous);
    return retry.abstained ? alone : retry;
  };

  return { read, answerReading, answer };
}

const documentWords = new WeakMap<CorpusDocument, ReadonlySet<string>>();

/** Every word of one document, lower-cased, computed once. */
function wordsOf(document: CorpusDocument): ReadonlySet<string> {
  let words = documentWords.get(document);
  if (words === undefined) {
    words = new Set(tokenize(document.text).map((token) => token.word));
    documentWords.set(document, words);
  }
  return words;
}
