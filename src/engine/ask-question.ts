/**
 * `Engine.ask`: check the question, rewrite a follow-up with the model when one is configured, answer from
 * the text, let the model answer from the same passages (the offline answer is its fallback), and remember
 * the turn for the conversation's next question.
 */
import type { Config } from '../config.js';
import type { AskOptions } from '../engine-types.js';
import { checkQuestion, INSTRUCTION_NOTICE } from '../answering/check-question.js';
import type { AskOutcome } from '../answering/types.js';
import type { ConversationMemory, Turn } from '../conversation/conversation-store.js';
import { answeredPerson, replacesSubject, subjectOf } from '../conversation/follow-up.js';
import type { EngineState } from './engine-state.js';
import type { ModelAnswerer } from './model-answerer.js';
import type { TextAnswerer } from './answer-from-text.js';
import { wholeTextRequest } from '../question/whole-text-request.js';
import { wholeTextAnswer } from './whole-text-answer.js';

export interface AskQuestionContext {
  readonly config: Config;
  readonly state: () => EngineState;
  readonly text: TextAnswerer;
  readonly conversations: ConversationMemory;
  readonly modelAnswerer: ModelAnswerer | undefined;
}

export async function askQuestion(context: AskQuestionContext, rawQuestion: string, options: AskOptions = {}): Promise<AskOutcome> {
  const { config, text, conversations, modelAnswerer } = context;
  const checked = checkQuestion(rawQuestion);
  if (!checked.ok) return checked;
  const question = checked.question;
  const conversationId = options.conversationId;
  const history = conversationId !== undefined ? await conversations.history(conversationId) : [];

  // "what is this article about?": the text's summary answers, not a sentence that shares a word.
  const aboutWhole = wholeTextRequest(question);
  const aboutWholeText = aboutWhole !== undefined ? wholeTextAnswer(context.state().corpus, question, options.documentId, aboutWhole) : undefined;

  // One time budget for the whole answer: the rewrite's time comes out of the answer's.
  const budgetEnds = Date.now() + (config.llm?.timeoutMs ?? 0);
  let rewritten: string | undefined;
  if (history.length > 0 && modelAnswerer?.rewrite !== undefined && aboutWholeText === undefined) {
    rewritten = await modelAnswerer
      .rewrite({
        history: history.map((turn) => ({ question: turn.standaloneQuestion, answer: turn.answer })),
        question,
        ...(options.signal ? { signal: options.signal } : {}),
      })
      .catch(() => undefined);
  }

  let answer =
    aboutWholeText ??
    (rewritten !== undefined
      ? await text.answerReading(question, rewritten, text.read(rewritten, options.documentId), rewritten, {
          documentId: options.documentId,
          readFor: (documentId) => ({ reading: text.read(rewritten, documentId), retrievalText: rewritten }),
        })
      : await text.answer(question, history, options.documentId));
  if (modelAnswerer !== undefined && aboutWholeText === undefined) {
    const remaining = AbortSignal.timeout(Math.max(1, budgetEnds - Date.now()));
    const signal = options.signal !== undefined ? AbortSignal.any([options.signal, remaining]) : remaining;
    answer = await modelAnswerer.answer({ question, standaloneQuestion: answer.standaloneQuestion, passages: answer.passages, fallback: answer, signal });
  }
  if (checked.instructionLike && answer.abstained) answer = { ...answer, answer: `${INSTRUCTION_NOTICE} ${answer.answer}` };
  if (conversationId !== undefined) {
    const words = context.state().retriever.wordVectors.words;
    // Read as corrected ("wat does jamestown say" → "what does Jamestown say"): a typo is the rarest word of all.
    const reread = text.read(answer.standaloneQuestion);
    // A later "they" stands for something the text speaks of: a word it lacks ("nite", a slip English also knows) is
    // the subject only when the question has nothing else.
    const knownTopics = reread.topics.filter((topic) => !reread.unknownWords.includes(topic));
    const subject =
      carriedSubject(question, answer.standaloneQuestion, () => text.read(question).topics, history) ??
      subjectOf(reread.correctedText, (word) => words.rank(word), knownTopics.length > 0 ? knownTopics : reread.topics) ??
      history.at(-1)?.subject;
    const quoted = answer.quotes[0];
    // "who criticised the plan?" → a later "they" is whom the answer names; "who is Peskov?" → "he" is Peskov, the subject.
    const asksForSomeone = reread.answerKind === 'person' && reread.names.length === 0 && !answer.abstained;
    const person = asksForSomeone ? answeredPerson(reread.correctedText, quoted?.text ?? answer.answer) : undefined;
    await conversations.record(conversationId, {
      question,
      standaloneQuestion: answer.standaloneQuestion,
      answer: answer.answer,
      abstained: answer.abstained,
      ...(subject !== undefined ? { subject } : {}),
      ...(person !== undefined ? { person } : {}),
      ...(quoted !== undefined ? { answerParagraph: { documentId: quoted.documentId, paragraph: quoted.paragraph, start: quoted.start } } : {}),
    });
  }
  return { ok: true, answer };
}

/**
 * A follow-up is about the subject it was answered of: "why did it crash land" answered as "why did azal plane
 * crash land" stays about the Azal plane (read afresh, the rewrite would make "azal plane crash land" its
 * subject, and a later "who shot it down" would be asked of that). The latest earlier subject or person the
 * rewrite added is carried on — unless the question named a subject of its own and no pronoun stood for the
 * earlier one ("what about hotels?").
 */
function carriedSubject(question: string, standalone: string, ownTopics: () => readonly string[], history: readonly Turn[]): string | undefined {
  // Read again only for a question that was rewritten (the answer did not keep its reading).
  if (standalone === question || (!replacesSubject(question) && ownTopics().length > 0)) return undefined;
  const asked = question.toLowerCase();
  const answered = standalone.toLowerCase();
  for (const turn of [...history].reverse())
    for (const candidate of [turn.person, turn.subject])
      if (candidate !== undefined && answered.includes(candidate.toLowerCase()) && !asked.includes(candidate.toLowerCase())) return candidate;
  return undefined;
}
