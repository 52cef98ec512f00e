/**
 * Questions about the whole text rather than something in it: "what is this article about?", "tldr",
 * "can you summarize it", "what's the main point of the article?". No one sentence answers them by matching
 * words; the text's summary does. A request that also names a topic ("summarize the part about sanctions")
 * is about that topic, and is left to the ordinary answer. General English only.
 */
import { isContentWord, tokenize } from '../language/tokenize.js';
import { writeOutShorthand } from '../language/chat-shorthand.js';

const WHOLE_TEXT =
  /\b(?:summ?ar(?:y|ies|i[sz]e[ds]?|i[sz]ing)|sum (?:it |this |that )?up|tl;? ?dr|overview|gist|in a nutshell|key (?:points?|ideas?|takeaways?)|main (?:points?|ideas?|arguments?|claims?|takeaways?|message|thesis)|takeaways?)\b|\bwhat(?:'s|’s| is| are)? (?:this|the|it|that)(?: (?:article|text|piece|essay|chapter|reading|paper|story|post|report))? (?:all )?about\b/giu;

/** Words that may frame such a request without naming a topic ("give me a quick summary of the article pls"). */
const FRAME_WORDS = new Set(
  'article text piece essay chapter reading paper story post report author whole basically please pls give tell quick short brief write make need want'.split(
    ' ',
  ),
);

/** Whether the question asks what the whole text says, not about one thing in it. */
export function asksAboutWholeText(question: string): boolean {
  const written = writeOutShorthand(question);
  const rest = written.replace(WHOLE_TEXT, ' ');
  if (rest === written) return false;
  return tokenize(rest).every((token) => !isContentWord(token.word) || FRAME_WORDS.has(token.word));
}
