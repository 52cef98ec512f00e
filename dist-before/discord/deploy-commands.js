/** Registers the slash commands: to one server when a guild id is given (instant), otherwise globally (up to an hour). */
import { REST, Routes } from 'discord.js';
import { slashCommands } from '../commands/command-list.js';
export async function deployCommands(options) {
    const { token, apiUrl, guildId } = options.config.discord;
    if (token === undefined)
        throw new Error('DISCORD_TOKEN is not set: put the bot token in .env (see docs/discord.md)');
    const rest = new REST({ api: apiUrl, ...options.rest }).setToken(token);
    const application = (await rest.get(Routes.currentApplication()));
    const body = slashCommands.map((command) => withIntegerPermissions(command.data));
    const route = guildId === undefined ? Routes.applicationCommands(application.id) : Routes.applicationGuildCommands(application.id, guildId);
    const registered = (await rest.put(route, { body }));
    return { scope: guildId === undefined ? 'global' : 'guild', applicationId: application.id, commands: registered.map((command) => command.name) };
}
/**
 * The builders write `default_member_permissions` as a string; Discord's OpenAPI description types it as an
 * integer. Discord takes both, so send the form its own description documents whenever it is exact.
 */
function withIntegerPermissions(data) {
    const permissions = data.default_member_permissions;
    if (typeof permissions !== 'string' || !/^\d+$/.test(permissions) || !Number.isSafeInteger(Number(permissions)))
        return data;
    return { ...data, default_member_permissions: Number(permissions) };
}
//# sourceMappingURL=deploy-commands.js.map