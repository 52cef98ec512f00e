/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests that drive the real @langchain/openai client.
 *
 * Chat completions answer structured values in whichever mode the client asked for: a tool call when the
 * request carries `tools` (withStructuredOutput's function calling), JSON in `message.content` otherwise
 * (its `response_format: json_schema` mode). Embeddings answer base64 little-endian float32, as the client
 * requests with `encoding_format: "base64"`. Replies are queued per endpoint, or computed by a handler that
 * sees the request (a fake model that "obeys" text in the prompt). Every request is recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
}

export interface ChatRequestBody {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
  readonly tools?: readonly { readonly type: string; readonly function: { readonly name: string; readonly parameters: unknown } }[];
  readonly tool_choice?: unknown;
  readonly response_format?: { readonly type: string; readonly json_schema?: { readonly name: string; readonly schema: unknown } };
  readonly [key: string]: unknown;
}

/** What the fake sends back for one request; `delayMs` holds the reply back (the client may give up first). */
export type FakeReply = (
  | { readonly kind: 'structured'; readonly value: unknown }
  | { readonly kind: 'content'; readonly content: string | null }
  | { readonly kind: 'refusal'; readonly refusal: string }
  | { readonly kind: 'embedding'; readonly vectors: (input: readonly string[]) => number[][] }
  | { readonly kind: 'status'; readonly status: number; readonly message: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'raw'; readonly status: number; readonly body: string; readonly contentType?: string }
) & { readonly delayMs?: number };

type Delay = { readonly delayMs?: number };

/** Reply builders, so tests read as what the model does. */
export const reply = {
  /** The structured output the client asked for, as a tool call or as JSON content. */
  structured: (value: unknown, options: Delay = {}): FakeReply => ({ kind: 'structured', value, ...options }),
  /** Raw assistant content, e.g. malformed JSON or plain text. */
  content: (content: string | null, options: Delay = {}): FakeReply => ({ kind: 'content', content, ...options }),
  refusal: (refusal: string, options: Delay = {}): FakeReply => ({ kind: 'refusal', refusal, ...options }),
  vectors: (vectors: (input: readonly string[]) => number[][], options: Delay = {}): FakeReply => ({ kind: 'embedding', vectors, ...options }),
  status: (status: number, options: Delay & { readonly message?: string; readonly headers?: Readonly<Record<string, string>> } = {}): FakeReply => ({
    kind: 'status',
    status,
    message: options.message ?? `fake server error ${status}`,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
  }),
  rateLimited: (retryAfterSeconds: number, options: Delay = {}): FakeReply =>
    reply.status(429, { ...options, message: 'Rate limit reached', headers: { 'retry-after': String(retryAfterSeconds) } }),
  /** A body that is not what the content type promises. */
  raw: (body: string, options: Delay & { readonly status?: number; readonly contentType?: string } = {}): FakeReply => ({
    kind: 'raw',
    status: options.status ?? 200,
    body,
    ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
  }),
};

export type ChatHandler = (request: ChatRequestBody) => FakeReply;
export type EmbeddingHandler = (input: readonly string[]) => FakeReply;

export interface FakeOpenAi {
  /** e.g. http://127.0.0.1:41234/v1: pass as OPENAI_BASE_URL. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  chatRequests(): ChatRequestBody[];
  embeddingInputs(): string[][];
  /** Replies for the next chat requests, in order; the handler answers once they run out. */
  queueChat(...replies: FakeReply[]): void;
  onChat(handler: ChatHandler): void;
  queueEmbeddings(...replies: FakeReply[]): void;
  onEmbeddings(handler: EmbeddingHandler): void;
  close(): Promise<void>;
}

/** A deterministic unit-ish vector per text, so equal texts embed equally. */
export function hashVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (let index = 0; index < text.length; index += 1) {
    const slot = (text.charCodeAt(index) * 31 + index) % dimensions;
    vector[slot] = (vector[slot] ?? 0) + 1;
  }
  const length = Math.hypot(...vector) || 1;
  return vector.map((value) => Math.fround(value / length));
}

export function encodeFloat32Base64(vector: readonly number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => buffer.writeFloatLE(value, index * 4));
  return buffer.toString('base64');
}

/** The text of every message, for a fake model that reacts to what it was told. */
export function promptText(request: ChatRequestBody): string {
  return request.messages.map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content))).join('\n');
}

