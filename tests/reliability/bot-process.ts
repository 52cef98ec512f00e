/**
 * The bot in a process of its own, as `footnote start` runs it (production REST settings, the real engine on
 * the real corpus, a real SQLite file or the PostgreSQL database of DATABASE_URL), plus an IPC channel for the load script: `measure` answers with the
 * memory after garbage collection (start with --expose-gc), `stop` shuts down as on SIGTERM.
 * The environment configures it like the real bot: DISCORD_TOKEN, DISCORD_API_URL, FOOTNOTE_DB, ...
 */
import { secretsOf } from '../../src/config.js';
import { startBot } from '../../src/discord/bot.js';
import { openEngine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import { openStores } from '../../src/cli/open-stores.js';
import type { Turn } from '../../src/conversation/conversation-store.js';
import { postgresConversationMemory } from '../../src/database/postgres-conversation-memory.js';
import { testConfig } from '../discord/bot-harness.js';

export type BotProcessMessage =
  | { readonly kind: 'ready' }
  /** `restHandlers`: @discordjs/rest's per-route request handlers, one per recent interaction token. */
  | { readonly kind: 'memory'; readonly heapUsedBytes: number; readonly rssBytes: number; readonly restHandlers: number };

export type BotProcessCommand = { readonly kind: 'measure' } | { readonly kind: 'stop' };

const send = (message: BotProcessMessage) => process.send?.(message);
const environment = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
const config = testConfig(environment);
const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
const stores = await openStores(config, logger);
// With DATABASE_URL, follow-ups are read from the database as `footnote start` does (two statements per answer).
const conversations = stores.postgres !== undefined ? postgresConversationMemory<Turn>(stores.postgres, { ...config.conversation, logger }) : undefined;
const engine = await openEngine(config, { logger, ...(conversations !== undefined ? { conversations } : {}) });
const bot = await startBot({ config, engine, feedback: stores.feedback, study: stores.study, logger });

process.on('message', (command: BotProcessCommand) => {
  if (command.kind === 'measure') {
    globalThis.gc?.();
    globalThis.gc?.();
    const usage = process.memoryUsage();
    send({ kind: 'memory', heapUsedBytes: usage.heapUsed, rssBytes: usage.rss, restHandlers: bot.client.rest.handlers.size });
  } else {
    stopping = true;
    void bot
      .stop()
      .then(() => stores.close())
      .then(() => process.exit(0));
  }
});
// A parent that went away (a failed test, Ctrl-C on the script) takes the bot with it.
let stopping = false;
process.on('disconnect', () => {
  if (!stopping) process.exit(1);
});
send({ kind: 'ready' });
