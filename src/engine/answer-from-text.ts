/**
 * The offline answer: read the question against the text's vocabulary, retrieve, rank the candidate
 * sentences with the fitted selector and answer with verified quotes, or abstain. A follow-up ("what did she
 * say?") is read with the earlier turn, and tried in the paragraph the last answer came from first.
 */
import { corpusOf } from '../corpus/find-document.js';
import { withContext } from '../question/question-analysis.js';
import { readQuestion, type QuestionReading } from '../question/read-question.js';
import { answerExtractively } from '../answering/extractive-answerer.js';
import { metadataScope } from '../answering/metadata-answer.js';
import type { SelectorModel } from '../answering/answer-selector.js';
import { rankCandidates, preferParagraph, type CandidateRanking } from '../answering/rank-candidates.js';
import { contentStems, tokenize } from '../language/tokenize.js';
import { EntityCache } from '../answering/sentence-entities.js';
import { givesAmount } from '../answering/amount-answer.js';
import { holdsAnswerKind } from '../question/answer-type.js';
import type { Answer } from '../answering/types.js';
import type { Turn } from '../conversation/conversation-store.js';
import {
  askedOfAnother,
  asksActionTheTextLacks,
  asksMeasureTheTextLacks,
  measureAskedOf,
  joinedButSelfContained,
  onlyDescribes,
  resolveFollowUp,
  standaloneFollowUp,
  subjectFor,
} from '../conversation/follow-up.js';
import type { EngineState } from './engine-state.js';
import { firstPersonIn, namesPersonIn } from '../language/name-words.js';

/** Weight of words carried over from earlier turns, relative to the question's own words. */
const CONTEXT_WEIGHT = 1;
/**
 * How sure another text of a library must be of its answer to replace the chosen text's "doesn't mention"
 * (answerReading). Chosen on the 19 SQuAD 2.0 articles and the Baku article as one library (5,816 questions;
 * refusals replaced at 0.5 / 0.6 / 0.7: unanswerable questions then answered 4 / 0 / 0, answers right 2 / 1 / 1,
 * wrong 1 / 1 / 0); on the 13 SQuAD 1.1 articles as one library: right 1 / 0 / 0, nothing else changes. Any
 * refusal retried (no bar, nor the names and topics held) answered 9 unanswerable questions and 2 right.
 */
const CONFIDENT_ELSEWHERE = 0.7;
export interface TextAnswererOptions {
  /** The state being served now (a reindex swaps it). */
  readonly state: () => EngineState;
  readonly selector: SelectorModel;
  readonly threshold: number;
  readonly onRanking?: ((input: { question: QuestionReading; ranking: CandidateRanking }) => void) | undefined;
}

export interface TextAnswerer {
  /** Reads a question against the corpus's words, or one document's when it is asked of that document alone. */
  read(text: string, documentId?: string): QuestionReading;
  /** Answers one reading of the question (`standalone` is the question as answered, e.g. a model's rewrite). */
  answerReading(question: string, standalone: string, reading: QuestionReading, retrievalText: string, scope?: AnswerScope): Promise<Answer>;
  /** Answers a question in a conversation, leaning on the earlier turns when it needs them. */
  answer(question: string, history: readonly Turn[], documentId: string | undefined): Promise<Answer>;
}

interface AnswerScope {
  readonly documentId?: string | undefined;
  readonly earlierParagraph?: Turn['answerParagraph'];
  /** The question read against one document's words (and the text to retrieve with): a library asks each likely document alone. */
  readonly readFor?: ((documentId: string) => { readonly reading: QuestionReading; readonly retrievalText: string }) | undefined;
}

