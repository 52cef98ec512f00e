/**
 * Questions about the whole text rather than something in it: "what is this article about?", "tldr",
 * "can you summarize it", "what's the main point of the article?", "what's the conclusion?". No one sentence
 * answers them by matching words; the text's summary does (its first points, or its last for the conclusion).
 * A request that also names a topic ("summarize the part about sanctions") is about that topic, and is left to
 * the ordinary answer. General English only.
 */
import { isContentWord, tokenize } from '../language/tokenize.js';
import { writeOutShorthand } from '../language/chat-shorthand.js';

const WHOLE_TEXT =
  /\b(?:summ?ar(?:y|ies|i[sz]e[ds]?|i[sz]ing)|sum (?:it |this |that )?up|tl;? ?dr|overview|gist|in a nutshell|key (?:points?|ideas?|takeaways?)|main (?:points?|ideas?|arguments?|claims?|takeaways?|message|thesis)|takeaways?)\b|\bwhat(?:'s|’s| is| are)? (?:this|the|it|that)(?: (?:article|text|piece|essay|chapter|reading|paper|story|post|report))? (?:all )?about\b/giu;

/** "what's the conclusion?", "how does the article conclude?", "what's the outlook?": the text's last point. */
const CONCLUSION = /\b(?:conclu(?:sions?|de[ds]?|ding)|outlook|bottom line|in the end)\b/giu;

/** Words that may frame such a request without naming a topic ("give me a quick summary of the article pls"). */
const FRAME_WORDS = new Set(
  'article text piece essay chapter reading paper story post report author whole basically please pls give tell quick short brief write make need want end'.split(
    ' ',
  ),
);

export type WholeTextRequest = 'summary' | 'conclusion';

/** Whether the question asks what the whole text says (its summary) or where it ends up (its conclusion), not about one thing in it. */
export function wholeTextRequest(question: string): WholeTextRequest | undefined {
  const written = writeOutShorthand(question);
  for (const [request, pattern] of [
    ['summary', WHOLE_TEXT],
    ['conclusion', CONCLUSION],
  ] as const) {
    const rest = written.replace(pattern, ' ');
    if (rest !== written && tokenize(rest).every((token) => !isContentWord(token.word) || FRAME_WORDS.has(token.word))) return request;
  }
  return undefined;
}
