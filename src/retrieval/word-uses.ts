/**
 * How a text uses a word: whether it ever writes it as a noun or a name, by wink-nlp's part-of-speech tags of the
 * sentences that hold it, and which of its words are close relatives of a word in the word vectors. "can you
 * recommend a good book" asks about a book; a text whose only "book" is "tourists would book elsewhere" does not
 * speak of one, though it shares the word.
 */
import { tagWords } from '../language/part-of-speech.js';
import { stemWord, wordFamilyKeys } from '../language/tokenize.js';
import type { LexicalIndex } from './lexical-index.js';
import type { TermMatcher } from './term-matcher.js';

/** Sentences tagged at most: past them without a noun use the answer is yes (a common word; tagging more costs time). */
export const NOUN_USE_SENTENCES = 30;
const NOUN_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);
/** Answers of usesAsNoun kept. */
const NOUN_USES_KEPT = 10_000;

type Range = { readonly from: number; readonly to: number };

/** Positions of the distinct sentences holding a word of this stem, in order, at most `limit`. */
export function sentencesWith(lexical: LexicalIndex, stem: string, range?: Range, limit = Infinity): number[] {
  const found = new Set<number>();
  for (const chunk of lexical.chunksWith(stem, range)) {
    for (const position of lexical.sentencesOf(chunk)) {
      if (found.size >= limit) return [...found];
      if (!found.has(position) && lexical.sentence(position).words.some((word) => stemWord(word) === stem)) found.add(position);
    }
  }
  return [...found];
}

/** Whether a word of this stem is written as a noun or a name in the corpus, or in one document's chunks (`range`). */
export function writesAsNoun(lexical: LexicalIndex, stem: string, range?: Range): boolean {
  const sentences = sentencesWith(lexical, stem, range, NOUN_USE_SENTENCES + 1);
  if (sentences.length > NOUN_USE_SENTENCES) return true;
  return sentences.some((position) =>
    tagWords(lexical.sentence(position).sentence.text).some((word) => NOUN_TAGS.has(word.pos) && stemWord(word.text.toLowerCase()) === stem),
  );
}

/** One corpus's word uses, remembered: a question reads the same few words again and again. */
export class WordUses {
  private readonly nounUses = new Map<string, boolean>();

  constructor(
    private readonly lexical: LexicalIndex,
    private readonly matcher: TermMatcher,
  ) {}

  /** Whether the corpus (or one document) ever writes a word of this stem as a noun or a name. */
  usesAsNoun(stem: string, documentId?: string): boolean {
    const key = `${documentId ?? ''}\u0000${stem}`;
    let found = this.nounUses.get(key);
    if (found === undefined) {
      found = writesAsNoun(this.lexical, stem, documentId === undefined ? undefined : this.lexical.chunkRange(documentId));
      if (this.nounUses.size >= NOUN_USES_KEPT) this.nounUses.clear();
      this.nounUses.set(key, found);
    }
    return found;
  }

  /**
   * The corpus's (or one document's `vocabulary`'s) words that match a word at least `floor` strongly without being
   * of its own stem or family: its neighbours in the word vectors ("beginning" for "start"), strongest first.
   */
  relativesOf(word: string, stem: string, floor: number, vocabulary: ReadonlyMap<string, string> = this.lexical.vocabulary): string[] {
    const family = new Set(wordFamilyKeys(word));
    return [...this.matcher.matches(word, stem)]
      .filter(
        ([candidate, strength]) =>
          strength >= floor && vocabulary.has(candidate) && vocabulary.get(candidate) !== stem && !wordFamilyKeys(candidate).some((key) => family.has(key)),
      )
      .sort((first, second) => second[1] - first[1])
      .map(([candidate]) => candidate);
  }
}
