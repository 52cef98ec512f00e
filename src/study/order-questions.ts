/**
 * "Which of these happened first?": events of the timeline with distinct dates, each named by its short
 * line. The answer is the earliest; its quote dates it.
 */
import type { Corpus } from '../corpus/types.js';
import type { SeededRandom } from '../seeded-random.js';
import { type QuestionCandidate, MAX_LISTED_CHOICE_CHARACTERS } from './quiz-question.js';
import type { SentenceUnit } from './sentence-units.js';
import { sentenceUnits } from './sentence-units.js';
import { timeline, type TimelineEvent } from './timeline.js';

const QUESTIONS = 3;

export function orderQuestions(corpus: Corpus, inScope: ReadonlySet<SentenceUnit>, random: SeededRandom): QuestionCandidate[] {
  const unitAt = new Map(sentenceUnits(corpus).map((unit) => [`${unit.document.id}|${unit.sentence.start}`, unit]));
  const events = timeline(corpus)
    .events.filter((event) => event.date !== undefined && event.text.length <= MAX_LISTED_CHOICE_CHARACTERS && event.quote.text.includes(event.text))
    .flatMap((event) => {
      const unit = [...unitAt.values()].find(
        (candidate) =>
          candidate.document.id === event.quote.documentId && candidate.sentence.start <= event.quote.start && event.quote.end <= candidate.sentence.end,
      );
      return unit !== undefined && inScope.has(unit) ? [{ event, unit }] : [];
    });
  // One event per year, so "first" is never a tie.
  const byYear = new Map<string, { event: TimelineEvent; unit: SentenceUnit }>();
  // And one per sentence: an event's quote must not hold another choice.
  for (const item of events) {
    const year = (item.event.date ?? '').slice(0, 4);
    if (!byYear.has(year) && ![...byYear.values()].some((other) => other.unit === item.unit)) byYear.set(year, item);
  }
  const distinct = [...byYear.values()];
  if (distinct.length < 3) return [];
  const questions: QuestionCandidate[] = [];
  for (let round = 0; round < QUESTIONS; round += 1) {
    const picked = random.shuffle(distinct).slice(0, 4);
    const earliest = [...picked].sort((first, second) => (first.event.date ?? '').localeCompare(second.event.date ?? ''))[0];
    if (earliest === undefined) continue;
    const { event, unit } = earliest;
    const offset = event.quote.text.indexOf(event.text);
    questions.push({
      kind: 'order',
      answerKind: 'event',
      prompt: 'Which of these happened first, according to the text?',
      answer: event.text,
      answerKey: `order:${picked
        .map((item) => item.event.sortKey)
        .sort()
        .join(',')}`,
      answerStart: event.quote.start + offset,
      distractors: picked.filter((item) => item !== earliest).map((item) => item.event.text),
      unit,
      quote: event.quote,
      weight: 1.2,
    });
  }
  return questions;
}
