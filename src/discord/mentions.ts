/**
 * "@footnote why did …" in a channel: the answer goes into a new thread started on the question (or inline,
 * per REPLY_MODE); any later message in that thread is a follow-up in the same conversation. DMs are answered inline.
 */
import { ChannelType, ThreadAutoArchiveDuration } from 'discord.js';
import type { Message, MessageCreateOptions, SendableChannels } from 'discord.js';
import { servicesFor } from './interaction-router.js';
import type { Logger } from '../logger.js';
import type { CommandRequest, CommandServices } from '../commands/command.js';
import { answerQuestion } from '../commands/handlers/ask.js';
import type { Cooldowns } from './cooldowns.js';
import { busyMessage } from './answer-queue.js';
import type { AnswerQueue } from './answer-queue.js';
import { discordLimits } from '../commands/discord-limits.js';
import { toDiscordMessages } from './discord-message.js';
import type { DiscordMessage } from './discord-message.js';
import { noMentions } from './interaction-router.js';
import { errorReply, truncate } from '../commands/reply.js';
import type { Reply } from '../commands/reply.js';
import { explainChannelRefusal } from './explain-discord-error.js';

export interface MentionHandlerOptions {
  readonly services: CommandServices;
  readonly cooldowns: Cooldowns;
  /** The answer is computed in its turn, after any interaction waiting to be acknowledged. */
  readonly queue: AnswerQueue;
  readonly logger: Logger;
  readonly replyMode: 'thread' | 'inline';
  readonly isStopping: () => boolean;
}

function messageOptions(message: DiscordMessage): MessageCreateOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: noMentions,
  };
}

/** The question without the mention of the bot, e.g. "<@123> why?" → "why?". */
export function questionFrom(content: string, botId: string): string {
  return content
    .replaceAll(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A thread name (1–100 characters) from the question. */
export function threadName(question: string): string {
  const singleLine = question.replace(/\s+/g, ' ').trim();
  return truncate(singleLine === '' ? 'footnote' : singleLine, discordLimits.threadName);
}

export function createMentionHandler(options: MentionHandlerOptions): (message: Message) => Promise<void> {
  const { services, cooldowns, queue, logger } = options;

  /** Sends a whole reply: the first message as `first` decides (reply or into a thread), the rest after it. */
  async function send(reply: Reply, first: (message: MessageCreateOptions) => Promise<unknown>, channel: SendableChannels): Promise<void> {
    const [head, ...rest] = toDiscordMessages(reply);
    if (head === undefined) return;
    await first(messageOptions(head));
    for (const message of rest) await channel.send(messageOptions(message));
  }

  return async (message) => {
    if (message.author.bot || message.system || message.webhookId !== null || options.isStopping()) return;
    const bot = message.client.user;
    const channel = message.channel;
    const inOwnThread = channel.isThread() && channel.ownerId === bot.id;
    const inDirectMessage = channel.isDMBased();
    if (!inOwnThread && !inDirectMessage && !message.mentions.users.has(bot.id)) return;
    if (!channel.isSendable()) return;

    const started = Date.now();
    const question = questionFrom(message.content, bot.id);
    const replyInline = (options_: MessageCreateOptions) => message.reply({ ...options_, allowedMentions: noMentions, failIfNotExists: false });
    try {
      if (question === '') {
        if (inOwnThread) return;
        await send(
          errorReply(`Ask me a question after the mention, e.g. “@${bot.username} why did Baku close the Russian House?” — or use /ask.`),
          replyInline,
          channel,
        );
        return;
      }
      const turn = cooldowns.admit({ userId: message.author.id, guildId: message.guildId ?? undefined });
      if (!turn.ok) {
        await send(errorReply(turn.message), replyInline, channel);
        return;
      }
      const place = queue.enter();
      if (place === undefined) {
        await send(errorReply(busyMessage), replyInline, channel);
        return;
      }
      await channel.sendTyping().catch(() => undefined);

      const startThread =
        options.replyMode === 'thread' &&
        !inOwnThread &&
        !inDirectMessage &&
        (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement);
      const thread = startThread
        ? await message.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay }).catch((error: unknown) => {
            logger.warn('could not start a thread; answering inline', { channelId: channel.id, error, ...fixFor(error, channel.id) });
            return undefined;
          })
        : undefined;

      const request: CommandRequest = {
        options: new Map([['question', question]]),
        user: { id: message.author.id, name: message.author.username },
        guildId: message.guildId ?? undefined,
        channelId: thread?.id ?? channel.id,
        conversationId:
          thread !== undefined
            ? `discord:thread:${thread.id}`
            : inOwnThread
              ? `discord:thread:${channel.id}`
              : `discord:channel:${channel.id}:user:${message.author.id}`,
        // Mentions only ask: no permission-gated command runs from here.
        permissions: undefined,
      };
      const reply = await place
        .run(async () => answerQuestion(question, request, await servicesFor(services, request.guildId)))
        .catch((error: unknown) => {
          logger.error('mention failed', { channelId: channel.id, error });
          return errorReply('Sorry, I could not answer that just now. Please try again in a moment.');
        });
      if (thread !== undefined) await send(reply, (first) => thread.send(first), thread);
      else await send(reply, replyInline, channel);
      logger.info('mention answered', {
        where: thread !== undefined ? 'new thread' : inOwnThread ? 'thread' : inDirectMessage ? 'dm' : 'inline',
        userId: message.author.id,
        guildId: message.guildId,
        ms: Date.now() - started,
      });
    } catch (error) {
      logger.error('mention reply failed', { channelId: channel.id, error, ...fixFor(error, channel.id) });
    }
  };
}

/** A log field that says what to do when Discord refused the bot in the channel. */
function fixFor(error: unknown, channelId: string): { fix?: string } {
  const fix = explainChannelRefusal(error, channelId);
  return fix === undefined ? {} : { fix };
}
