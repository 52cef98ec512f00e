/**
 * The three ways talking to Discord fails at set-up, each in one sentence that says what to do: a token it
 * refuses (401), a server the bot is not in (403 Missing Access), and no route to Discord at all; and, once
 * running, a channel where the bot lacks a permission (50013) or cannot see (50001).
 */
import { DiscordAPIError } from 'discord.js';

export type DiscordStep = 'deploy-commands' | 'start';

const unreachableCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The system error code behind a failed request (undici wraps it in `cause`), if any. */
function networkCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && unreachableCodes.has(code)) return code;
  }
  return undefined;
}

/** An Error whose message says what to do, or undefined when the failure is none of the three. */
export function explainDiscordError(
  error: unknown,
  options: { readonly step: DiscordStep; readonly apiUrl: string; readonly guildId?: string | undefined },
): Error | undefined {
  if (error instanceof DiscordAPIError || (typeof error === 'object' && error !== null && 'status' in error && 'code' in error)) {
    const { status, code } = error as { status: number; code: number | string };
    if (status === 401) {
      return new Error('Discord refused DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the developer portal (Bot → Reset Token) into .env.');
    }
    if (status === 403 && (code === 50001 || options.step === 'deploy-commands')) {
      return new Error(
        options.guildId === undefined
          ? 'Discord answered 403 Missing Access: the token belongs to a bot that may not do this; check that DISCORD_TOKEN is this application’s bot token.'
          : `Discord answered 403 Missing Access for server ${options.guildId}: invite the bot to that server first (the invite URL is in docs/discord.md), or fix GUILD_ID (right-click the server → Copy Server ID).`,
      );
    }
  }
  const unreachable = networkCode(error);
  if (unreachable !== undefined) {
    return new Error(
      `Discord could not be reached at ${new URL(options.apiUrl).host} (${unreachable}): check the internet connection, a proxy or firewall, and DISCORD_API_URL, then run ${options.step === 'start' ? 'npm start' : 'npx footnote deploy-commands'} again.`,
    );
  }
  return undefined;
}

/** What to do when Discord refuses the bot in a channel, or undefined for any other failure. */
export function explainChannelRefusal(error: unknown, channelId: string): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  if (code === 50013) {
    return `Discord says the bot lacks a permission in channel ${channelId} (50013 Missing Permissions): give its role View Channel, Send Messages, Create Public Threads, Send Messages in Threads, Embed Links and Read Message History there (docs/discord.md).`;
  }
  if (code === 50001) {
    return `Discord says the bot cannot see channel ${channelId} (50001 Missing Access): add its role to that channel's permissions with View Channel (docs/discord.md).`;
  }
  return undefined;
}
