import { ChatOpenAI } from '@langchain/openai';
/** Local OpenAI-compatible servers (Ollama, llama.cpp, vLLM) need no key, but the client insists on one. */
const PLACEHOLDER_API_KEY = 'no-key-configured';
/** The chat model for a configuration; retries are off because callers decide them (one, on 429). */
export function createChatModel(llm) {
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
// The abort reason is rejected as given (callers tell a timeout from a cancel by it), Error or not.
/* eslint-disable @typescript-eslint/prefer-promise-reject-errors */
export const realSleep = (milliseconds, signal) => new Promise((resolve, reject) => {
    if (signal.aborted)
        return reject(signal.reason);
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
/** Used when a 429 carries no usable retry-after. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;
class BudgetExceeded extends Error {
    timeoutMs;
    constructor(timeoutMs) {
        super(`no reply within ${timeoutMs} ms`);
        this.timeoutMs = timeoutMs;
        this.name = 'BudgetExceeded';
    }
}
export async function callStructuredModel(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? realSleep;
    const deadline = now() + options.timeoutMs;
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(new BudgetExceeded(options.timeoutMs)), options.timeoutMs);
    timer.unref?.();
    const signal = options.signal === undefined ? budget.signal : AbortSignal.any([budget.signal, options.signal]);
    const runnable = options.chatModel.withStructuredOutput(options.schema, {
        name: options.name,
        includeRaw: true,
        ...(options.method === undefined ? {} : { method: options.method }),
    });
    try {
        for (let attempt = 1;; attempt += 1) {
            try {
                const { raw, parsed } = await runnable.invoke(options.messages, { signal });
                const checked = parsed === null || parsed === undefined ? undefined : options.schema.safeParse(parsed);
                if (checked?.success === true)
                    return { ok: true, value: checked.data };
                const toolCalls = raw.tool_calls ?? [];
                const failure = raw.content === '' && toolCalls.length === 0
                    ? { ok: false, kind: 'empty', reason: 'the model sent an empty reply or refused' }
                    : { ok: false, kind: 'malformed', reason: "the model's reply did not match the expected structure" };
                options.logger?.warn('model call failed', { kind: failure.kind, attempt });
                return failure;
            }
            catch (error) {
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
                }
                catch (sleepError) {
                    return describeFailure(sleepError, { budget: budget.signal, caller: options.signal, timeoutMs: options.timeoutMs });
                }
            }
        }
    }
    finally {
        clearTimeout(timer);
    }
}
/** Name and the start of the message: enough to diagnose, too short to carry a reply's content into logs. */
function errorSummary(error) {
    if (!(error instanceof Error))
        return String(error).slice(0, 120);
    const firstLine = error.message.split('\n')[0] ?? '';
    return `${error.name}: ${firstLine.slice(0, 120)}`;
}
function statusOf(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
}
function headerOf(error, name) {
    const headers = typeof error === 'object' && error !== null ? error.headers : undefined;
    if (headers instanceof Headers)
        return headers.get(name) ?? undefined;
    if (typeof headers === 'object' && headers !== null) {
        const value = headers[name];
        return typeof value === 'string' ? value : undefined;
    }
    return undefined;
}
/** `retry-after-ms` (OpenAI's), then `retry-after` as seconds or an HTTP date. */
export function retryAfterMs(error, nowMs) {
    const milliseconds = Number(headerOf(error, 'retry-after-ms'));
    if (headerOf(error, 'retry-after-ms') !== undefined && Number.isFinite(milliseconds) && milliseconds >= 0)
        return milliseconds;
    const value = headerOf(error, 'retry-after')?.trim();
    if (value === undefined || value === '')
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0)
        return seconds * 1_000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
const MALFORMED_ERRORS = new Set(['SyntaxError', 'ZodError', '$ZodError', 'OutputParserException', 'LengthFinishReasonError']);
export function describeFailure(error, context) {
    if (context.caller?.aborted === true)
        return { ok: false, kind: 'cancelled', reason: 'the request was cancelled' };
    if (context.budget.aborted)
        return { ok: false, kind: 'timeout', reason: `the model did not answer within ${context.timeoutMs} ms` };
    const status = statusOf(error);
    if (status === 429)
        return { ok: false, kind: 'rate-limited', reason: 'the model server is rate-limiting requests (HTTP 429)' };
    if (status !== undefined && status >= 500)
        return { ok: false, kind: 'server-error', reason: `the model server failed (HTTP ${status})` };
    if (status === 401 || status === 403)
        return { ok: false, kind: 'http-error', reason: `the model server refused the credentials (HTTP ${status}): check OPENAI_API_KEY` };
    if (status === 404)
        return { ok: false, kind: 'http-error', reason: 'the model server does not know this model (HTTP 404): check CHAT_MODEL and OPENAI_BASE_URL' };
    if (status !== undefined)
        return { ok: false, kind: 'http-error', reason: `the model server rejected the request (HTTP ${status})` };
    const name = error instanceof Error ? error.name : '';
    const constructorName = typeof error === 'object' && error !== null ? error.constructor.name : '';
    if (name === 'TimeoutError' || constructorName === 'APIConnectionTimeoutError') {
        return { ok: false, kind: 'timeout', reason: `the model did not answer within ${context.timeoutMs} ms` };
    }
    if (constructorName === 'APIConnectionError')
        return { ok: false, kind: 'unreachable', reason: 'could not reach the model server: check OPENAI_BASE_URL' };
    if (constructorName === 'ContentFilterFinishReasonError')
        return { ok: false, kind: 'empty', reason: 'the model sent an empty reply or refused' };
    if (MALFORMED_ERRORS.has(name) || MALFORMED_ERRORS.has(constructorName)) {
        return { ok: false, kind: 'malformed', reason: "the model's reply was not valid structured output" };
    }
    // Thrown while reading a 200 reply that is not an OpenAI response (an HTML error page, a proxy's body).
    if (name === 'TypeError')
        return { ok: false, kind: 'malformed', reason: "could not read the model server's reply" };
    return { ok: false, kind: 'failed', reason: 'the model call failed' };
}
//# sourceMappingURL=model-call.js.map