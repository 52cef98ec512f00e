/**
 * Routes every interaction: slash commands (deferred within Discord's 3-second deadline when the work may be
 * slow, then the @original reply is edited), autocomplete, and the buttons under answers and quizzes. Slow work
 * waits its turn in the answer queue (answer-queue.ts), which lets every acknowledgement go out first.
 */
import { ApplicationCommandOptionType, AttachmentBuilder, MessageFlags } from 'discord.js';
import type {
  AutocompleteInteraction,
  CommandInteractionOption,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  InteractionReplyOptions,
  TextBasedChannel,
} from 'discord.js';
import type { Logger } from '../logger.js';
import type { AttachedFile, CommandRequest, CommandServices, OptionValue } from '../commands/command.js';
import { findCommand } from '../commands/command-list.js';
import type { Cooldowns } from './cooldowns.js';
import { busyMessage } from './answer-queue.js';
import type { AnswerQueue, QueueTurn } from './answer-queue.js';
import { toDiscordMessages } from './discord-message.js';
import { progressEdits } from './progress-edits.js';
import type { DiscordMessage } from './discord-message.js';
import { buttonNeedsTime, pressButton } from '../commands/press-button.js';
import { errorReply } from '../commands/reply.js';
import type { Reply } from '../commands/reply.js';
import { runCommand } from '../commands/run-command.js';

export const noMentions = { parse: [], repliedUser: false } as const;

export interface RouterOptions {
  readonly services: CommandServices;
  readonly cooldowns: Cooldowns;
  /** Where slow work waits for its turn, behind every acknowledgement. */
  readonly queue: AnswerQueue;
  readonly logger: Logger;
  readonly logContent: boolean;
  /** True once shutdown began: new work is declined politely. */
  readonly isStopping: () => boolean;
}

const restartingMessage = 'footnote is restarting; please try again in a minute.';

/** Threads the bot started are one conversation each; elsewhere each user has their own per channel. */
export function conversationIdFor(channel: TextBasedChannel | null, channelId: string | null, userId: string): string {
  if (channel?.isThread() === true && channel.ownerId === channel.client.user.id) return `discord:thread:${channel.id}`;
  return `discord:channel:${channelId ?? 'dm'}:user:${userId}`;
}

function payload(message: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: noMentions,
    ...(message.files === undefined
      ? {}
      : {
          files: message.files.map(
            (file) => new AttachmentBuilder(file.data, { name: file.name, ...(file.description === undefined ? {} : { description: file.description }) }),
          ),
        }),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Sends a reply, splitting it over follow-ups when needed. Errors are always ephemeral. `clearProgress`: a progress line was shown in the reply's text. */
async function deliver(interaction: ChatInputCommandInteraction | ButtonInteraction, reply: Reply, ephemeral: boolean, clearProgress = false): Promise<void> {
  if (reply.kind === 'error') {
    const error = payload(toDiscordMessages(reply)[0] ?? { embeds: [], components: [] }, true);
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(error);
    } else if (ephemeral) {
      await interaction.editReply({ content: error.content ?? '', embeds: [], components: [], allowedMentions: noMentions });
    } else {
      // A public "thinking…" cannot turn private: remove it and say it only to the user.
      await interaction.deleteReply();
      await interaction.followUp(error);
    }
    return;
  }
  const [first, ...rest] = toDiscordMessages(reply);
  if (first === undefined) return;
  if (interaction.deferred) {
    const { flags: _flags, ...edit } = payload(first, ephemeral);
    await interaction.editReply(clearProgress ? { content: '', ...edit } : edit);
  } else {
    await interaction.reply(payload(first, ephemeral));
  }
  for (const message of rest) await interaction.followUp(payload(message, ephemeral));
}

function requestFrom(interaction: ChatInputCommandInteraction, options: ReadonlyMap<string, OptionValue>): CommandRequest {
  // Discord says how large a file this place accepts; the typings promise a number, old payloads may lack it.
  const attachmentLimit: number | undefined = interaction.attachmentSizeLimit;
  return {
    options,
    user: { id: interaction.user.id, name: interaction.user.username },
    guildId: interaction.guildId ?? undefined,
    channelId: interaction.channelId ?? undefined,
    conversationId: conversationIdFor(interaction.channel, interaction.channelId, interaction.user.id),
    permissions: interaction.memberPermissions?.bitfield,
    ...(typeof attachmentLimit === 'number' && attachmentLimit > 0 ? { attachmentLimitBytes: attachmentLimit } : {}),
    attachments: attachmentsOf(interaction),
    roles: rolesOf(interaction),
  };
}

function attachmentsOf(interaction: ChatInputCommandInteraction): ReadonlyMap<string, AttachedFile> {
  const files = new Map<string, AttachedFile>();
  const visit = (options: readonly CommandInteractionOption[]) => {
    for (const option of options) {
      if (option.options !== undefined) visit(option.options);
      const attachment = option.attachment;
      if (attachment !== undefined && attachment !== null)
        files.set(option.name, { name: attachment.name, url: attachment.url, size: attachment.size, contentType: attachment.contentType ?? undefined });
    }
  };
  visit(interaction.options.data);
  return files;
}

