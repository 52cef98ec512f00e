/**
 * A library's word statistics as one of its documents would have them alone: how many of that document's
 * sentences hold each stem, and how many sentences it has. Library-wide idf weighs a word by how rare it is
 * across every text ("pharmacist" is rare in a library, common in the Pharmacy article), so a sentence of a
 * text ranked differently in a library than alone; with these a question asked of one document weighs its
 * words exactly as that document's own index does.
 */

/** What ranking and question reading use of a corpus's words: the whole library's (LexicalIndex) or one document's. */
export interface TermStatistics {
  /** Inverse sentence frequency: how telling a stem is. Unknown stems get the highest value. */
  idf(stem: string): number;
  hasStem(stem: string): boolean;
  /** Every content word → its stem. */
  readonly vocabulary: ReadonlyMap<string, string>;
  /** Words written with a capital inside a sentence, and words written in lower case (the library's marks, see below). */
  readonly properNames: ReadonlySet<string>;
  readonly writtenLowercase: ReadonlySet<string>;
}

/**
 * One document's words. Its vocabulary is exactly its own; how a word is written (capitalised, lower case) is
 * the library's mark, kept per word and not per document: a word only one text writes in lower case is a name
 * in no text ("Bush" and "bush"), which reads a question slightly differently from the text alone.
 */
export class DocumentTerms implements TermStatistics {
  readonly vocabulary: ReadonlyMap<string, string>;
  readonly properNames: ReadonlySet<string>;
  readonly writtenLowercase: ReadonlySet<string>;

  constructor(
    private readonly stemIds: ReadonlyMap<string, number>,
    /** Sentences of the document holding each stem id (ids it lacks are absent). */
    private readonly sentenceFrequency: ReadonlyMap<number, number>,
    private readonly sentenceCount: number,
    words: { readonly vocabulary: ReadonlyMap<string, string>; readonly properNames: ReadonlySet<string>; readonly writtenLowercase: ReadonlySet<string> },
  ) {
    this.vocabulary = words.vocabulary;
    this.properNames = words.properNames;
    this.writtenLowercase = words.writtenLowercase;
  }

  idf(stem: string): number {
    const id = this.stemIds.get(stem);
    const frequency = id === undefined ? 0 : (this.sentenceFrequency.get(id) ?? 0);
    return inverseFrequency(this.sentenceCount, frequency);
  }

  hasStem(stem: string): boolean {
    const id = this.stemIds.get(stem);
    return id !== undefined && this.sentenceFrequency.has(id);
  }
}

/** BM25's idf, as the lexical index computes it (the same expression, so a single text scores the same either way). */
export function inverseFrequency(total: number, frequency: number): number {
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
}
