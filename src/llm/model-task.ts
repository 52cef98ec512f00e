/**
 * A model task is one kind of structured request to the chat model, declared once: the reply's schema, the
 * system prompt, how an input becomes the user message, and whether a 429 is worth a wait. Running it binds
 * the configured model, budget and logger; the result is a value (`ModelCallResult`), never a throw, because
 * every task has an offline answer to fall back on and says why it did (answers, summaries, follow-up rewrites).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { z } from 'zod';
import type { LlmConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { callStructuredModel, createChatModel, type ModelCallResult, type Sleep, type StructuredOutputMethod } from './model-call.js';

export interface ModelTask<Input, Reply extends Record<string, unknown>> {
  /** Name of the tool or JSON schema the model fills in. */
  readonly name: string;
  /** The `component` of the task's log lines ("llm-answerer"), its caller's included. */
  readonly component: string;
  readonly schema: z.ZodType<Reply>;
  readonly systemPrompt: string;
  userPrompt(input: Input): string;
  /** Retry once after a 429 when `retry-after` fits in the budget; not for a step the offline path does at once. */
  readonly retryRateLimited: boolean;
}

/** How a task reaches the model; every task's options extend this. */
export interface ModelTaskSettings {
  readonly llm: LlmConfig;
  /** Replaces the ChatOpenAI built from `llm` (tests, other providers). */
  readonly chatModel?: BaseChatModel | undefined;
  /** How structured output is requested; LangChain picks per model when omitted. */
  readonly structuredOutputMethod?: StructuredOutputMethod | undefined;
  /** The budget of one run, a 429 wait included; the configured `llm.timeoutMs` when omitted. */
  readonly timeoutMs?: number | undefined;
  readonly logger?: Logger | undefined;
  readonly sleep?: Sleep | undefined;
  readonly now?: (() => number) | undefined;
}

export type ModelTaskRunner<Input, Reply> = (input: Input, signal?: AbortSignal) => Promise<ModelCallResult<Reply>>;

export interface BoundModelTask<Input, Reply> {
  readonly run: ModelTaskRunner<Input, Reply>;
  /** The settings' logger for the task's component, for the caller's own lines about what it does with a reply. */
  readonly logger: Logger | undefined;
}

/** The task bound to a model: the chat model is built once, each run is one budgeted structured call. */
export function bindModelTask<Input, Reply extends Record<string, unknown>>(
  task: ModelTask<Input, Reply>,
  settings: ModelTaskSettings,
): BoundModelTask<Input, Reply> {
  const chatModel = settings.chatModel ?? createChatModel(settings.llm);
  const logger = settings.logger?.child({ component: task.component });
  const run: ModelTaskRunner<Input, Reply> = (input, signal) =>
    callStructuredModel({
      chatModel,
      schema: task.schema,
      name: task.name,
      messages: [
        { role: 'system', content: task.systemPrompt },
        { role: 'user', content: task.userPrompt(input) },
      ],
      timeoutMs: settings.timeoutMs ?? settings.llm.timeoutMs,
      signal,
      retryRateLimited: task.retryRateLimited,
      method: settings.structuredOutputMethod,
      logger,
      sleep: settings.sleep,
      now: settings.now,
    });
  return { run, logger };
}
