/** The study tools as terminal text and as the JSON objects `--json` prints (quotes as `{text, documentId, section, paragraph, start, end}`). */
import type { Corpus } from '../corpus/types.js';
import { shortQuizNote, type Quiz } from '../study/make-quiz.js';
import { citationLabel, quoteJson, type Quote } from '../corpus/citation.js';
import type { StudyProblem } from '../study/study-scope.js';
import type { Summary } from '../study/summarize.js';
import type { Timeline } from '../study/timeline.js';
import type { WhosWho } from '../study/whos-who.js';
import { writeLine, type CliIo } from './cli-command.js';

const letters = 'abcdefghij';

function cite(corpus: Corpus, quote: Quote): string {
  return citationLabel(quote, { withDocument: corpus.documents.length > 1 });
}

/** `{points}` as the issue specifies; `mode` (and `fallbackReason`) are added only when a model was asked. */
export function summaryJson(summary: Summary): Record<string, unknown> {
  const modelAsked = summary.mode === 'llm' || summary.fallbackReason !== undefined;
  return {
    points: summary.points.map((point) => ({ text: point.text, quote: quoteJson(point.quote) })),
    ...(modelAsked ? { mode: summary.mode } : {}),
    ...(summary.fallbackReason === undefined ? {} : { fallbackReason: summary.fallbackReason }),
  };
}

export function summaryText(corpus: Corpus, summary: Summary): string {
  const lines = [`Key points (${summary.length}): ${summary.title}`, ''];
  summary.points.forEach((point, index) => {
    const number = `${String(index + 1).padStart(2)}.`;
    // A model's point is its own words, then the sentence it cites; an extractive point is that sentence.
    if (point.text === point.quote.text) lines.push(`${number} “${point.text}”`, `      — ${cite(corpus, point.quote)}`);
    else lines.push(`${number} ${point.text}`, `      “${point.quote.text}” — ${cite(corpus, point.quote)}`);
  });
  lines.push('', `(${summaryModeLine(summary)})`);
  return lines.join('\n');
}

function summaryModeLine(summary: Summary): string {
  if (summary.mode === 'llm') return 'points written by the model; each quote is a sentence of the text, checked verbatim';
  if (summary.fallbackReason !== undefined) return `summarised offline from the text; model not used: ${summary.fallbackReason}`;
  return 'summarised offline: verbatim sentences from the text';
}

/** `asked`: how many questions were asked for; a shorter quiz carries a `note` saying why. */
export function quizJson(quiz: Quiz, asked: number): Record<string, unknown> {
  const note = shortQuizNote(quiz, asked);
  return {
    seed: quiz.seed,
    asked,
    ...(note === undefined ? {} : { note: `${note[0]?.toUpperCase() ?? ''}${note.slice(1)}.` }),
    questions: quiz.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      prompt: question.prompt,
      choices: question.choices,
      answerIndex: question.answerIndex,
      quote: quoteJson(question.quote),
    })),
  };
}

export function quizText(corpus: Corpus, quiz: Quiz, asked: number): string {
  const note = shortQuizNote(quiz, asked);
  const lines = [`Quiz: ${quiz.title} (seed ${quiz.seed})`, ...(note === undefined ? [] : [`${quiz.questions.length} questions: ${note}.`]), ''];
  quiz.questions.forEach((question, index) => {
    lines.push(`${index + 1}. ${question.prompt}`);
    question.choices.forEach((choice, choiceIndex) => lines.push(`     ${letters[choiceIndex]}) ${choice}`));
    lines.push('');
  });
  lines.push('Answers:');
  quiz.questions.forEach((question, index) => {
    lines.push(
      `${String(index + 1).padStart(2)}. ${letters[question.answerIndex]}) ${question.choices[question.answerIndex] ?? ''}`,
      `      “${question.quote.text}” — ${cite(corpus, question.quote)}`,
    );
  });
  return lines.join('\n');
}

export function timelineJson(timeline: Timeline): Record<string, unknown> {
  return { events: timeline.events.map((event) => ({ when: event.when, sortKey: event.sortKey, text: event.text, quote: quoteJson(event.quote) })) };
}

export function timelineText(corpus: Corpus, timeline: Timeline): string {
  if (timeline.events.length === 0) return 'The text mentions no dates.';
  return timeline.events.map((event) => `${event.when}\n    ${event.text}\n    — ${cite(corpus, event.quote)}`).join('\n\n');
}

export function whosWhoJson(whosWho: WhosWho): Record<string, unknown> {
  return { entities: whosWho.entities.map((entry) => ({ name: entry.name, kind: entry.kind, role: entry.role, quotes: entry.quotes.map(quoteJson) })) };
}

const kindHeadings = { person: 'People', organisation: 'Organisations', place: 'Places' } as const;

/** Without a name: one list per kind, the heading on its own line, a name and its role a line. */
export function whosWhoList(whosWho: WhosWho): string {
  const groups = (['person', 'organisation', 'place'] as const).flatMap((kind) => {
    const entries = whosWho.entities.filter((entry) => entry.kind === kind);
    if (entries.length === 0) return [];
    const lines = entries.map(
      (entry) => `  ${entry.name}${entry.aliases.length > 0 ? ` (also “${entry.aliases.join('”, “')}”)` : ''}${entry.role === null ? '' : ` — ${entry.role}`}`,
    );
    return [[kindHeadings[kind], ...lines].join('\n')];
  });
  if (groups.length === 0) return 'The text names no people, organisations or places that footnote recognises.';
  return [...groups, '`npx footnote who NAME` shows the sentences that mention one of them.'].join('\n\n');
}

export function whosWhoText(corpus: Corpus, whosWho: WhosWho, options: { allQuotes: boolean }): string {
  return whosWho.entities
    .map((entry) => {
      const head = `${entry.name} (${entry.kind}${entry.aliases.length > 0 ? `; also “${entry.aliases.join('”, “')}”` : ''})${entry.role === null ? '' : ` — ${entry.role}`}`;
      const quotes = options.allQuotes ? entry.quotes : entry.quotes.slice(0, 1);
      const lines = quotes.map((quote) => `    “${quote.text}” — ${cite(corpus, quote)}`);
      if (!options.allQuotes && entry.quotes.length > 1)
        lines.push(`    (mentioned in ${entry.quotes.length} sentences; \`npx footnote who "${entry.name}"\` shows them all)`);
      return [head, ...lines].join('\n');
    })
    .join('\n\n');
}

/** An expected failure (unknown section, bad count): `{error}` on stdout with --json, the message on stderr otherwise. */
export function reportProblem(io: CliIo, problem: StudyProblem, json: boolean): number {
  if (json) writeLine(io.stdout, JSON.stringify({ error: problem }));
  else writeLine(io.stderr, problem.message);
  return 2;
}
