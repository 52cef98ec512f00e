/**
 * A study guide for a library: one document's guide, or each document's guide in turn under one heading,
 * so that several documents are never merged into one summary, timeline or quiz.
 */
import type { Corpus } from '../corpus/types.js';
import { studyGuide, type StudyGuideOptions } from './study-guide.js';
import { escapeMarkdown } from './study-guide.js';

export function studyGuideByDocument(corpora: readonly Corpus[], options: StudyGuideOptions): string {
  const [only] = corpora;
  if (corpora.length === 1 && only !== undefined) return studyGuide(only, options);
  const contents = corpora.map((part, position) => `${position + 1}. ${escapeMarkdown(part.documents[0]?.title ?? '')}`);
  // Each guide's headings go one level down, under the library's own title.
  const guides = corpora.map((part) => studyGuide(part, options).replace(/^#/gmu, '##'));
  return [`# Study guide: ${corpora.length} documents`, '', ...contents, '', ...guides].join('\n');
}
