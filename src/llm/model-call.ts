/**
 * One structured call to the chat model inside a time budget, shared by the answerer and the question
 * rewriter. Failures come back as values with a short reason a user may see (no URLs, no keys), because
 * every caller has an offline path to fall back on.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessageLike } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { z } from 'zod';
import type { LlmConfig } from '../config.js';
import type { Logger } from '../logger.js';

export type StructuredOutputMethod = 'jsonSchema' | 'functionCalling' | 'jsonMode';

/** Local OpenAI-compatible servers (Ollama, llama.cpp, vLLM) need no key, but the client insists on one. */
const PLACEHOLDER_API_KEY = 'no-key-configured';

/** The chat model for a configuration; retries are off because callers decide them (one, on 429). */
export function createChatModel(llm: LlmConfig): ChatOpenAI {
  // Reasoning models reject any temperature but the default.
  const reasoning = /^o\d/.test(llm.chatModel) || (llm.chatModel.startsWith('gpt-5') && !llm.chatModel.startsWith('gpt-5-chat'));
  return new ChatOpenAI({
    model: llm.chatModel,
    apiKey: llm.apiKey ?? PLACEHOLDER_API_KEY,
    ...(llm.baseUrl === undefined ? {} : { configuration: { baseURL: llm.baseUrl } }),
    maxRetries: 0,
    // The caller's budget aborts first; this only stops a socket that outlives it.
    timeout: llm.timeoutMs + 1_000,
    ...(reasoning ? {} : { temperature: 0 }),
  });
}

export type ModelFailureKind = 'timeout' | 'cancelled' | 'rate-limited' | 'server-error' | 'http-error' | 'unreachable' | 'malformed' | 'empty' | 'failed';

export type ModelCallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly kind: ModelFailureKind; readonly reason: string };

export type Sleep = (milliseconds: number, signal: AbortSignal) => Promise<void>;

// The abort reason is rejected as given (callers tell a timeout from a cancel by it), Error or not.
/* eslint-disable @typescript-eslint/prefer-promise-reject-errors */
export const realSleep: Sleep = (milliseconds, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    /* eslint-enable @typescript-eslint/prefer-promise-reject-errors */
  });

export interface StructuredCallOptions<T extends Record<string, unknown>> {
  readonly chatModel: BaseChatModel;
  readonly schema: z.ZodType<T>;
  /** Name of the tool or JSON schema the model fills in. */
  readonly name: string;
  readonly messages: BaseMessageLike[];
  /** Budget for the whole call, a 429 wait and retry included. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Retry once after a 429 when `retry-after` fits in the budget. */
  readonly retryRateLimited: boolean;
  /** Left to LangChain when omitted: JSON schema for most models, tool calling for gpt-3.5/gpt-4. */
  readonly method?: StructuredOutputMethod | undefined;
  readonly logger?: Logger | undefined;
  readonly sleep?: Sleep | undefined;
  readonly now?: (() => number) | undefined;
}

