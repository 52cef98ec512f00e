/**
 * Where each document of a library lies among the chunks (chunking keeps a document's chunks together), and each
 * chunk's document as a number (documents numbered in chunk order), for counting by document without a Map by id.
 */
import type { Chunk } from '../chunking/chunk-corpus.js';

export class DocumentPlaces {
  private ranges: Map<string, { readonly from: number; readonly to: number }> | undefined;
  private numbers: Uint32Array | undefined;
  private idList: readonly string[] | undefined;
  /** Reused by countByDocument, left zeroed after each call. */
  private scratch: Float64Array | undefined;

  constructor(private readonly chunks: readonly Chunk[]) {}

  /** A document's chunks, positions from..to (exclusive). */
  range(documentId: string): { readonly from: number; readonly to: number } | undefined {
    return this.all().get(documentId);
  }

  /** The documents, in the order their chunks come: document number n is ids()[n]. */
  ids(): readonly string[] {
    return (this.idList ??= [...this.all().keys()]);
  }

  /** Each chunk's document number. */
  documentOfChunk(): Uint32Array {
    if (this.numbers === undefined) {
      const number = new Map(this.ids().map((documentId, position) => [documentId, position]));
      this.numbers = Uint32Array.from(this.chunks, (chunk) => number.get(chunk.documentId)!);
    }
    return this.numbers;
  }

  /**
   * The frequencies of postings `from` ≤ at < `to` (chunk, frequency) summed by document, documents in the order
   * they are met: by document number, not in a Map by id, as a common stem has tens of thousands of postings.
   */
  countByDocument(chunkOf: Uint32Array, frequencyOf: Uint32Array, from: number, to: number): Map<string, number> {
    const documentOf = this.documentOfChunk();
    const ids = this.ids();
    const scratch = (this.scratch ??= new Float64Array(ids.length));
    const met: number[] = [];
    for (let at = from; at < to; at += 1) {
      const document = documentOf[chunkOf[at]!]!;
      if (scratch[document] === 0) met.push(document);
      scratch[document] = scratch[document]! + frequencyOf[at]!;
    }
    const counts = new Map<string, number>();
    for (const document of met) {
      counts.set(ids[document]!, scratch[document]!);
      scratch[document] = 0;
    }
    return counts;
  }

  private all(): ReadonlyMap<string, { readonly from: number; readonly to: number }> {
    if (this.ranges === undefined) {
      this.ranges = new Map();
      for (const [position, chunk] of this.chunks.entries()) {
        const range = this.ranges.get(chunk.documentId);
        this.ranges.set(chunk.documentId, { from: range?.from ?? position, to: position + 1 });
      }
    }
    return this.ranges;
  }
}
