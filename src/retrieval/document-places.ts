/**
 * Where each document of a library lies among the chunks (chunking keeps a document's chunks together), and each
 * chunk's document as a number (documents numbered in chunk order), for counting by document without a Map by id.
 */
import type { Chunk } from '../chunking/chunk-corpus.js';

export class DocumentPlaces {
  private ranges: Map<string, { readonly from: number; readonly to: number }> | undefined;
  private numbers: Uint32Array | undefined;

  constructor(private readonly chunks: readonly Chunk[]) {}

  /** A document's chunks, positions from..to (exclusive). */
  range(documentId: string): { readonly from: number; readonly to: number } | undefined {
    return this.all().get(documentId);
  }

  /** The documents, in the order their chunks come: document number n is ids()[n]. */
  ids(): string[] {
    return [...this.all().keys()];
  }

  /** Each chunk's document number. */
  documentOfChunk(): Uint32Array {
    if (this.numbers === undefined) {
      const number = new Map(this.ids().map((documentId, position) => [documentId, position]));
      this.numbers = Uint32Array.from(this.chunks, (chunk) => number.get(chunk.documentId)!);
    }
    return this.numbers;
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
