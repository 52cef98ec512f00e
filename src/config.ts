/**
 * The one place that reads the environment. Everything else receives a frozen `Config`.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInteger = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .transform((value) => Number(value))
    .pipe(z.number().int().positive());

const environmentSchema = z.object({
  FOOTNOTE_CORPUS_DIR: optionalText,
  FOOTNOTE_DATA_DIR: optionalText,
  FOOTNOTE_MODEL_DIR: optionalText,
  FOOTNOTE_DB: optionalText,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent', '']).optional(),
  LOG_CONTENT: booleanText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url({ message: 'must be a URL such as http://localhost:11434/v1' }).optional()),
  CHAT_MODEL: optionalText,
  EMBEDDING_MODEL: optionalText,
  LLM_TIMEOUT_MS: positiveInteger(10_000),
  DISCORD_TOKEN: optionalText,
  DISCORD_API_URL: optionalText.pipe(z.url({ message: 'must be a URL such as https://discord.com/api' }).optional()),
  GUILD_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be a server (guild) id: digits only')
      .optional(),
  ),
  REPLY_MODE: z.enum(['thread', 'inline', '']).optional(),
  COOLDOWN_SECONDS: z
    .string()
    .trim()
    .optional()
    .transform((value) => Number(value === undefined || value === '' ? '3' : value))
    .pipe(z.number().min(0)),
  SERVER_QUESTIONS_PER_MINUTE: z
    .string()
    .trim()
    .optional()
    .transform((value) => Number(value === undefined || value === '' ? '300' : value))
    .pipe(z.number().int().min(0)),
  CONVERSATION_TURNS: positiveInteger(6),
  CONVERSATION_TTL_MINUTES: positiveInteger(30),
  LIBRARY_MAX_DOCUMENTS: positiveInteger(50),
  LIBRARY_MAX_TOTAL_MB: positiveInteger(200),
  LIBRARY_MAX_FILE_MB: positiveInteger(8),
  LIBRARY_FETCH_TIMEOUT_MS: positiveInteger(15_000),
  LIBRARY_ALLOW_PRIVATE_URLS: booleanText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/u, 'must be a PostgreSQL URL such as postgres://footnote:secret@db.example:5432/footnote')
      .optional(),
  ),
  SHARD_COUNT: optionalText.pipe(
    z
      .string()
      .regex(/^[1-9]\d{0,4}$/u, 'must be the total number of shards, a whole number from 1')
      .optional(),
  ),
  /** Set by discord.js's ShardingManager in each process it starts (`footnote start --shards`): its shard id (JSON). */
  SHARDS: optionalText.pipe(
    z
      .string()
      .regex(/^\[?\s*\d{1,5}(\s*,\s*\d{1,5})*\s*\]?$/u, 'must be a shard id or a JSON list of them such as [0,1] (set by footnote start --shards)')
      .optional(),
  ),
  SHARD_IDS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}(\s*,\s*\d{1,5})*$/u, 'must be the shards this process runs, as numbers separated by commas: 0,1')
      .optional(),
  ),
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface LlmConfig {
  readonly apiKey: string | undefined;
  readonly baseUrl: string | undefined;
  readonly chatModel: string;
  readonly timeoutMs: number;
}

export type EmbeddingsConfig =
  | { readonly provider: 'local' }
  | { readonly provider: 'openai'; readonly model: string; readonly apiKey: string | undefined; readonly baseUrl: string | undefined };

export interface DiscordConfig {
  readonly token: string | undefined;
  readonly apiUrl: string;
  readonly guildId: string | undefined;
  readonly replyMode: 'thread' | 'inline';
  readonly cooldownSeconds: number;
  /** Questions one server may ask per minute (a whole class at once, then a minute to refill); 0: no limit. */
  readonly serverQuestionsPerMinute: number;
  /** The gateway shards this process runs (SHARD_COUNT, SHARD_IDS); undefined: all of them, as Discord recommends. */
  readonly shards: { readonly count: number; readonly ids: readonly number[] } | undefined;
}

export interface Config {
  readonly corpusDir: string;
  readonly dataDir: string;
  /** Where the converted word vectors are cached (default: <dataDir>/models). */
  readonly modelDir: string;
  readonly databaseFile: string;
  /** The shared PostgreSQL database (DATABASE_URL) used instead of the SQLite file, so several processes share state. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly logContent: boolean;
  /** Undefined when no model is configured: the offline engine answers. */
  readonly llm: LlmConfig | undefined;
  readonly embeddings: EmbeddingsConfig;
  readonly discord: DiscordConfig;
  readonly conversation: { readonly maxTurns: number; readonly ttlMs: number };
  readonly library: LibraryConfig;
}

/** Each server's own library (/library): quotas and the limits on files and links. */
export interface LibraryConfig {
  readonly maxDocuments: number;
  readonly maxTotalBytes: number;
  /** Per file or fetched page; below Discord's smallest attachment limit (10 MiB). */
  readonly maxFileBytes: number;
  /** The most a .docx may unpack to; more is treated as a zip bomb. */
  readonly maxUnzippedBytes: number;
  readonly fetchTimeoutMs: number;
  readonly maxRedirects: number;
  /** Fetch links to loopback, private and link-local addresses (tests, self-hosting); refused by default. */
  readonly allowPrivateUrls: boolean;
}

export const DEFAULT_CHAT_MODEL = 'gpt-4o-mini';
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `footnote's configuration has ${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nFix them in .env (see .env.example) or the environment.`,
    );
    this.name = 'ConfigError';
  }
}

