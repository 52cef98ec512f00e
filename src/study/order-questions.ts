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

/** The last day of the period an event's date stands for (its start plus its precision), as `YYYY-MM-DD`. */
function periodEnd(event: TimelineEvent): string {
  const [year = 0, month = 1] = (event.date ?? '').split('-').map(Number);
  const months = { day: 0, month: 1, 'part-of-year': 4, year: 12, decade: 120, unresolved: 0 }[event.precision];
  if (months === 0) return event.date ?? '';
  const end = new Date(Date.UTC(year, month - 1 + months, 0));
  return end.toISOString().slice(0, 10);
}

function overlaps(first: TimelineEvent, second: TimelineEvent): boolean {
  return (first.date ?? '') <= periodEnd(second) && (second.date ?? '') <= periodEnd(first);
}

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
  // Events whose periods do not overlap (January 2023 and September 2023, but not 2023 and September 2023),
  // so "first" is never a tie; one per sentence, so an event's quote holds no other choice. "Since 1980" is a
  // period running to the present, not an event.
  const distinct: { event: TimelineEvent; unit: SentenceUnit }[] = [];
  for (const item of events) {
    if (/^since\b/iu.test(item.event.when)) continue;
    if (!distinct.some((other) => other.unit === item.unit || overlaps(other.event, item.event))) distinct.push(item);
  }
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
