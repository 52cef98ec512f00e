/** Questions refused before any work, each with a message meant for the person who asked. */
import type { QuestionProblem } from './types.js';
import { withoutChatFiller } from '../question/chat-filler.js';

export const MAX_QUESTION_CHARACTERS = 1000;

export type CheckedQuestion =
  { readonly ok: true; readonly question: string; readonly instructionLike: boolean } | { readonly ok: false; readonly problem: QuestionProblem };

/** Wording that tries to steer the bot rather than ask about the text ("ignore your instructions and..."). */
const INSTRUCTION_LIKE =
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|above|previous|everything)\b|\b(system prompt|you are now|act as|pretend (?:to be|you)|jailbreak|developer mode)\b|^\s*(say|print|repeat|write|output)\b/iu;

/** Said instead of "the article doesn't say" when the question was an instruction. */
export const INSTRUCTION_NOTICE = 'footnote only answers from the text and does not follow instructions inside a question.';

export function checkQuestion(raw: string): CheckedQuestion {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  let question = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '').trim();
  // "Zalgo" text stacks combining marks on letters until words no longer read as words; unstack them.
  if (/\p{M}{3,}/u.test(question))
    question = question
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC');
  question = withoutMarkup(question);
  if (question === '')
    return { ok: false, problem: { kind: 'empty', message: 'Ask a question about the article, e.g. "Why did Baku close the Russian House?"' } };
  if (question.length > MAX_QUESTION_CHARACTERS) {
    return {
      ok: false,
      problem: { kind: 'too-long', message: `That question is ${question.length} characters long; please keep it under ${MAX_QUESTION_CHARACTERS}.` },
    };
  }
  // Letters of any script count; combining marks alone (zalgo debris) and emoji do not.
  const letters = question.normalize('NFC').replace(/\p{M}/gu, '').match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return { ok: false, problem: { kind: 'no-words', message: 'I need a question in words, e.g. "What did the autopsies reveal?"' } };
  if (isSmallTalk(question)) return { ok: false, problem: { kind: 'not-a-question', message: SMALL_TALK_REPLY } };
  // "hey what did the autopsies show lol": the greeting and the laughter are not question words.
  question = withoutChatFiller(question);
  return { ok: true, question, instructionLike: INSTRUCTION_LIKE.test(question) };
}

/**
 * Words of greeting, thanks and acknowledgement in a chat (general English). A message made only of them
 * ("thanks!", "hi there", "ok cool") is not a question about the text: answering it from the text would quote
 * "thanks to Putin's apology" at someone who said thank you.
 */
const SOCIAL_WORDS = new Set(
  (
    'hi hii hey heya hello hallo yo sup hiya greetings morning afternoon evening good night gm gn ' +
    'thanks thank thx thnx ty tysm tyvm cheers appreciated appreciate much so very lot you u a all guys bot ' +
    'ok okay k kk cool nice great awesome perfect lol lmao haha hahaha ah oh wow got it gotcha sure yes yeah yep no nope ' +
    'bye goodbye cya later see ya there what whats is up how hows are doing going it'
  ).split(' '),
);

/** Sent instead of an answer to a message that only greets, thanks or acknowledges. */
export const SMALL_TALK_REPLY = "Glad to help! Ask me a question about the text and I'll answer with quotes from it.";

/** A message made only of greetings, thanks and acknowledgements, with no question mark. */
export function isSmallTalk(message: string): boolean {
  if (message.includes('?')) return false;
  const words = message.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.length > 0 && words.length <= 8 && words.every((word) => SOCIAL_WORDS.has(word.replace(/'/gu, '')));
}

/** A member, role or channel mention, or @everyone / @here: who is addressed, not what is asked. */
const DISCORD_MENTION = /<[@#][!&]?\d+>|@everyone|@here/gu;

/**
 * Chat markup around a question is not part of it: mentions go, code blocks and inline code are dropped (unless the
 * question is all inside them), links keep their text, bare addresses go, and emphasis, spoiler, heading and
 * quote markers are taken off the words ("**Why** did ||Baku|| close…" → "Why did Baku close…"). Text written
 * right-to-left with an override reads as it is shown. Their words would otherwise count as question words.
 */
export function withoutMarkup(question: string): string {
  const shown = readAsShown(question);
  const withoutCode = shown.replace(/```[\s\S]*?```/gu, ' ').replace(/`[^`\n]*`/gu, ' ');
  // "```why did Baku…```": the question is the code block's text.
  const kept = /\p{L}{2}/u.test(withoutCode.replace(DISCORD_MENTION, '')) ? withoutCode : shown.replace(/```(?:[\w-]*\n)?/gu, ' ');
  return kept
    .replace(DISCORD_MENTION, ' ')
    .replace(/\[([^\]\n]*)\]\([^)\s]*\)/gu, '$1')
    .replace(/<?https?:\/\/[^\s>]+>?/gu, ' ')
    .replace(/\*\*|__|\|\||~~|`/gu, '')
    .replace(/^\s*(?:#{1,6}|>{1,3}|-#)\s+/gmu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Right-to-left overrides (U+202E … U+202C) reversed into the order a reader sees; other direction marks removed. */
function readAsShown(text: string): string {
  return text
    .replace(/\u202E([^\u202C]*)\u202C?/gu, (_match, inner: string) => [...inner].reverse().join(''))
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '');
}
