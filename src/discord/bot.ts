/**
 * The Discord client, wired: interactions to the router, messages to the mention handler, and a shutdown that
 * stops taking work, lets what is in flight finish, then disconnects.
 */
import { randomUUID } from 'node:crypto';
import { Client, Events, GatewayIntentBits, Options, Partials, RESTEvents } from 'discord.js';
import type { ClientOptions, RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine-types.js';
import type { Logger } from '../logger.js';
import type { AsyncFeedbackStore } from '../storage/feedback-store.js';
import type { AsyncStudyStore } from '../study/async-study-store.js';
import type { CommandServices } from '../commands/command.js';
import { createCooldowns } from './cooldowns.js';
import { createAnswerQueue } from './answer-queue.js';
import type { AnswerQueueOptions } from './answer-queue.js';
import { createInteractionRouter, noMentions } from './interaction-router.js';
import { createMentionHandler } from './mentions.js';
import { createWorkTracker } from './work-tracker.js';
import { explainDiscordError } from './explain-discord-error.js';
import type { Libraries } from '../library/libraries.js';

export interface StartBotOptions {
  readonly config: Config;
  readonly engine: Engine;
  readonly feedback: AsyncFeedbackStore;
  readonly logger: Logger;
  /** Quiz scores and review cards (the caller opens and closes it, like `feedback`). */
  readonly study?: AsyncStudyStore | undefined;
  /** Each server's own documents (/library); without it every server reads the shared corpus only. */
  readonly libraries?: Libraries | undefined;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Merged over the REST defaults (tests raise `globalRequestsPerSecond`). */
  readonly rest?: Partial<RESTOptions>;
  /** How long to wait for Discord's READY before giving up. */
  readonly readyTimeoutMs?: number;
  /** Merged over the configured queue (ANSWER_QUEUE_MAX_WAITING, ANSWER_CONCURRENCY). */
  readonly answerQueue?: AnswerQueueOptions;
}

export interface Bot {
  readonly client: Client<true>;
  /** Interactions and mentions still being answered. */
  readonly pending: number;
  /** Declines new work, waits up to `timeoutMs` for work in flight, then disconnects. Idempotent. */
  stop(options?: { readonly timeoutMs?: number }): Promise<void>;
  /**
   * Settles with the close code when Discord closes the gateway for good after start-up (token reset,
   * intents revoked): discord.js will not reconnect then, so the process should end and be restarted.
   */
  readonly lost: Promise<number>;
}

const defaults = {
  readyTimeoutMs: 30_000,
  stopTimeoutMs: 10_000,
} as const;

/** REST settings for a bot that answers bursts of interactions; merged under what the caller passes. */
const restDefaults = {
  /**
   * Discord's 50 requests/s global limit binds the bot token, but interaction callbacks and the edits and
   * follow-ups sent with an interaction's token are exempt from it. @discordjs/rest still counts those against
   * its local global limiter, so at its default of 50/s a burst of 200 /ask queued the answers for 4 s and more.
   * The bot-token traffic left (mention replies, threads) is bounded by the per-member and per-server limits,
   * and a real global 429 from Discord is still honoured through its Retry-After.
   */
  globalRequestsPerSecond: 1_000,
  /**
   * Each interaction token is a route of its own, so @discordjs/rest keeps one request handler (~1 KB) per
   * interaction answered until its sweep, hourly by default: heap that grows with traffic. Idle handlers only.
   */
  handlerSweepInterval: 60_000,
} as const satisfies Partial<RESTOptions>;

export function createDiscordClient(config: Config, rest: Partial<RESTOptions> = {}): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message.
    partials: [Partials.Channel],
    rest: { api: config.discord.apiUrl, ...restDefaults, ...rest },
    allowedMentions: noMentions,
    // Messages are only needed while being answered; keeping a few per channel bounds memory in busy servers.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 25 }),
    // Only the shards this process runs: Discord sends each server's events to the shard that owns it alone.
    ...(config.discord.shards === undefined ? {} : { shards: [...config.discord.shards.ids], shardCount: config.discord.shards.count }),
  };
  return new Client(options);
}

