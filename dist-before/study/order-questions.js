import { MAX_CHOICE_CHARACTERS } from './quiz-question.js';
import { sentenceUnits } from './sentence-units.js';
import { timeline } from './timeline.js';
const QUESTIONS = 3;
export function orderQuestions(corpus, inScope, random) {
    const unitAt = new Map(sentenceUnits(corpus).map((unit) => [`${unit.document.id}|${unit.sentence.start}`, unit]));
    const events = timeline(corpus)
        .events.filter((event) => event.date !== undefined && event.text.length <= MAX_CHOICE_CHARACTERS && event.quote.text.includes(event.text))
        .flatMap((event) => {
        const unit = [...unitAt.values()].find((candidate) => candidate.document.id === event.quote.documentId && candidate.sentence.start <= event.quote.start && event.quote.end <= candidate.sentence.end);
        return unit !== undefined && inScope.has(unit) ? [{ event, unit }] : [];
    });
    // One event per year, so "first" is never a tie.
    const byYear = new Map();
    for (const item of events)
        if (!byYear.has((item.event.date ?? '').slice(0, 4)))
            byYear.set((item.event.date ?? '').slice(0, 4), item);
    const distinct = [...byYear.values()];
    if (distinct.length < 3)
        return [];
    const questions = [];
    for (let round = 0; round < QUESTIONS; round += 1) {
        const picked = random.shuffle(distinct).slice(0, 4);
        const earliest = [...picked].sort((first, second) => (first.event.date ?? '').localeCompare(second.event.date ?? ''))[0];
        if (earliest === undefined)
            continue;
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
//# sourceMappingURL=order-questions.js.map