/** Used when a 429 carries no usable retry-after. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

class BudgetExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no reply within ${timeoutMs} ms`);
    this.name = 'BudgetExceeded';
  }
}

export async function callStructuredModel<T extends Record<string, unknown>>(options: StructuredCallOptions<T>): Promise<ModelCallResult<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const deadline = now() + options.timeoutMs;
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new BudgetExceeded(options.timeoutMs)), options.timeoutMs);
  timer.unref?.();
  const signal = options.signal === undefined ? budget.signal : AbortSignal.any([budget.signal, options.signal]);
  const runnable = options.chatModel.withStructuredOutput<T>(options.schema, {
    name: options.name,
    includeRaw: true,
    ...(options.method === undefined ? {} : { method: options.method }),
  });

  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { raw, parsed } = await runnable.invoke(options.messages, { signal });
        const checked = parsed === null || parsed === undefined ? undefined : options.schema.safeParse(parsed);
        if (checked?.success === true) return { ok: true, value: checked.data };
        const toolCalls = (raw as { tool_calls?: unknown[] }).tool_calls ?? [];
        const failure: ModelCallResult<T> =
          raw.content === '' && toolCalls.length === 0
            ? { ok: false, kind: 'empty', reason: 'the model sent an empty reply or refused' }
            : { ok: false, kind: 'malformed', reason: "the model's reply did not match the expected structure" };
        options.logger?.warn('model call failed', { kind: failure.kind, attempt });
        return failure;
      } catch (error) {
        const failure = describeFailure(error, { budget: budget.signal, caller: options.signal, timeoutMs: options.timeoutMs });
        if (failure.kind !== 'rate-limited' || !options.retryRateLimited || attempt > 1) {
          options.logger?.warn('model call failed', { kind: failure.kind, attempt, status: statusOf(error), error: errorSummary(error) });
          return failure;
        }
        const wait = retryAfterMs(error, now()) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
        if (now() + wait >= deadline) {
          options.logger?.warn('model rate-limited; retry-after does not fit in the budget', { waitMs: wait });
          return { ok: false, kind: 'rate-limited', reason: 'the model server is rate-limiting requests (HTTP 429)' };
        }
        options.logger?.info('model rate-limited; retrying once', { waitMs: wait });
        try {
          await sleep(wait, signal);
        } catch (sleepError) {
          return describeFailure(sleepError, { budget: budget.signal, caller: options.signal, timeoutMs: options.timeoutMs });
        }
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Name and the start of the message: enough to diagnose, too short to carry a reply's content into logs. */
function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 120);
  const firstLine = error.message.split('\n')[0] ?? '';
  return `${error.name}: ${firstLine.slice(0, 120)}`;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = typeof error === 'object' && error !== null ? (error as { headers?: unknown }).headers : undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (typeof headers === 'object' && headers !== null) {
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** `retry-after-ms` (OpenAI's), then `retry-after` as seconds or an HTTP date. */
export function retryAfterMs(error: unknown, nowMs: number): number | undefined {
  const milliseconds = Number(headerOf(error, 'retry-after-ms'));
  if (headerOf(error, 'retry-after-ms') !== undefined && Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headerOf(error, 'retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const MALFORMED_ERRORS = new Set(['SyntaxError', 'ZodError', '$ZodError', 'OutputParserException', 'LengthFinishReasonError']);

export function describeFailure(
  error: unknown,
  context: { readonly budget: AbortSignal; readonly caller: AbortSignal | undefined; readonly timeoutMs: number },
): { readonly ok: false; readonly kind: ModelFailureKind; readonly reason: string } {
  if (context.caller?.aborted === true) return { ok: false, kind: 'cancelled', reason: 'the request was cancelled' };
  if (context.budget.aborted) return { ok: false, kind: 'timeout', reason: `the model did not answer within ${context.timeoutMs} ms` };
  const status = statusOf(error);
  if (status === 429) return { ok: false, kind: 'rate-limited', reason: 'the model server is rate-limiting requests (HTTP 429)' };
  if (status !== undefined && status >= 500) return { ok: false, kind: 'server-error', reason: `the model server failed (HTTP ${status})` };
  if (status === 401 || status === 403)
    return { ok: false, kind: 'http-error', reason: `the model server refused the credentials (HTTP ${status}): check OPENAI_API_KEY` };
  if (status === 404)
    return { ok: false, kind: 'http-error', reason: 'the model server does not know this model (HTTP 404): check CHAT_MODEL and OPENAI_BASE_URL' };
  if (status !== undefined) return { ok: false, kind: 'http-error', reason: `the model server rejected the request (HTTP ${status})` };
  const name = error instanceof Error ? error.name : '';
  const constructorName = typeof error === 'object' && error !== null ? error.constructor.name : '';
  if (name === 'TimeoutError' || constructorName === 'APIConnectionTimeoutError') {
    return { ok: false, kind: 'timeout', reason: `the model did not answer within ${context.timeoutMs} ms` };
  }
  if (constructorName === 'APIConnectionError') return { ok: false, kind: 'unreachable', reason: 'could not reach the model server: check OPENAI_BASE_URL' };
  if (constructorName === 'ContentFilterFinishReasonError') return { ok: false, kind: 'empty', reason: 'the model sent an empty reply or refused' };
  if (MALFORMED_ERRORS.has(name) || MALFORMED_ERRORS.has(constructorName)) {
    return { ok: false, kind: 'malformed', reason: "the model's reply was not valid structured output" };
  }
  // Thrown while reading a 200 reply that is not an OpenAI response (an HTML error page, a proxy's body).
  if (name === 'TypeError') return { ok: false, kind: 'malformed', reason: "could not read the model server's reply" };
  return { ok: false, kind: 'failed', reason: 'the model call failed' };
}
