/**
 * What a command answers, independent of where it is shown: Discord renders it as embeds and buttons
 * (discord-message.ts), the console as plain text (console/render-text.ts). Text here is raw, never escaped.
 */
export const accents = {
    answer: 0x5865f2,
    abstain: 0x99aab5,
    info: 0x2b9a66,
    wrong: 0xc9473d,
};
export function errorReply(text) {
    return { kind: 'error', text };
}
export function cardReply(card, buttons = []) {
    return { kind: 'content', cards: [card], buttons };
}
/** A short line and nothing else (e.g. "Thanks, your 👍 is noted."). */
export function textReply(text) {
    return { kind: 'content', cards: [], buttons: [], text };
}
/** Every row of buttons in a reply, in the order they are shown: under their cards first, then under the reply. */
export function buttonRowsOf(reply) {
    if (reply.kind === 'error')
        return [];
    return [...reply.cards.flatMap((card) => card.buttons ?? []), ...reply.buttons];
}
const ellipsis = '…';
/** Cuts text to a length limit with an ellipsis. */
export function truncate(text, limit) {
    const characters = Array.from(text);
    if (characters.length <= limit)
        return text;
    // Counted in code points so an emoji is never cut in half; Discord counts UTF-16 units, so stay under both.
    let result = '';
    for (const character of characters) {
        if (result.length + character.length + ellipsis.length > limit)
            break;
        result += character;
    }
    return result + ellipsis;
}
//# sourceMappingURL=reply.js.map