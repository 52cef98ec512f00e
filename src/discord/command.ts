/**
 * A slash command: its registration JSON (`data`) and a handler that returns a Reply. The same handlers serve
 * Discord (interaction-router.ts) and the console (console/console-session.ts).
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Engine } from '../engine-types.js';
import type { Logger } from '../logger.js';
import type { FeedbackStore } from '../storage/feedback-store.js';
import type { Reply } from './reply.js';
import type { SummaryProvider } from './summary-provider.js';

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
  readonly signal?: AbortSignal;
}

export interface CommandServices {
  readonly engine: Engine;
  readonly summaries: SummaryProvider;
  readonly feedback: FeedbackStore;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Ids for saved answers; injected so tests are repeatable. */
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

export function stringOption(request: CommandRequest, name: string): string | undefined {
  const value = request.options.get(name);
  return typeof value === 'string' ? value : undefined;
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
