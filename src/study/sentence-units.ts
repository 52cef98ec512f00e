/**
 * The sentences the study tools work over, each with its document and paragraph at hand, so any tool can
 * turn one into a located quote without searching for it again.
 */
import type { Corpus, CorpusDocument, Paragraph, Sentence } from '../corpus/types.js';
import { perCorpus } from '../corpus/per-corpus.js';

export interface SentenceUnit {
  readonly document: CorpusDocument;
  readonly paragraph: Paragraph;
  readonly sentence: Sentence;
  /** Position in reading order across the whole corpus (documents in id order). */
  readonly position: number;
}

/** Cached per corpus, so every tool holds the same unit objects and can compare them by identity. */
export const sentenceUnits: (corpus: Corpus) => readonly SentenceUnit[] = perCorpus(readUnits);

/** Identifies the section a sentence is in, across documents. */
export function sectionKey(unit: SentenceUnit): string {
  return `${unit.document.id}\u0000${unit.paragraph.sectionIndex}`;
}

function readUnits(corpus: Corpus): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  for (const document of corpus.documents) {
    for (const paragraph of document.paragraphs) {
      for (const sentence of paragraph.sentences) units.push({ document, paragraph, sentence, position: units.length });
    }
  }
  return units;
}
