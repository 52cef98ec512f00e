/**
 * The one place that reads the environment. Everything else receives a frozen `Config`.
 */
import path from 'node:path';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the environment key by key; a bad value adds "KEY: what is wrong" to `problems`, so that one error lists
 * them all. (Written by hand rather than as a zod schema: importing zod costs ~0.2 s of CPU at every command start.)
 */
class EnvironmentReader {
  readonly problems: string[] = [];

  constructor(private readonly environment: Environment) {}

  /** Trimmed; unset or blank is undefined. */
  text(key: string): string | undefined {
    const value = this.environment[key]?.trim();
    return value === '' ? undefined : value;
  }

  /** Text that must match `pattern`. */
  matching(key: string, pattern: RegExp, message: string): string | undefined {
    const value = this.text(key);
    return value === undefined || pattern.test(value) ? value : this.problem(key, message);
  }

  url(key: string, example: string): string | undefined {
    const value = this.text(key);
    return value === undefined || URL.canParse(value) ? value?.replace(/[\t\n\r]/gu, '') : this.problem(key, `must be a URL such as ${example}`);
  }

  /** One of `values` as written (untrimmed), or blank. */
  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.environment[key];
    if (value === undefined || value === '' || (values as readonly string[]).includes(value)) return value === '' ? undefined : (value as T | undefined);
    return this.problem(key, `must be one of ${values.join(', ')}`);
  }

  /** true, 1 or yes; false, 0, no or blank (the default). */
  flag(key: string): boolean {
    const value = this.oneOf(key, ['true', 'false', '1', '0', 'yes', 'no']);
    return value === 'true' || value === '1' || value === 'yes';
  }

  /** A number (a whole one when `whole`) of at least `min`; blank is `fallback`. */
  number(key: string, fallback: number, { min, whole }: { min: number; whole: boolean }): number {
    const value = this.text(key);
    const parsed = value === undefined ? fallback : Number(value);
    if (Number.isFinite(parsed) && parsed >= min && (!whole || Number.isInteger(parsed))) return parsed;
    this.problem(key, `must be a ${whole ? 'whole number' : 'number'} from ${min}`);
    return fallback;
  }

  /** A number as `number` reads it, or undefined when blank (the caller's default depends on other settings). */
  optionalNumber(key: string, limits: { min: number; whole: boolean }): number | undefined {
    return this.text(key) === undefined ? undefined : this.number(key, limits.min, limits);
  }

  private problem(key: string, message: string): undefined {
    this.problems.push(`${key}: ${message}`);
    return undefined;
  }
}

const positiveInteger = { min: 1, whole: true } as const;

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
  /** The answer queue (src/discord/answer-queue.ts). */
  readonly answerQueue: {
    /** Answers acknowledged and waiting for their turn; past it a member is told privately that the bot is busy. */
    readonly maxWaiting: number;
    /** Answers computed at once; undefined: 1 offline, 8 with a chat model (startBot). */
    readonly concurrency: number | undefined;
  };
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
  const read = new EnvironmentReader(environment);
  const env = {
    FOOTNOTE_CORPUS_DIR: read.text('FOOTNOTE_CORPUS_DIR'),
    FOOTNOTE_DATA_DIR: read.text('FOOTNOTE_DATA_DIR'),
    FOOTNOTE_MODEL_DIR: read.text('FOOTNOTE_MODEL_DIR'),
    FOOTNOTE_DB: read.text('FOOTNOTE_DB'),
    LOG_LEVEL: read.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const),
    LOG_CONTENT: read.flag('LOG_CONTENT'),
    OPENAI_API_KEY: read.text('OPENAI_API_KEY'),
    OPENAI_BASE_URL: read.url('OPENAI_BASE_URL', 'http://localhost:11434/v1'),
    CHAT_MODEL: read.text('CHAT_MODEL'),
    EMBEDDING_MODEL: read.text('EMBEDDING_MODEL'),
    LLM_TIMEOUT_MS: read.number('LLM_TIMEOUT_MS', 10_000, positiveInteger),
    DISCORD_TOKEN: read.text('DISCORD_TOKEN'),
    DISCORD_API_URL: read.url('DISCORD_API_URL', 'https://discord.com/api'),
    GUILD_ID: read.matching('GUILD_ID', /^\d{5,25}$/u, 'must be a server (guild) id: digits only'),
    REPLY_MODE: read.oneOf('REPLY_MODE', ['thread', 'inline'] as const),
    COOLDOWN_SECONDS: read.number('COOLDOWN_SECONDS', 3, { min: 0, whole: false }),
    SERVER_QUESTIONS_PER_MINUTE: read.number('SERVER_QUESTIONS_PER_MINUTE', 300, { min: 0, whole: true }),
    ANSWER_QUEUE_MAX_WAITING: read.number('ANSWER_QUEUE_MAX_WAITING', 500, positiveInteger),
    ANSWER_CONCURRENCY: read.optionalNumber('ANSWER_CONCURRENCY', positiveInteger),
    CONVERSATION_TURNS: read.number('CONVERSATION_TURNS', 6, positiveInteger),
    CONVERSATION_TTL_MINUTES: read.number('CONVERSATION_TTL_MINUTES', 30, positiveInteger),
    LIBRARY_MAX_DOCUMENTS: read.number('LIBRARY_MAX_DOCUMENTS', 50, positiveInteger),
    LIBRARY_MAX_TOTAL_MB: read.number('LIBRARY_MAX_TOTAL_MB', 200, positiveInteger),
    LIBRARY_MAX_FILE_MB: read.number('LIBRARY_MAX_FILE_MB', 8, positiveInteger),
    LIBRARY_FETCH_TIMEOUT_MS: read.number('LIBRARY_FETCH_TIMEOUT_MS', 15_000, positiveInteger),
    LIBRARY_ALLOW_PRIVATE_URLS: read.flag('LIBRARY_ALLOW_PRIVATE_URLS'),
    DATABASE_URL: read.matching(
      'DATABASE_URL',
      /^postgres(ql)?:\/\/\S+$/u,
      'must be a PostgreSQL URL such as postgres://footnote:secret@db.example:5432/footnote',
    ),
    SHARD_COUNT: read.matching('SHARD_COUNT', /^[1-9]\d{0,4}$/u, 'must be the total number of shards, a whole number from 1'),
    /** Set by discord.js's ShardingManager in each process it starts (`footnote start --shards`): its shard id (JSON). */
    SHARDS: read.matching(
      'SHARDS',
      /^\[?\s*\d{1,5}(\s*,\s*\d{1,5})*\s*\]?$/u,
      'must be a shard id or a JSON list of them such as [0,1] (set by footnote start --shards)',
    ),
    SHARD_IDS: read.matching('SHARD_IDS', /^\d{1,5}(\s*,\s*\d{1,5})*$/u, 'must be the shards this process runs, as numbers separated by commas: 0,1'),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
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
    logLevel: env.LOG_LEVEL ?? 'info',
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
      answerQueue: Object.freeze({ maxWaiting: env.ANSWER_QUEUE_MAX_WAITING, concurrency: env.ANSWER_CONCURRENCY }),
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
