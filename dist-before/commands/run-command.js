/** Runs a command for any front end: the permission check lives here, on the bot's side, not only in Discord's UI. */
import { PermissionFlagsBits } from 'discord.js';
import { errorReply } from './reply.js';
const permissionNames = new Map([[PermissionFlagsBits.ManageGuild, 'Manage Server']]);
export function hasPermission(permissions, required) {
    if (permissions === undefined)
        return false;
    return (permissions & PermissionFlagsBits.Administrator) !== 0n || (permissions & required) === required;
}
export async function runCommand(command, request, services) {
    const required = command.requiredPermission;
    if (required !== undefined && !hasPermission(request.permissions, required)) {
        const name = permissionNames.get(required) ?? 'the right permission';
        services.logger.info('command refused', { command: command.data.name, userId: request.user.id, guildId: request.guildId, reason: 'permission' });
        return errorReply(request.guildId === undefined ? `/${command.data.name} works only in a server.` : `Only members with ${name} can use /${command.data.name}.`);
    }
    try {
        return await command.execute(request, services);
    }
    catch (error) {
        services.logger.error('command failed', { command: command.data.name, error });
        return errorReply(`Sorry, /${command.data.name} failed. Please try again in a moment.`);
    }
}
//# sourceMappingURL=run-command.js.map