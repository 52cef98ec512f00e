import { hasSubjectAndVerb } from '../language/part-of-speech.js';
import { normalizeForMatch } from '../language/normalize.js';
import { containsPhrase } from '../study/distractors.js';
/** A pronoun or demonstrative that needs the sentence before it. */
const POINTS_BACK = /^(?:[^,]{1,100},\s+(?:this|these|it|they)\s)|^(?:this|these|that|those|its|they|their|them|he|his|she|her|such|thus)\b|^it\b(?!\s+(?:\S+\s+){1,2}?(?:that|to|whether)\b)/iu;
export function summaryQuality(corpus, summary, claims) {
    const texts = summary.points.map((point) => normalizeForMatch(`${point.text} ${point.quote.text}`));
    const holds = (claim) => claim.evidence.some((set) => texts.some((text) => set.every((phrase) => text.includes(normalizeForMatch(phrase)))));
    const quoteStarts = new Set(summary.points.map((point) => `${point.quote.documentId}|${point.quote.start}`));
    let danglingReferences = 0;
    for (const point of summary.points) {
        if (!POINTS_BACK.test(point.quote.text))
            continue;
        const previous = previousSentenceStart(corpus, point.quote.documentId, point.quote.start);
        if (previous === undefined || !quoteStarts.has(`${point.quote.documentId}|${previous}`))
            danglingReferences += 1;
    }
    return {
        points: summary.points.length,
        covered: claims.filter(holds).map((claim) => claim.id),
        missed: claims.filter((claim) => !holds(claim)).map((claim) => claim.id),
        leadIns: summary.points.filter((point) => /:\s*$/u.test(point.quote.text)).length,
        danglingReferences,
    };
}
function previousSentenceStart(corpus, documentId, start) {
    const document = corpus.documents.find((candidate) => candidate.id === documentId);
    const sentences = document?.paragraphs.flatMap((paragraph) => paragraph.sentences) ?? [];
    const index = sentences.findIndex((sentence) => sentence.start === start);
    return index > 0 ? sentences[index - 1]?.start : undefined;
}
export function quizQuality(corpus, quizzes) {
    const questions = quizzes.flatMap((quiz) => quiz.questions);
    const kinds = {};
    for (const question of questions)
        kinds[question.kind] = (kinds[question.kind] ?? 0) + 1;
    const documentOf = (id) => corpus.documents.find((document) => document.id === id)?.text ?? '';
    let answersNotInQuote = 0;
    let distractorsInQuoteOrPrompt = 0;
    let distractorsThatFit = 0;
    let unresolvedReferences = 0;
    for (const question of questions) {
        const text = documentOf(question.quote.documentId);
        const answer = question.choices[question.answerIndex] ?? '';
        const inQuote = question.quote.start <= question.answerStart && question.answerEnd <= question.quote.end;
        if (!inQuote || normalizeForMatch(text.slice(question.answerStart, question.answerEnd)) !== normalizeForMatch(answer))
            answersNotInQuote += 1;
        const wrong = question.choices.filter((_, index) => index !== question.answerIndex);
        // Statements and reasons are clauses of their own sentences: only name-like choices can be "named in the quote".
        const shortChoices = wrong.filter((choice) => choice.split(/\s+/u).length <= 5);
        distractorsInQuoteOrPrompt += shortChoices.filter((choice) => containsPhrase(question.quote.text, choice) || containsPhrase(question.prompt, choice)).length;
        if (question.kind === 'fill-in')
            distractorsThatFit += wrong.filter((choice) => fitsBlank(text, question.prompt, choice)).length;
        const body = question.prompt.replace(/^Fill in the blank:\s*/u, '');
        if (question.kind === 'fill-in' && POINTS_BACK.test(body))
            unresolvedReferences += 1;
    }
    const sentenceKey = (quiz, index) => `${quiz.questions[index]?.quote.documentId}|${quiz.questions[index]?.quote.start}`;
    const quizzesRepeatingASentence = quizzes.filter((quiz) => new Set(quiz.questions.map((_, index) => sentenceKey(quiz, index))).size < quiz.questions.length).length;
    const paragraphs = corpus.documents.reduce((sum, document) => sum + document.paragraphs.length, 0);
    const used = new Set(questions.map((question) => `${question.quote.documentId}|${question.quote.paragraph}`));
    return {
        quizzes: quizzes.length,
        questions: questions.length,
        kinds,
        fillInShare: questions.length === 0 ? 0 : (kinds['fill-in'] ?? 0) / questions.length,
        longestPrompt: Math.max(0, ...questions.map((question) => question.prompt.length)),
        promptsOver200: questions.filter((question) => question.prompt.length > 200).length,
        answersNotInQuote,
        distractorsInQuoteOrPrompt,
        distractorsThatFit,
        quizzesRepeatingASentence,
        distinctSentences: new Set(questions.map((question) => `${question.quote.documentId}|${question.quote.start}`)).size,
        paragraphCoverage: paragraphs === 0 ? 0 : used.size / paragraphs,
        unresolvedReferences,
    };
}
/** The choice in the blank with up to three words either side, found in the text: the text says that too. */
function fitsBlank(text, prompt, choice) {
    const [before = '', after = ''] = prompt.replace(/^Fill in the blank:\s*/u, '').split('_____');
    const left = before.trim().split(/\s+/u).slice(-3).join(' ');
    const right = after.trim().split(/\s+/u).slice(0, 3).join(' ');
    if (left === '' && right === '')
        return false;
    return containsPhrase(text, `${left} ${choice} ${right}`);
}
export function timelineQuality(timeline) {
    const events = timeline.events;
    let duplicates = 0;
    events.forEach((event, index) => {
        for (const other of events.slice(index + 1)) {
            if (other.date !== event.date)
                continue;
            if (wordOverlap(other.text, event.text) >= 0.5)
                duplicates += 1;
        }
    });
    return {
        entries: events.length,
        withoutSubjectAndVerb: events.filter((event) => !hasSubjectAndVerb(event.text)).map((event) => `${event.when} — ${event.text}`),
        duplicates,
        undated: events.filter((event) => event.date === undefined).length,
    };
}
/** Shared content words over the shorter line's content words. */
function wordOverlap(first, second) {
    const words = (text) => new Set(normalizeForMatch(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 3));
    const a = words(first);
    const b = words(second);
    const shared = [...a].filter((word) => b.has(word)).length;
    return shared / Math.max(1, Math.min(a.size, b.size));
}
//# sourceMappingURL=study-quality.js.map