function rolesOf(interaction: ChatInputCommandInteraction): readonly string[] {
  const roles = interaction.member?.roles;
  if (roles === undefined) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

/** The services with the engine of the request's server (its library plus the shared corpus). */
export async function servicesFor(services: CommandServices, guildId: string | undefined): Promise<CommandServices> {
  if (services.libraries === undefined || guildId === undefined) return services;
  const engine = await services.libraries.engineFor(guildId);
  return engine === services.engine ? services : { ...services, engine };
}

export function createInteractionRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { services, cooldowns, queue, logger } = options;

  /** A place in the answer queue, or undefined after telling the member (privately) that the bot is busy. */
  async function enterQueue(interaction: ChatInputCommandInteraction | ButtonInteraction): Promise<QueueTurn | undefined> {
    const turn = queue.enter();
    if (turn !== undefined) return turn;
    logger.warn('answer queue full: asked the member to try again', { userId: interaction.user.id, guildId: interaction.guildId, waiting: queue.waiting });
    await queue.acknowledge(deliver(interaction, errorReply(busyMessage), true));
    return undefined;
  }

  /** Acknowledges (defers) in the queue's sight; a failed deferral gives the place back. */
  async function defer(interaction: ChatInputCommandInteraction | ButtonInteraction, turn: QueueTurn, ephemeral: boolean): Promise<void> {
    try {
      await queue.acknowledge(interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
    } catch (error) {
      turn.cancel();
      throw error;
    }
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = findCommand(interaction.commandName);
    if (command === undefined) {
      await queue.acknowledge(deliver(interaction, errorReply('footnote does not know that command any more: it may have been removed.'), true));
      return;
    }
    const values = new Map<string, OptionValue>();
    // A subcommand ("/library add") is an option holding options: its name goes in as `subcommand`.
    for (const option of interaction.options.data) {
      if (option.type === ApplicationCommandOptionType.Subcommand) values.set('subcommand', option.name);
      for (const inner of option.type === ApplicationCommandOptionType.Subcommand ? (option.options ?? []) : [option]) {
        if (inner.value !== undefined) values.set(inner.name, inner.value);
      }
    }
    const request = requestFrom(interaction, values);
    if (command.cooldown) {
      const turn = cooldowns.admit({ userId: request.user.id, guildId: request.guildId });
      if (!turn.ok) {
        await queue.acknowledge(deliver(interaction, errorReply(turn.message), true));
        return;
      }
    }
    const ephemeral = command.isPrivate(request);
    if (!command.slow) {
      // Quick by declaration (/help, /about, /review): its reply is the acknowledgement.
      const reply = await runCommand(command, request, await servicesFor(services, request.guildId));
      await queue.acknowledge(deliver(interaction, reply, ephemeral));
      return;
    }
    const turn = await enterQueue(interaction);
    if (turn === undefined) return;
    await defer(interaction, turn, ephemeral);
    const edits = progressEdits((content) => interaction.editReply({ content, allowedMentions: noMentions }), {
      onError: (error) => logger.warn('could not show progress', { error }),
    });
    const reply = await turn.run(async () => runCommand(command, { ...request, progress: edits.show }, await servicesFor(services, request.guildId)));
    await deliver(interaction, reply, ephemeral, (await edits.finish()) === true);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = findCommand(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const scoped = await servicesFor(services, interaction.guildId ?? undefined);
    const choices = command?.autocomplete?.({ name: focused.name, value: String(focused.value) }, scoped) ?? [];
    await queue.acknowledge(interaction.respond(choices.map((choice) => ({ name: choice.name, value: choice.value }))));
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    // A quiz the bot has to rebuild (after a restart) may take a moment on a long text.
    const scoped = await servicesFor(services, interaction.guildId ?? undefined);
    const press = () =>
      pressButton(
        {
          customId: interaction.customId,
          user: { id: interaction.user.id, name: interaction.user.username },
          guildId: interaction.guildId ?? undefined,
          messageId: interaction.message.id,
        },
        scoped,
      );
    if (!buttonNeedsTime(interaction.customId, scoped)) {
      await queue.acknowledge(deliver(interaction, await press(), true));
      return;
    }
    const turn = await enterQueue(interaction);
    if (turn === undefined) return;
    await defer(interaction, turn, true);
    await deliver(interaction, await turn.run(press), true);
  }

  return async (interaction) => {
    const started = Date.now();
    const kind = interaction.isChatInputCommand()
      ? `/${interaction.commandName}`
      : interaction.isButton()
        ? 'button'
        : interaction.isAutocomplete()
          ? 'autocomplete'
          : 'other';
    try {
      if (interaction.isAutocomplete()) {
        await onAutocomplete(interaction);
        return;
      }
      if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
      if (options.isStopping()) {
        await queue.acknowledge(interaction.reply({ content: restartingMessage, flags: MessageFlags.Ephemeral, allowedMentions: noMentions }));
        return;
      }
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else await onButton(interaction);
      logger.info('interaction answered', {
        kind,
        userId: interaction.user.id,
        guildId: interaction.guildId,
        ms: Date.now() - started,
        ...(options.logContent && interaction.isChatInputCommand() ? { options: interaction.options.data.map((option) => [option.name, option.value]) } : {}),
      });
    } catch (error) {
      logger.error('interaction failed', { kind, userId: interaction.user.id, guildId: interaction.guildId, ms: Date.now() - started, error });
      await apologise(interaction, logger);
    }
  };
}

/** Last resort after a failure (often Discord itself failing): one short ephemeral line, if Discord takes it. */
async function apologise(interaction: Interaction, logger: Logger): Promise<void> {
  if (!interaction.isRepliable()) return;
  const message = { content: 'Sorry, something went wrong while answering. Please try again.', allowedMentions: noMentions } as const;
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  } catch (error) {
    logger.warn('could not tell the user about a failure', { error });
  }
}
