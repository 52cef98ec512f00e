/**
 * "What is this article about?": answered with the text's short summary, offline — its first point (the
 * thesis) as the answer line and the next points as quotes, each a verbatim sentence at its offsets. "What's
 * the conclusion?": its last point, with the one before it.
 */
import type { Corpus } from '../corpus/types.js';
import { corpusOf } from '../corpus/find-document.js';
import type { Answer } from '../answering/types.js';
import { summarize } from '../study/summarize.js';
import type { WholeTextRequest } from '../question/whole-text-request.js';

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
  const outcome = summarize(corpusOf(corpus, document), { length: 'short' });
  const all = outcome.ok ? outcome.summary.points : [];
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
