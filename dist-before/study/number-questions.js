/** Fill in the blank over a number or a year, with numbers of the same magnitude, written the same way, as wrong choices. */
import { pickDistractors, rankNumbers } from './distractors.js';
import { blankPrompt, MINIMUM_DISTRACTORS, occurrences } from './quiz-question.js';
export function numberFillIn(unit, number, quote, corpusNumbers, random) {
    if (occurrences(quote.text, number.text) !== 1)
        return undefined;
    const start = unit.sentence.start + number.start;
    const prompt = blankPrompt(quote, start, start + number.text.length);
    if (prompt === undefined)
        return undefined;
    const ranked = rankNumbers({ answer: number, corpusNumbers, random });
    const distractors = pickDistractors({ answer: number.text, quoteText: quote.text, ranked });
    if (distractors.length < MINIMUM_DISTRACTORS)
        return undefined;
    // "the two countries" is a poor question; "67 people" and "2023" are good ones.
    const weight = number.unit === 'year' ? 1.3 : number.value <= 2 && number.scale === '' ? 0.3 : 1.2;
    return {
        kind: 'fill-in',
        answerKind: number.unit === 'year' ? 'year' : 'number',
        prompt,
        answer: number.text,
        answerKey: `number:${number.value}${number.scale}`,
        answerStart: start,
        distractors,
        unit,
        quote,
        weight,
    };
}
//# sourceMappingURL=number-questions.js.map