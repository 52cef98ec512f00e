/**
 * `--server ID`: which Discord server's library a command reads. Kept apart from server-library.ts, which opens
 * the bot's database (better-sqlite3 or pg, ~0.2 s to load): a command imports that only when the flag is given.
 */
import { UsageError } from './cli-command.js';

export function serverFlag(flags: ReadonlyMap<string, string | true>): string | undefined {
  const value = flags.get('server');
  if (value === true) throw new UsageError('--server needs the Discord server id (right-click the server with Developer Mode on → Copy Server ID)');
  return value;
}
