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
const positiveInteger = (fallback) => z
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
    GUILD_ID: optionalText.pipe(z
        .string()
        .regex(/^\d{5,25}$/, 'must be a server (guild) id: digits only')
        .optional()),
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
});
export const DEFAULT_CHAT_MODEL = 'gpt-4o-mini';
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';
export class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(`footnote's configuration has ${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nFix them in .env (see .env.example) or the environment.`);
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
/** Builds a Config from an environment map. Pure: pass `process.env` or a test's own map. */
export function readConfig(environment, options = {}) {
    const parsed = environmentSchema.safeParse(environment);
    if (!parsed.success) {
        throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    }
    const env = parsed.data;
    const cwd = options.cwd ?? process.cwd();
    const dataDir = path.resolve(cwd, env.FOOTNOTE_DATA_DIR ?? 'data');
    const llmConfigured = env.OPENAI_API_KEY !== undefined || env.OPENAI_BASE_URL !== undefined;
    const embeddings = env.EMBEDDING_MODEL !== undefined
        ? { provider: 'openai', model: env.EMBEDDING_MODEL, apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL }
        : { provider: 'local' };
    if (embeddings.provider === 'openai' && !llmConfigured) {
        throw new ConfigError(['EMBEDDING_MODEL: set OPENAI_API_KEY or OPENAI_BASE_URL too, or unset EMBEDDING_MODEL to use the local model']);
    }
    return Object.freeze({
        corpusDir: path.resolve(cwd, env.FOOTNOTE_CORPUS_DIR ?? 'corpus'),
        dataDir,
        modelDir: path.resolve(cwd, env.FOOTNOTE_MODEL_DIR ?? path.join(dataDir, 'models')),
        databaseFile: path.resolve(cwd, env.FOOTNOTE_DB ?? path.join(dataDir, 'footnote.sqlite')),
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
/** Reads `.env` (if present) into process.env, then the environment into a Config. */
export async function loadConfig(options = {}) {
    const dotenv = await import('dotenv');
    dotenv.config({ path: path.resolve(options.cwd ?? process.cwd(), '.env'), quiet: true });
    return readConfig(process.env, options);
}
/**
 * The secrets set in an environment map, for masking output before a Config exists (a command that
 * fails while loading it, or one that prints an error body from Discord or a model server).
 */
export function secretsInEnvironment(environment) {
    return [environment.DISCORD_TOKEN, environment.OPENAI_API_KEY].filter((secret) => secret !== undefined && secret.trim().length >= 6);
}
/** Values that must never appear in logs or replies. */
export function secretsOf(config) {
    const secrets = [config.llm?.apiKey, config.discord.token, config.embeddings.provider === 'openai' ? config.embeddings.apiKey : undefined];
    return secrets.filter((secret) => secret !== undefined && secret.length >= 6);
}
//# sourceMappingURL=config.js.map