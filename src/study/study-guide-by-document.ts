/**
 * A study guide for a library: one document's guide, or each document's guide in turn under one heading,
 * so that several documents are never merged into one summary, timeline or quiz.
 */
import type { Corpus } from '../corpus/types.js';
import { studyGuide, type StudyGuideOptions } from './study-guide.js';
import { escapeMarkdown } from './study-guide.js';
import type { SummaryOutcome } from './summarize.js';

export function studyGuideByDocument(
  corpora: readonly Corpus[],
  options: Omit<StudyGuideOptions, 'summary'> & { readonly summaries?: readonly SummaryOutcome[] },
): string {
  const { summaries, ...guide } = options;
  const optionsFor = (position: number): StudyGuideOptions => {
    const summary = summaries?.[position];
    return summary === undefined ? guide : { ...guide, summary };
  };
  const [only] = corpora;
  if (corpora.length === 1 && only !== undefined) return studyGuide(only, optionsFor(0));
  const contents = corpora.map((part, position) => `${position + 1}. ${escapeMarkdown(part.documents[0]?.title ?? '')}`);
  // Each guide's headings go one level down, under the library's own title.
  const guides = corpora.map((part, position) => studyGuide(part, optionsFor(position)).replace(/^#/gmu, '##'));
  return [`# Study guide: ${corpora.length} documents`, '', ...contents, '', ...guides].join('\n');
}

/**
 * The guide with each document's long summary written as configured (`summarize` is Engine.summarize or
 * writeSummary: the model when one is configured, else offline), the rest as in studyGuideByDocument.
 */
export async function configuredStudyGuide(
  corpora: readonly Corpus[],
  options: Omit<StudyGuideOptions, 'summary'> & { readonly summarize: (corpus: Corpus) => Promise<SummaryOutcome> },
): Promise<string> {
  const { summarize, ...guide } = options;
  const summaries: SummaryOutcome[] = [];
  for (const corpus of corpora) summaries.push(await summarize(corpus));
  return studyGuideByDocument(corpora, { ...guide, summaries });
}