export async function startBot(options: StartBotOptions): Promise<Bot> {
  const { config, engine, feedback } = options;
  const token = config.discord.token;
  if (token === undefined) throw new Error('DISCORD_TOKEN is not set: put the bot token in .env (see docs/discord.md)');
  const logger = options.logger.child({ component: 'discord' });
  const services: CommandServices = {
    engine,
    ...(options.libraries === undefined ? {} : { libraries: options.libraries }),
    feedback,
    study: options.study,
    logger,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => randomUUID().replaceAll('-', '')),
  };
  const cooldowns = createCooldowns({ seconds: config.discord.cooldownSeconds, serverPerMinute: config.discord.serverQuestionsPerMinute });
  const work = createWorkTracker();
  // With a chat model an answer is mostly a wait for it, and the model server can take several at once.
  const { maxWaiting, concurrency } = config.discord.answerQueue;
  const queue = createAnswerQueue({ maxWaiting, concurrency: concurrency ?? (engine.mode === 'llm' ? 8 : 1), ...options.answerQueue });
  let stopping = false;
  const isStopping = () => stopping;

  const client = createDiscordClient(config, options.rest);
  const route = createInteractionRouter({ services, cooldowns, queue, logger, logContent: config.logContent, isStopping });
  const onMention = createMentionHandler({ services, cooldowns, queue, logger, replyMode: config.discord.replyMode, isStopping });
  client.on(Events.InteractionCreate, (interaction) => void work.track(() => route(interaction)));
  client.on(Events.MessageCreate, (message) => void work.track(() => onMention(message)));
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { detail: message }));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.error('gateway connection closed for good', { code: event.code, shardId }));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info('gateway session resumed', { shardId, replayed }));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn('rate limited by Discord', { route: info.route, global: info.global, retryAfterMs: info.retryAfter }),
  );

  // The ready listener goes on before login, or a fast READY could be missed. A gateway closed for good before
  // READY (token refused, intent not enabled) leaves login() pending forever: that ends the wait as well.
  const readyTimeoutMs = options.readyTimeoutMs ?? defaults.readyTimeoutMs;
  let readyTimer: NodeJS.Timeout | undefined;
  const ready = new Promise<Client<true>>((resolve, reject) => {
    readyTimer = setTimeout(() => reject(new Error(`Discord did not send READY within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    client.once(Events.ClientReady, resolve);
    client.once(Events.ShardDisconnect, (event) => reject(new Error(gatewayRefusal(event.code))));
  });
  try {
    const [, readyClient] = await Promise.all([client.login(token), ready]);
    logger.info('connected to Discord', { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, replyMode: config.discord.replyMode });
  } catch (error) {
    await client.destroy();
    throw explainDiscordError(error, { step: 'start', apiUrl: config.discord.apiUrl, guildId: config.discord.guildId }) ?? explainLoginError(error);
  } finally {
    clearTimeout(readyTimer);
  }

  const lost = new Promise<number>((resolve) => client.once(Events.ShardDisconnect, (event) => resolve(event.code)));
  let stopped: Promise<void> | undefined;
  return {
    client: client as Client<true>,
    lost,
    get pending() {
      return work.pending;
    },
    stop(stopOptions = {}) {
      stopped ??= (async () => {
        stopping = true;
        const finished = await work.drain(stopOptions.timeoutMs ?? defaults.stopTimeoutMs);
        if (!finished) logger.warn('shutting down with answers still in flight', { pending: work.pending });
        await client.destroy();
        logger.info('disconnected from Discord');
      })();
      return stopped;
    },
  };
}

/** Why the gateway closed for good, in the words explainLoginError recognises. */
function gatewayRefusal(code: number): string {
  if (code === 4004) return 'An invalid token was provided (the gateway closed with 4004, authentication failed)';
  if (code === 4014) return 'Disallowed intents (the gateway closed with 4014)';
  return `Discord closed the gateway connection for good (code ${code}) before READY`;
}

/** Turns the two setup mistakes people make into instructions. */
function explainLoginError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/disallowed intents/i.test(message)) {
    return new Error(
      'Discord refused the Message Content intent: enable "Message Content Intent" under Bot → Privileged Gateway Intents in the developer portal (see docs/discord.md).',
    );
  }
  if (/token/i.test(message) && /invalid/i.test(message)) {
    return new Error('Discord rejected DISCORD_TOKEN: copy the bot token again from the developer portal (Bot → Reset Token) into .env.');
  }
  return error instanceof Error ? error : new Error(message);
}
