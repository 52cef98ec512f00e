/**
 * A study guide in Markdown: the long summary, the timeline, who's who and a quiz with an answer key.
 * Every item carries its citation (section, ¶), so a reader can check it against the text.
 */
import type { Corpus } from '../corpus/types.js';
import { makeQuiz, MAX_QUIZ_QUESTIONS, type QuizQuestion } from './make-quiz.js';
import type { EntityKind } from './recognise-entities.js';
import { citationLabel, type Quote } from '../corpus/citation.js';
import { summarize, type SummaryOutcome } from './summarize.js';
import { timeline } from './timeline.js';
import { whosWho } from './whos-who.js';

export interface StudyGuideOptions {
  /** Drives the quiz; the same seed gives the same guide. */
  readonly seed: string | number;
  /** Defaults to the most a quiz allows (10). */
  readonly quizQuestions?: number;
  /** The long summary, when written elsewhere (by a model: see configured-summary.ts); else the offline one. */
  readonly summary?: SummaryOutcome;
  /** Named in the guide when the model wrote the summary's points. */
  readonly chatModel?: string | undefined;
}

const headings: Readonly<Record<EntityKind, string>> = { person: 'People', organisation: 'Organisations', place: 'Places' };
const letters = 'abcdefghij';

export function studyGuide(corpus: Corpus, options: StudyGuideOptions): string {
  const withDocument = corpus.documents.length > 1;
  const cite = (quote: Quote): string => `(${escapeMarkdown(citationLabel(quote, { withDocument }))})`;
  const lines: string[] = [];
  const [first] = corpus.documents;
  const title = corpus.documents.length === 1 && first !== undefined ? first.title : 'The texts';
  lines.push(`# Study guide: ${escapeMarkdown(title)}`, '');
  if (corpus.documents.length === 1 && first !== undefined) {
    const about = [first.author, first.date].filter((part): part is string => part !== undefined).join(', ');
    lines.push(
      `*${escapeMarkdown(about === '' ? first.id : about)}.* Every item below quotes the text; the part in brackets says where (section, ¶ paragraph).`,
      '',
    );
  } else {
    lines.push('Every item below quotes the text; the part in brackets says where (document — section, ¶ paragraph).', '');
  }

  const summary = options.summary ?? summarize(corpus, { length: 'long' });
  lines.push('## Summary', '');
  if (summary.ok) {
    const { mode, fallbackReason } = summary.summary;
    if (mode === 'llm') {
      const model = options.chatModel === undefined ? 'the model' : `the model (${escapeMarkdown(options.chatModel)})`;
      lines.push(`*Points written by ${model}; under each, the sentence of the text it restates, checked verbatim.*`, '');
    } else if (fallbackReason !== undefined) lines.push('*Summarised offline: the model could not summarise just now.*', '');
    summary.summary.points.forEach((point, index) =>
      // A model's point is its own words: the sentence it cites follows it, quoted.
      lines.push(
        point.text === point.quote.text
          ? `${index + 1}. ${escapeMarkdown(point.text)} ${cite(point.quote)}`
          : `${index + 1}. ${escapeMarkdown(point.text)} — “${escapeMarkdown(point.quote.text)}” ${cite(point.quote)}`,
      ),
    );
  }
  lines.push('');

  lines.push('## Timeline', '');
  const events = timeline(corpus).events;
  if (events.length === 0) lines.push('The text mentions no dates.');
  for (const event of events) lines.push(`- **${escapeMarkdown(event.when)}** — ${escapeMarkdown(event.text)} ${cite(event.quote)}`);
  lines.push('');

  lines.push('## Who’s who', '');
  const entries = whosWho(corpus).entities;
  for (const kind of ['person', 'organisation', 'place'] as const) {
    const ofKind = entries.filter((entry) => entry.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(`### ${headings[kind]}`, '');
    for (const entry of ofKind) {
      // The sentence that gives the role says most about who or what it is.
      const firstQuote = entry.roleQuote ?? entry.quotes[0];
      if (firstQuote === undefined) continue;
      const role = entry.role === null ? '' : ` — ${escapeMarkdown(entry.role)}`;
      const aliases = entry.aliases.length > 0 ? ` (also “${entry.aliases.map(escapeMarkdown).join('”, “')}”)` : '';
      const elsewhere =
        entry.quotes.length > 1
          ? `; mentioned ${entry.quotes.length} times, in ¶ ${[...new Set(entry.quotes.map((quote) => quote.paragraph))].join(', ')}`
          : '';
      lines.push(`- **${escapeMarkdown(entry.name)}**${aliases}${role}: “${escapeMarkdown(firstQuote.text)}” ${cite(firstQuote)}${elsewhere}`);
    }
    lines.push('');
  }

  const quiz = makeQuiz(corpus, { count: options.quizQuestions ?? MAX_QUIZ_QUESTIONS, seed: options.seed });
  lines.push('## Quiz', '');
  if (!quiz.ok) lines.push(escapeMarkdown(quiz.problem.message), '');
  const questions: readonly QuizQuestion[] = quiz.ok ? quiz.quiz.questions : [];
  questions.forEach((question, index) => {
    lines.push(`${index + 1}. ${escapeMarkdown(question.prompt)}`);
    question.choices.forEach((choice, choiceIndex) => lines.push(`   ${letters[choiceIndex]}) ${escapeMarkdown(choice)}`));
    lines.push('');
  });
  if (questions.length > 0) {
    lines.push('### Answers', '');
    questions.forEach((question, index) => {
      const answer = question.choices[question.answerIndex] ?? '';
      lines.push(
        `${index + 1}. **${letters[question.answerIndex]}) ${escapeMarkdown(answer)}** — “${escapeMarkdown(question.quote.text)}” ${cite(question.quote)}`,
      );
    });
    lines.push('', `*Quiz seed: ${escapeMarkdown(quiz.ok ? quiz.quiz.seed : String(options.seed))} (the same seed gives the same quiz).*`, '');
  }
  return lines.join('\n');
}

/** Quoted text must show as written: Markdown's own characters are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/gu, (character) => `\\${character}`);
}
