/**
 * How a text uses a word: whether it ever writes it as a noun or a name, by wink-nlp's part-of-speech tags of the
 * sentences that hold it. "can you recommend a good book" asks about a book; a text whose only "book" is "tourists
 * would book elsewhere" does not speak of one, though it shares the word.
 */
import { tagWords } from '../language/part-of-speech.js';
import { stemWord } from '../language/tokenize.js';
import type { LexicalIndex } from './lexical-index.js';

/** Sentences tagged at most: past them without a noun use the answer is yes (a common word; tagging more costs time). */
export const NOUN_USE_SENTENCES = 30;
const NOUN_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/** Whether a word of this stem is written as a noun or a name in the corpus, or in one document's chunks (`range`). */
export function writesAsNoun(lexical: LexicalIndex, stem: string, range?: { readonly from: number; readonly to: number }): boolean {
  const sentences = lexical.sentencesWith(stem, range, NOUN_USE_SENTENCES + 1);
  if (sentences.length > NOUN_USE_SENTENCES) return true;
  return sentences.some((position) =>
    tagWords(lexical.sentence(position).sentence.text).some((word) => NOUN_TAGS.has(word.pos) && stemWord(word.text.toLowerCase()) === stem),
  );
}