export async function startFakeOpenAi(options: { readonly dimensions?: number } = {}): Promise<FakeOpenAi> {
  const dimensions = options.dimensions ?? 8;
  const requests: RecordedRequest[] = [];
  const chatQueue: FakeReply[] = [];
  const embeddingQueue: FakeReply[] = [];
  let chatHandler: ChatHandler = () => reply.status(500, { message: 'fake-openai: no chat reply scripted for this request' });
  let embeddingHandler: EmbeddingHandler = () => reply.vectors((input) => input.map((text) => hashVector(text, dimensions)));
  let completionCount = 0;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Recorded as text; the endpoint answers 400 below.
      }
      const path = (request.url ?? '').split('?')[0] ?? '';
      requests.push({ method: request.method ?? '', path, headers: request.headers, body });

      let planned: FakeReply;
      let render: (planned: FakeReply) => void;
      if (request.method === 'POST' && path.endsWith('/chat/completions') && typeof body === 'object' && body !== null) {
        const chat = body as ChatRequestBody;
        planned = chatQueue.shift() ?? chatHandler(chat);
        completionCount += 1;
        render = (chosen) => sendChat(response, chat, chosen, `chatcmpl-fake-${completionCount}`);
      } else if (request.method === 'POST' && path.endsWith('/embeddings') && typeof body === 'object' && body !== null) {
        const embedding = body as { model: string; input: string | string[]; encoding_format?: string };
        const input = Array.isArray(embedding.input) ? embedding.input : [embedding.input];
        planned = embeddingQueue.shift() ?? embeddingHandler(input);
        render = (chosen) => sendEmbeddings(response, embedding.model, input, embedding.encoding_format, chosen);
      } else {
        planned = reply.status(typeof body === 'string' ? 400 : 404, { message: `fake-openai: no route for ${request.method} ${path}` });
        render = (chosen) => sendChat(response, undefined, chosen, 'none');
      }

      const delay = planned.delayMs ?? 0;
      if (delay <= 0) return render(planned);
      const timer = setTimeout(() => {
        if (!response.destroyed) render(planned);
      }, delay);
      response.on('close', () => clearTimeout(timer));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((recorded) => recorded.path.endsWith('/chat/completions')).map((recorded) => recorded.body as ChatRequestBody),
    embeddingInputs: () =>
      requests
        .filter((recorded) => recorded.path.endsWith('/embeddings'))
        .map((recorded) => {
          const input = (recorded.body as { input: string | string[] }).input;
          return Array.isArray(input) ? input : [input];
        }),
    queueChat: (...replies) => void chatQueue.push(...replies),
    onChat: (handler) => {
      chatHandler = handler;
    },
    queueEmbeddings: (...replies) => void embeddingQueue.push(...replies),
    onEmbeddings: (handler) => {
      embeddingHandler = handler;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendJson(response: http.ServerResponse, status: number, payload: unknown, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(payload));
}

function sendCommon(response: http.ServerResponse, planned: FakeReply): boolean {
  if (planned.kind === 'status') {
    sendJson(
      response,
      planned.status,
      { error: { message: planned.message, type: planned.status === 429 ? 'rate_limit_error' : 'server_error', code: null } },
      planned.headers,
    );
    return true;
  }
  if (planned.kind === 'raw') {
    response.writeHead(planned.status, { 'content-type': planned.contentType ?? 'application/json' });
    response.end(planned.body);
    return true;
  }
  return false;
}

function sendChat(response: http.ServerResponse, request: ChatRequestBody | undefined, planned: FakeReply, id: string): void {
  if (sendCommon(response, planned)) return;
  if (request === undefined || planned.kind === 'embedding') {
    sendJson(response, 500, { error: { message: 'fake-openai: an embeddings reply was scripted for a chat request' } });
    return;
  }
  const toolName = request.tools?.[0]?.function.name;
  let message: Record<string, unknown>;
  let finishReason = 'stop';
  if (planned.kind === 'structured' && toolName !== undefined) {
    message = {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: `call_${id}`, type: 'function', function: { name: toolName, arguments: JSON.stringify(planned.value) } }],
    };
    finishReason = 'tool_calls';
  } else if (planned.kind === 'structured') {
    message = { role: 'assistant', content: JSON.stringify(planned.value), refusal: null };
  } else if (planned.kind === 'refusal') {
    message = { role: 'assistant', content: null, refusal: planned.refusal };
  } else if (planned.kind === 'content') {
    message = { role: 'assistant', content: planned.content, refusal: null };
  } else {
    return;
  }
  sendJson(response, 200, {
    id,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: request.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  });
}

function sendEmbeddings(response: http.ServerResponse, model: string, input: readonly string[], encoding: string | undefined, planned: FakeReply): void {
  if (sendCommon(response, planned)) return;
  if (planned.kind !== 'embedding') {
    sendJson(response, 500, { error: { message: 'fake-openai: a chat reply was scripted for an embeddings request' } });
    return;
  }
  const vectors = planned.vectors(input);
  sendJson(response, 200, {
    object: 'list',
    model,
    data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: encoding === 'base64' ? encodeFloat32Base64(vector) : vector })),
    usage: { prompt_tokens: input.length, total_tokens: input.length },
  });
}