export function createTextAnswerer(options: TextAnswererOptions): TextAnswerer {
  const entities = new EntityCache();
  const read = (text: string, documentId?: string) => {
    const { retriever } = options.state();
    const words = retriever.termsFor(documentId);
    const vocabulary = documentId === undefined ? undefined : words.vocabulary;
    const corpusWords = {
      vocabulary: words.vocabulary,
      properNames: words.properNames,
      writtenLowercase: words.writtenLowercase,
      hasStem: (stem: string) => words.hasStem(stem),
      usesAsNoun: (stem: string) => retriever.wordUses.usesAsNoun(stem, documentId),
      relativesOf: (word: string, stem: string, floor: number) => retriever.wordUses.relativesOf(word, stem, floor, vocabulary),
      idf: (stem: string) => words.idf(stem),
    };
    return readQuestion(text, corpusWords, retriever.wordVectors.words, (word, stem) => retriever.closestMatch(word, stem, vocabulary));
  };

  /** The answer from the whole corpus, or from one document as if it were alone (its own words and statistics). */
  const answerIn = async (question: string, standalone: string, reading: QuestionReading, retrievalText: string, scope: AnswerScope) => {
    const state = options.state();
    const { documentId, earlierParagraph } = scope;
    const retrieval = await state.retriever.retrieve(reading, retrievalText, documentId === undefined ? {} : { documentId });
    const chosen = documentId === undefined ? undefined : state.corpus.documents.find((document) => document.id === documentId);
    const corpus = chosen === undefined ? state.corpus : corpusOf(state.corpus, chosen);
    const terms = state.retriever.termsFor(documentId);
    let ranking = rankCandidates({ question: reading, retrieval, corpus, statistics: state.statistics, terms, entities, model: options.selector });
    if (earlierParagraph !== undefined) ranking = preferParagraph(ranking, earlierParagraph, new Set(contentStems(question)));
    options.onRanking?.({ question: reading, ranking });
    return answerExtractively({
      question,
      correctedQuestion: reading.correctedText,
      standaloneQuestion: standalone,
      analyzed: reading,
      retrieval,
      corpus,
      ranking,
      threshold: options.threshold,
      unknownWords: reading.unknownWords,
      relatedWords: reading.relatedWords,
      // Asked of one document, the question was read against its words: a name only the other documents use is missing.
      unknownNames: reading.unknownNames,
      topics: reading.topics,
      absentTopics: reading.absentTopics,
      otherwiseUsedTopics: reading.otherwiseUsedTopics,
      ownWords: reading.terms.filter((term) => !term.context).map((term) => term.word),
      nearFuture: reading.nearFuture,
      askerNow: reading.askerNow,
    });
  };

  /**
   * In a library the question is answered from one document as if it were alone (its own words, statistics and
   * candidates), so each text gives the answers it gives alone. A question about a document's facts that names no
   * subject of its own ("who wrote it?") is for the whole library (answering/metadata-answer.ts); any other goes
   * to the document it names, or else to the one that stands out by query likelihood or, failing that, by BM25
   * over whole documents (retrieval/document-choice.ts); else to the one the whole library's best answer quotes,
   * which weighs the likelihood in. When that text never mentions something the question names, the likeliest
   * other text answers instead if it holds every name and topic of the question and is confident (CONFIDENT_ELSEWHERE).
   */
  const answerReading: TextAnswerer['answerReading'] = async (question, standalone, reading, retrievalText, scope = {}) => {
    const state = options.state();
    if (scope.documentId !== undefined || state.corpus.documents.length <= 1) return answerIn(question, standalone, reading, retrievalText, scope);
    const about = reading.metadata === undefined ? undefined : metadataScope(state.corpus, reading.metadata, reading, reading.topics);
    if (about === 'library') return answerIn(question, standalone, reading, retrievalText, scope);
    let documentId = about?.documentId;
    if (documentId === undefined) {
      documentId = await state.retriever.decisiveDocument(reading, retrievalText);
      if (documentId === undefined) {
        // The library's answer is looked for among the texts' sentences, not in a header ("When was the report published?").
        const sentences = reading.metadata === undefined ? reading : { ...reading, metadata: undefined };
        const inLibrary = await answerIn(question, standalone, sentences, retrievalText, scope);
        documentId = inLibrary.quotes[0]?.documentId;
        if (documentId === undefined) return inLibrary;
      }
    }
    const inDocument = (id: string) => {
      const own = scope.readFor?.(id) ?? { reading, retrievalText };
      return { reading: own.reading, answer: () => answerIn(question, standalone, own.reading, own.retrievalText, { ...scope, documentId: id }) };
    };
    const first = await inDocument(documentId).answer();
    if (about?.documentId !== undefined || first.abstainReason !== 'not-mentioned') return first;
    // The chosen text never mentions something the question names: the likeliest other text answers instead when
    // it holds every name and topic of the question and is confident of its answer. Otherwise the refusal stands.
    const other = await state.retriever.likeliestOther(reading, retrievalText, documentId);
    if (other === undefined) return first;
    const elsewhere = inDocument(other);
    if (elsewhere.reading.unknownNames.length > 0 || elsewhere.reading.absentTopics.length > 0) return first;
    const retried = await elsewhere.answer();
    return !retried.abstained && (retried.confidence ?? 0) >= CONFIDENT_ELSEWHERE ? retried : first;
  };

  /** The document the turn's answer was quoted from. */
  const answeredFrom = (turn: Turn) => options.state().corpus.documents.find((document) => document.id === turn.answerParagraph?.documentId);
  /** Whether the text the turn was answered from (else any text) uses `name` for a person. */
  const namesPerson = (name: string, turn: Turn) => {
    const document = answeredFrom(turn);
    return (document !== undefined ? [document] : options.state().corpus.documents).some((text) => namesPersonIn(text.text, name));
  };
  /** Whether the text the turn was answered from (else any text) writes the name's first word capitalised mid-sentence (the lexical index's proper names). */
  const writtenAsName = (name: string, turn: Turn) => {
    const first = tokenize(name)[0]?.word;
    return first !== undefined && options.state().retriever.termsFor(answeredFrom(turn)?.id).properNames.has(first);
  };
  /** The person the paragraph of the turn's answer names first ("DJ Kool Herc"), for a later "he" or "she". */
  const personNear = (turn: Turn) => {
    const paragraph = answeredFrom(turn)?.paragraphs.find((candidate) => candidate.number === turn.answerParagraph?.paragraph);
    return paragraph === undefined ? undefined : firstPersonIn(paragraph.text);
  };

  /** Reads the question with the earlier turns when it leans on them, or when it is too weak on its own. */
  const answer: TextAnswerer['answer'] = async (question, history, documentId) => {
    const own = read(question, documentId);
    // "what did she say?" → "what did Zakharova say?", looked for first in the paragraph the last answer came from.
    const asFollowUp = (turn: Turn) => {
      // "what about hotels?" after "how much do households pay?" asks "how much do hotels pay?": the earlier
      // question of another subject, read on its own and looked for wherever that subject is.
      const another = turn.subject === undefined ? undefined : askedOfAnother(question, turn.standaloneQuestion, turn.subject);
      if (another !== undefined) {
        const readAlone = (id: string | undefined) => {
          const reading = read(another, id);
          return { reading, retrievalText: reading.correctedText };
        };
        const { reading, retrievalText } = readAlone(documentId);
        return answerReading(question, another, reading, retrievalText, { documentId, readFor: readAlone });
      }
      const subject = subjectFor(question, turn, {
        earlier: history.slice(0, -1),
        isPerson: (name) => namesPerson(name, turn),
        nearbyPerson: () => personNear(turn),
        isName: (name) => writtenAsName(name, turn),
      });
      const standalone = subject !== undefined ? standaloneFollowUp(question, subject) : `${question} (${turn.standaloneQuestion})`;
      const readIn = (id: string | undefined) => {
        const reading = withContext(read(standalone, id), turn.standaloneQuestion, CONTEXT_WEIGHT);
        return { reading, retrievalText: `${reading.correctedText} ${turn.standaloneQuestion}` };
      };
      // In a library, a follow-up naming nothing of its own ("who are they mostly?") is asked of the text that answered the turn.
      const scope = documentId ?? (own.topics.length === 0 ? turn.answerParagraph?.documentId : undefined);
      const { reading, retrievalText } = readIn(scope);
      return answerReading(question, standalone, reading, retrievalText, { documentId: scope, earlierParagraph: turn.answerParagraph, readFor: readIn });
    };
    // A turn the text did not answer leaves nothing to lean on ("who is the richest person alive" after an
    // off-topic "recommend a good book" is not about books), nor does one about the text itself ("who wrote
    // this?" gives no subject to "is it going to rain tomorrow"); a question about the text itself ("when was
    // it published") is about the text, whatever came before.
    const last = history.at(-1);
    const previous =
      own.metadata === undefined && last !== undefined && !last.abstained && read(last.standaloneQuestion).metadata === undefined ? last : undefined;
    const readFor = (id: string) => {
      const reading = read(question, id);
      return { reading, retrievalText: reading.correctedText };
    };
    const answerAlone = () => answerReading(question, question, own, own.correctedText, { documentId, readFor });
    if (previous !== undefined && resolveFollowUp(question, own.topics).leans) {
      // A question that names nothing and whose every word the text lacks is not found by leaning on the earlier
      // turn: "is it going to rain tomorrow" after a question about Turkey is about the weather. One that names
      // something ("were they criminals?") may name it in its own words and is read with the earlier turn.
      // A follow-up the text does not answer may still be a question of its own ("how many technicians did
      // they hire?" after a question about the hotels answers as asked).
      if (own.topics.length > 0) {
        // "and what did valencias mayor say back" names its own subject and stands for no earlier one: asked alone first.
        if (joinedButSelfContained(question, own.topics)) {
          const alone = await answerAlone();
          if (!alone.abstained) return alone;
          const followUp = await asFollowUp(previous);
          return followUp.abstained ? alone : followUp;
        }
        const followUp = await asFollowUp(previous);
        if (!followUp.abstained) return followUp;
        const alone = await answerAlone();
        return alone.abstained ? followUp : alone;
      }
      const alone = await answerAlone();
      if (alone.abstainReason !== 'not-mentioned') return asFollowUp(previous);
      // "how old is he?" in an adjective the text lacks asks a measure of the earlier subject: a quote that gives one
      // answers, else the text doesn't say it ("The text doesn't say how old Alexey Ovchuk is."), not "doesn't mention old".
      if (asksMeasureTheTextLacks(question, own.unknownWords)) return measureOfEarlier(await asFollowUp(previous), alone);
      // "is it real?" asks about the earlier subject in a word the text lacks, as do "why was it shut down?" and
      // "what happened then?" in a verb the text lacks ("the closure of…"): answered as a follow-up if the text
      // speaks to it.
      if (!onlyDescribes(question, own.unknownWords) && !asksActionTheTextLacks(question, own.unknownWords)) return alone;
      const followUp = await asFollowUp(previous);
      // Either way the question is about the earlier subject: "The text doesn't mention started." would name a verb.
      return followUp;
    }
    return answerAlone();
  };

  return { read, answerReading, answer };
}

/**
 * A follow-up's answer to "how old is he?" stands when its first quote gives the measure asked ("aged 63"); otherwise
 * the text doesn't say it, and the answer says so of the earlier subject, with the closest passages.
 */
function measureOfEarlier(followUp: Answer, alone: Answer): Answer {
  const asked = followUp.standaloneQuestion;
  const first = followUp.quotes[0];
  const measured = /\bhow old\b/iu.test(asked) ? holdsAnswerKind('number', first?.text ?? '', asked) : givesAmount(first?.text ?? '', 'amount', asked);
  if (!followUp.abstained && first !== undefined && measured) return followUp;
  const said = measureAskedOf(
    asked,
    [...followUp.quotes, ...followUp.passages].map((shown) => shown.text),
  );
  if (said === undefined) return alone;
  return { ...followUp, answer: `The text doesn't say ${said}.`, abstained: true, quotes: [], abstainReason: 'no-answering-sentence' };
}
