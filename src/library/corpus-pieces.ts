/**
 * A corpus parsed in the ingest worker comes back to the bot's thread in small pieces, one asked for at a
 * time: a 300-page book's paragraphs and sentences are tens of thousands of objects, and copying them in
 * one message would stop the event loop for a tenth of a second or more while they are rebuilt.
 */
import type { LoadedCorpus } from '../corpus/load-corpus.js';
import type { CorpusDocument, Paragraph } from '../corpus/types.js';

export type CorpusPiece =
  /** A document without its paragraphs, which follow it. */
  { readonly kind: 'document'; readonly document: CorpusDocument } | { readonly kind: 'paragraphs'; readonly paragraphs: readonly Paragraph[] };

/** About this many characters of paragraph text per piece (sentences hold the same text again). */
const PIECE_CHARACTERS = 40_000;

export function corpusPieces(corpus: LoadedCorpus['corpus']): CorpusPiece[] {
  const pieces: CorpusPiece[] = [];
  for (const document of corpus.documents) {
    pieces.push({ kind: 'document', document: { ...document, paragraphs: [] } });
    let batch: Paragraph[] = [];
    let characters = 0;
    for (const paragraph of document.paragraphs) {
      batch.push(paragraph);
      characters += paragraph.text.length;
      if (characters >= PIECE_CHARACTERS) {
        pieces.push({ kind: 'paragraphs', paragraphs: batch });
        batch = [];
        characters = 0;
      }
    }
    if (batch.length > 0) pieces.push({ kind: 'paragraphs', paragraphs: batch });
  }
  return pieces;
}

/** Puts the pieces back together, in the order they were made. */
export class CorpusAssembly {
  private readonly documents: { document: CorpusDocument; paragraphs: Paragraph[] }[] = [];

  add(piece: CorpusPiece): void {
    if (piece.kind === 'document') {
      this.documents.push({ document: piece.document, paragraphs: [] });
      return;
    }
    const last = this.documents.at(-1);
    if (last === undefined) throw new Error('corpus pieces out of order: paragraphs before their document');
    for (const paragraph of piece.paragraphs) last.paragraphs.push(paragraph);
  }

  corpus(contentHash: string): LoadedCorpus['corpus'] {
    return { documents: this.documents.map(({ document, paragraphs }) => ({ ...document, paragraphs })), contentHash };
  }
}
