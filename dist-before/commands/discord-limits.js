/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits,
 * https://discord.com/developers/docs/reference#uploading-files).
 */
export const discordLimits = {
    content: 2000,
    embedTitle: 256,
    embedDescription: 4096,
    embedFooter: 2048,
    fieldName: 256,
    fieldValue: 1024,
    fields: 25,
    embeds: 10,
    embedCharactersPerMessage: 6000,
    buttonLabel: 80,
    customId: 100,
    buttonsPerRow: 5,
    rows: 5,
    threadName: 100,
    choices: 25,
    choiceName: 100,
    choiceValue: 100,
    /** Bytes per uploaded file at most; an interaction may announce a lower limit for its server. */
    attachmentBytes: 25 * 1024 * 1024,
    attachments: 10,
    attachmentDescription: 1024,
};
//# sourceMappingURL=discord-limits.js.map