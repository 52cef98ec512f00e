import { citationText } from './answer-reply.js';
import { discordLimits } from './discord-limits.js';
import { accents } from './reply.js';
/** Scores are kept per server; answers given outside one (direct messages, the console) share this scope. */
export const outsideServers = 'direct';
export function scoreScope(guildId) {
    return guildId ?? outsideServers;
}
/** One row of buttons per question, so at most five questions per card (Discord allows five rows per message). */
export function questionCards(items, options) {
    const cards = [];
    for (let first = 0; first < items.length; first += discordLimits.rows) {
        const group = items.slice(first, first + discordLimits.rows);
        const last = first + group.length >= items.length;
        cards.push({
            title: first === 0 ? options.title : `${options.title} (continued)`,
            blocks: group.map((item, offset) => ({ kind: 'field', name: String(first + offset + 1), value: options.question(item).prompt })),
            ...(last ? { footer: options.footer } : {}),
            accent: accents.answer,
            buttons: group.map((item, offset) => options
                .question(item)
                .choices.slice(0, discordLimits.buttonsPerRow)
                .map((choice, choiceIndex) => ({
                customId: options.buttonId(item, choiceIndex),
                label: `${first + offset + 1} · ${choice}`,
                style: 'secondary',
            }))),
        });
    }
    return cards;
}
export function scoreLine(score, inServer) {
    return `Your score${inServer ? ' in this server' : ''}: ${score.correct} right of ${score.answered}.`;
}
/** The reply to one answer: right or wrong, the right choice, and the sentence it comes from. */
export function answerCard(input) {
    const { question } = input;
    const right = question.choices[question.answerIndex] ?? '';
    const chosen = question.choices[input.choice] ?? '';
    const which = input.number === undefined ? '' : ` (question ${input.number})`;
    const title = input.heading ?? (input.correct ? `Right${which}: ${right}` : `Not quite${which}: the answer is ${right}`);
    return {
        title,
        blocks: [
            { kind: 'text', text: question.prompt },
            ...(input.correct ? [] : [{ kind: 'text', text: `You chose “${chosen}”.` }]),
            { kind: 'quote', text: question.quote.text, citation: citationText(question.quote, input.showDocument) },
            ...input.lines.map((line) => ({ kind: 'text', text: line })),
        ],
        ...(input.footer === undefined ? {} : { footer: input.footer }),
        accent: input.correct ? accents.info : accents.wrong,
    };
}
const dayMs = 86_400_000;
/** "tomorrow (2025-07-26)", "in 6 days (2025-07-31)". */
export function whenDue(dueAt, now) {
    const days = Math.round((dueAt.getTime() - now.getTime()) / dayMs);
    const date = dueAt.toISOString().slice(0, 10);
    if (days <= 0)
        return `now (${date})`;
    return days === 1 ? `tomorrow (${date})` : `in ${days} days (${date})`;
}
//# sourceMappingURL=study-reply.js.map