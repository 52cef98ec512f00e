/**
 * `--document` on the command line: the corpus narrowed to the document named, or each document in turn.
 * One part prints as before; several print one group per document (text under its title, JSON as
 * `{documents: [{documentId, title, ...}]}`), never one merged list.
 */
import type { Corpus } from '../corpus/types.js';
import { documentScope } from '../study/document-scope.js';
import { UsageError } from './cli-command.js';

export function documentFlag(flags: ReadonlyMap<string, string | true>): string | undefined {
  const value = flags.get('document');
  if (value === true) throw new UsageError('--document needs a title, or a unique part of one');
  return value;
}

export function partsOf(corpus: Corpus, input: { document: string | undefined; section?: string | undefined }): readonly Corpus[] {
  const scope = documentScope(corpus, input);
  if (!scope.ok) throw new UsageError(scope.problem.message);
  return scope.corpora;
}

export function groupedText(parts: readonly Corpus[], render: (part: Corpus) => string): string {
  if (parts.length === 1 && parts[0] !== undefined) return render(parts[0]);
  return parts.map((part) => `== ${part.documents[0]?.title ?? ''} ==\n\n${render(part)}`).join('\n\n');
}

export function groupedJson(parts: readonly Corpus[], render: (part: Corpus) => Record<string, unknown>): Record<string, unknown> {
  if (parts.length === 1 && parts[0] !== undefined) return render(parts[0]);
  return { documents: parts.map((part) => ({ documentId: part.documents[0]?.id, title: part.documents[0]?.title, ...render(part) })) };
}