/** Builds a Config from an environment map. Pure: pass `process.env` or a test's own map. */
export function readConfig(environment: Readonly<Record<string, string | undefined>>, options: { cwd?: string } = {}): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const cwd = options.cwd ?? process.cwd();
  const dataDir = path.resolve(cwd, env.FOOTNOTE_DATA_DIR ?? 'data');
  const llmConfigured = env.OPENAI_API_KEY !== undefined || env.OPENAI_BASE_URL !== undefined;

  const embeddings: EmbeddingsConfig =
    env.EMBEDDING_MODEL !== undefined
      ? { provider: 'openai', model: env.EMBEDDING_MODEL, apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL }
      : { provider: 'local' };
  if (embeddings.provider === 'openai' && !llmConfigured) {
    throw new ConfigError(['EMBEDDING_MODEL: set OPENAI_API_KEY or OPENAI_BASE_URL too, or unset EMBEDDING_MODEL to use the local model']);
  }
  const shards = readShards(env.SHARD_COUNT, env.SHARD_IDS ?? env.SHARDS?.replace(/[[\]\s]/gu, ''));

  return Object.freeze({
    corpusDir: path.resolve(cwd, env.FOOTNOTE_CORPUS_DIR ?? 'corpus'),
    dataDir,
    modelDir: path.resolve(cwd, env.FOOTNOTE_MODEL_DIR ?? path.join(dataDir, 'models')),
    databaseFile: path.resolve(cwd, env.FOOTNOTE_DB ?? path.join(dataDir, 'footnote.sqlite')),
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL === undefined || env.LOG_LEVEL === '' ? 'info' : env.LOG_LEVEL,
    logContent: env.LOG_CONTENT,
    llm: llmConfigured
      ? Object.freeze({
          apiKey: env.OPENAI_API_KEY,
          baseUrl: env.OPENAI_BASE_URL,
          chatModel: env.CHAT_MODEL ?? DEFAULT_CHAT_MODEL,
          timeoutMs: env.LLM_TIMEOUT_MS,
        })
      : undefined,
    embeddings: Object.freeze(embeddings),
    discord: Object.freeze({
      token: env.DISCORD_TOKEN,
      apiUrl: env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
      guildId: env.GUILD_ID,
      replyMode: env.REPLY_MODE === 'inline' ? 'inline' : 'thread',
      cooldownSeconds: env.COOLDOWN_SECONDS,
      serverQuestionsPerMinute: env.SERVER_QUESTIONS_PER_MINUTE,
      shards,
    }),
    conversation: Object.freeze({ maxTurns: env.CONVERSATION_TURNS, ttlMs: env.CONVERSATION_TTL_MINUTES * 60_000 }),
    library: Object.freeze({
      maxDocuments: env.LIBRARY_MAX_DOCUMENTS,
      maxTotalBytes: env.LIBRARY_MAX_TOTAL_MB * 1_048_576,
      maxFileBytes: env.LIBRARY_MAX_FILE_MB * 1_048_576,
      maxUnzippedBytes: 100 * 1_048_576,
      fetchTimeoutMs: env.LIBRARY_FETCH_TIMEOUT_MS,
      maxRedirects: 3,
      allowPrivateUrls: env.LIBRARY_ALLOW_PRIVATE_URLS,
    }),
  });
}

/** SHARD_IDS without SHARD_COUNT cannot be placed; an id outside 0..count-1 names no shard. */
function readShards(countText: string | undefined, idsText: string | undefined): DiscordConfig['shards'] {
  if (countText === undefined) {
    if (idsText !== undefined) throw new ConfigError(['SHARD_IDS: set SHARD_COUNT too (the total number of shards across all processes)']);
    return undefined;
  }
  const count = Number(countText);
  const ids = idsText === undefined ? [...Array(count).keys()] : [...new Set(idsText.split(',').map((id) => Number(id.trim())))];
  const outside = ids.filter((id) => id >= count);
  if (outside.length > 0) throw new ConfigError([`SHARD_IDS: ${outside.join(', ')} not below SHARD_COUNT (${count}); shards are numbered 0 to ${count - 1}`]);
  return Object.freeze({ count, ids: Object.freeze(ids) });
}

/** Reads `.env` (if present) into process.env, then the environment into a Config. */
export async function loadConfig(options: { cwd?: string } = {}): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ path: path.resolve(options.cwd ?? process.cwd(), '.env'), quiet: true });
  return readConfig(process.env, options);
}

/**
 * The secrets set in an environment map, for masking output before a Config exists (a command that
 * fails while loading it, or one that prints an error body from Discord or a model server).
 */
export function secretsInEnvironment(environment: Readonly<Record<string, string | undefined>>): string[] {
  return [environment.DISCORD_TOKEN, environment.OPENAI_API_KEY, environment.DATABASE_URL, ...databasePasswords(environment.DATABASE_URL)].filter(
    (secret): secret is string => secret !== undefined && secret.trim().length >= 6,
  );
}

/** Values that must never appear in logs or replies. */
export function secretsOf(config: Config): string[] {
  const secrets = [
    config.llm?.apiKey,
    config.discord.token,
    config.embeddings.provider === 'openai' ? config.embeddings.apiKey : undefined,
    config.databaseUrl,
    ...databasePasswords(config.databaseUrl),
  ];
  return secrets.filter((secret): secret is string => secret !== undefined && secret.length >= 6);
}

/** The password inside a database URL, as written and decoded, masked on its own too (a driver's error may quote it without the URL). */
function databasePasswords(url: string | undefined): string[] {
  if (url === undefined) return [];
  try {
    const written = new URL(url).password;
    return written === '' ? [] : [...new Set([written, decodeURIComponent(written)])];
  } catch {
    return [];
  }
}
