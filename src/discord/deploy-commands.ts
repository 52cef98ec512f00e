/** Registers the slash commands: to one server when a guild id is given (instant), otherwise globally (up to an hour). */
import { REST, Routes } from 'discord.js';
import type { RESTGetCurrentApplicationResult, RESTOptions, RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Config } from '../config.js';
import { slashCommands } from '../commands/command-list.js';
import { explainDiscordError } from './explain-discord-error.js';

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly applicationId: string;
  readonly commands: readonly string[];
}

export async function deployCommands(options: { readonly config: Config; readonly rest?: Partial<RESTOptions> }): Promise<DeployResult> {
  const { token, apiUrl, guildId } = options.config.discord;
  if (token === undefined) throw new Error('DISCORD_TOKEN is not set: put the bot token in .env (see docs/discord.md)');
  const rest = new REST({ api: apiUrl, ...options.rest }).setToken(token);
  try {
    const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
    const body = slashCommands.map((command) => withIntegerPermissions(command.data));
    const route = guildId === undefined ? Routes.applicationCommands(application.id) : Routes.applicationGuildCommands(application.id, guildId);
    const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
    return { scope: guildId === undefined ? 'global' : 'guild', applicationId: application.id, commands: registered.map((command) => command.name) };
  } catch (error) {
    // "401: Unauthorized" or "getaddrinfo ENOTFOUND discord.com" become one sentence that says what to do.
    throw explainDiscordError(error, { step: 'deploy-commands', apiUrl, guildId }) ?? error;
  }
}

/**
 * The builders write `default_member_permissions` as a string; Discord's OpenAPI description types it as an
 * integer. Discord takes both, so send the form its own description documents whenever it is exact.
 */
function withIntegerPermissions<T extends { default_member_permissions?: string | null | undefined }>(
  data: T,
): T | (Omit<T, 'default_member_permissions'> & { default_member_permissions: number }) {
  const permissions = data.default_member_permissions;
  if (typeof permissions !== 'string' || !/^\d+$/.test(permissions) || !Number.isSafeInteger(Number(permissions))) return data;
  return { ...data, default_member_permissions: Number(permissions) };
}
