/**
 * Structured logs: one JSON object per line on stderr. Small on purpose (no dependency): footnote needs
 * levels, fields and one guarantee pino would not give by default — configured secrets are masked in
 * every line, whatever field they hide in.
 */
import type { LogLevel } from './config.js';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const ranks: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Values to mask wherever they appear (tokens, API keys). */
  readonly secrets?: readonly string[];
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
  readonly fields?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = ranks[options.level];
  const secrets = (options.secrets ?? []).filter((secret) => secret.length > 0);
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const base = options.fields ?? {};

  const log = (level: Exclude<LogLevel, 'silent'>, message: string, fields: Record<string, unknown> = {}) => {
    if (ranks[level] < threshold) return;
    const record = { time: now().toISOString(), level, message, ...base, ...fields };
    const line = JSON.stringify(record, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value));
    write(`${maskSecrets(line, secrets)}\n`);
  };

  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/**
 * Replaces every secret in `text`, as written and as JSON writes it (a token with `"` or `\` appears
 * escaped in a JSON line), longest first so a secret inside another is not left half-masked.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  const forms = secrets.filter((secret) => secret.length > 0).flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
  for (const form of [...new Set(forms)].sort((first, second) => second.length - first.length)) masked = masked.split(form).join('[redacted]');
  return masked;
}

export const silentLogger: Logger = createLogger({ level: 'silent' });
