/**
 * A slash command: its registration JSON (`data`) and a handler that returns a Reply. The same handlers serve
 * Discord (interaction-router.ts) and the console (console/console-session.ts).
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandStringOption,
} from 'discord.js';
import type { Corpus } from '../corpus/types.js';
import type { Engine } from '../engine-types.js';
import type { Libraries } from '../library/libraries.js';
import type { Logger } from '../logger.js';
import type { AsyncFeedbackStore } from '../storage/feedback-store.js';
import type { AsyncStudyStore } from '../study/async-study-store.js';
import { documentScope, type DocumentScope } from '../study/document-scope.js';
import type { Reply } from './reply.js';

export type OptionValue = string | number | boolean;

export interface CommandRequest {
  readonly options: ReadonlyMap<string, OptionValue>;
  readonly user: { readonly id: string; readonly name: string };
  readonly guildId: string | undefined;
  readonly channelId: string | undefined;
  /** Follow-up questions in one conversation are resolved against its earlier turns. */
  readonly conversationId: string;
  /** The member's permission bits as Discord sent them; undefined outside a server. */
  readonly permissions: bigint | undefined;
  /** The largest file Discord accepts in this place, when it says (servers differ). */
  readonly attachmentLimitBytes?: number;
  /** Files attached to the command, by option name (Discord serves them from its CDN). */
  readonly attachments?: ReadonlyMap<string, AttachedFile>;
  /** The member's role ids in this server. */
  readonly roles?: readonly string[];
  readonly signal?: AbortSignal;
  /** Shows how slow work is going (Discord edits the deferred reply); front ends without it show nothing. */
  readonly progress?: (message: string) => void;
}

/** A click on a button the bot posted; everything else the click needs is in its custom id. */
export interface ButtonRequest {
  readonly customId: string;
  readonly user: { readonly id: string; readonly name: string };
  readonly guildId: string | undefined;
  /** The message the button is under: one posted quiz is told apart from a later one by it. */
  readonly messageId: string;
}

export interface AttachedFile {
  readonly name: string;
  readonly url: string;
  readonly size: number;
  readonly contentType: string | undefined;
}

export interface CommandServices {
  /** The engine of the server the request comes from: the shared corpus plus that server's library. */
  readonly engine: Engine;
  /** Each server's own documents; undefined where there are none (the console, the command line). */
  readonly libraries?: Libraries;
  readonly feedback: AsyncFeedbackStore;
  /** Quiz scores and review cards; undefined when the database could not be opened (quizzes still run, unscored). */
  readonly study: AsyncStudyStore | undefined;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Ids for saved answers and quiz seeds; injected so tests are repeatable. */
  readonly newId: () => string;
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Whether the reply is shown only to the user who asked. */
  isPrivate(request: CommandRequest): boolean;
  /** The work may outlast Discord's 3-second deadline: acknowledge (defer) first. */
  readonly slow: boolean;
  /** Counts against the per-user cooldown. */
  readonly cooldown: boolean;
  /** A permission bit the member must hold, checked by the bot itself. */
  readonly requiredPermission?: bigint;
  execute(request: CommandRequest, services: CommandServices): Promise<Reply>;
  autocomplete?(focused: { readonly name: string; readonly value: string }, services: CommandServices): Choice[];
}

/**
 * How the reading tools answer (/passage, /summary, /quiz, /timeline, /who, /studyguide): for the whole channel,
 * deferred first because they may take a while, and counted against the per-user cooldown.
 */
export const channelReadingCommand = { isPrivate: () => false, slow: true, cooldown: true } as const;

/** How the quick personal commands answer (/help, /about, /review): to the one who asked only, at once, never cooled down. */
export const personalCommand = { isPrivate: () => true, slow: false, cooldown: false } as const;

/** A new seed for a quiz or study guide: 12 characters of a fresh id, safe in a button id and a file name. */
export function newSeed(services: CommandServices, fallback: string): string {
  return (
    services
      .newId()
      .replace(/[^\w-]/g, '')
      .slice(0, 12) || fallback
  );
}

export function stringOption(request: CommandRequest, name: string): string | undefined {
  const value = request.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** The documents the request's `document` option chooses (one, or every one), and its section when given. */
export function requestedScope(request: CommandRequest, corpus: Corpus, section?: string): DocumentScope {
  return documentScope(corpus, { document: stringOption(request, 'document'), section });
}

export function integerOption(request: CommandRequest, name: string): number | undefined {
  const value = request.options.get(name);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export function booleanOption(request: CommandRequest, name: string): boolean | undefined {
  const value = request.options.get(name);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  return undefined;
}

/**
 * The start of every command's registration: installed to servers, usable in servers and (unless
 * `serverOnly`) in direct messages with the bot.
 */
export function slashCommand(name: string, description: string, options: { readonly serverOnly?: boolean } = {}): SlashCommandBuilder {
  const contexts = options.serverOnly === true ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM];
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(...contexts)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}

/** The `document` option of every command that reads the library: a title, or a unique part of one, with autocomplete. */
export function documentOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('document').setDescription('One document of the library (empty: every document)').setAutocomplete(true).setMaxLength(200);
}

// Kept in reply.ts, which loads without discord.js (the CLI's `ask` formats answers with it).
export { documentsShown } from './reply.js';
