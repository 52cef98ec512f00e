/** Which paragraphs hold every word of a /passage search, and where, so the reply can highlight them. */
import { isContentWord, sameWordFamily, tokenize } from '../language/tokenize.js';

export type Marks = readonly (readonly [number, number])[];

/** The search's words to look for: its content words, or all of its words when it has none ("the"). */
export function searchTerms(search: string): { readonly word: string; readonly stem: string }[] {
  const tokens = tokenize(search);
  const content = tokens.filter((token) => isContentWord(token.word));
  const chosen = content.length > 0 ? content : tokens;
  return chosen.filter((token, index) => chosen.findIndex((other) => other.stem === token.stem) === index);
}

/**
 * The ranges of `text` that hold the search's words (same stem or word family: "sanction" finds
 * "sanctions"), or undefined when any word is missing: a paragraph is returned only if it holds them all.
 */
export function findSearchTerms(text: string, terms: readonly { readonly word: string; readonly stem: string }[]): Marks | undefined {
  if (terms.length === 0) return undefined;
  const found = new Set<number>();
  const marks: [number, number][] = [];
  for (const token of tokenize(text)) {
    const term = terms.findIndex((candidate) => candidate.stem === token.stem || sameWordFamily(candidate.word, token.word));
    if (term < 0) continue;
    found.add(term);
    marks.push([token.start, token.end]);
  }
  return found.size === terms.length ? marks : undefined;
}
