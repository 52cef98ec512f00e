/**
 * "What is this article about?": answered with the text's short summary, offline — its first point (the
 * thesis) as the answer line and the next points as quotes, each a verbatim sentence at its offsets. "What's
 * the conclusion?": its last point, with the one before it.
 */
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import type { Answer } from '../answering/types.js';
import { summarize, type SummaryPoint } from '../study/summarize.js';
import type { WholeTextRequest } from '../question/whole-text-request.js';

/** Each document's short summary points, made once (a document is replaced, not changed, when its text changes). */
const summaries = new WeakMap<CorpusDocument, readonly SummaryPoint[]>();

function shortSummaryOf(document: CorpusDocument): readonly SummaryPoint[] {
  let points = summaries.get(document);
  if (points === undefined) {
    const outcome = summarize({ documents: [document], contentHash: document.id }, { length: 'short' });
    points = outcome.ok ? outcome.summary.points : [];
    summaries.set(document, points);
  }
  return points;
}

/** Quotes shown under the answer line (the summary's first points). */
const POINTS_SHOWN = 3;

/** The summary answer, or undefined when it cannot be given (several documents and none chosen, or no summary). */
export function wholeTextAnswer(corpus: Corpus, question: string, documentId: string | undefined, request: WholeTextRequest = 'summary'): Answer | undefined {
  const document =
    documentId !== undefined
      ? corpus.documents.find((candidate) => candidate.id === documentId)
      : corpus.documents.length === 1
        ? corpus.documents[0]
        : undefined;
  if (document === undefined) return undefined;
  const all = shortSummaryOf(document);
  const points = request === 'conclusion' ? all.slice(-2).reverse() : all.slice(0, POINTS_SHOWN);
  const first = points[0];
  if (first === undefined) return undefined;
  return {
    question,
    standaloneQuestion: question,
    answer: first.text,
    abstained: false,
    mode: 'extractive',
    quotes: points.map((point) => point.quote),
    passages: [],
    droppedQuotes: [],
    repairedQuotes: [],
    fallbackReason: undefined,
  };
}
