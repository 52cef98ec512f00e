/**
 * A slash command: its registration JSON (`data`) and a handler that returns a Reply. The same handlers serve
 * Discord (interaction-router.ts) and the console (console/console-session.ts).
 */
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder, } from 'discord.js';
export function stringOption(request, name) {
    const value = request.options.get(name);
    return typeof value === 'string' ? value : undefined;
}
export function integerOption(request, name) {
    const value = request.options.get(name);
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value))
        return Number(value);
    return undefined;
}
export function booleanOption(request, name) {
    const value = request.options.get(name);
    if (typeof value === 'boolean')
        return value;
    if (value === 'true' || value === 'yes')
        return true;
    if (value === 'false' || value === 'no')
        return false;
    return undefined;
}
/**
 * The start of every command's registration: installed to servers, usable in servers and (unless
 * `serverOnly`) in direct messages with the bot.
 */
export function slashCommand(name, description, options = {}) {
    const contexts = options.serverOnly === true ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM];
    return new SlashCommandBuilder()
        .setName(name)
        .setDescription(description)
        .setContexts(...contexts)
        .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}
/** The `document` option of every command that reads the library: a title, or a unique part of one, with autocomplete. */
export function documentOption(option) {
    return option.setName('document').setDescription('One document of the library (empty: every document)').setAutocomplete(true).setMaxLength(200);
}
/** Documents in a library this size get one group each in a channel reply; more are left to the document option. */
export const documentsShown = 5;
//# sourceMappingURL=command.js.map