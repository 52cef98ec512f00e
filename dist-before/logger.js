const ranks = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
export function createLogger(options) {
    const threshold = ranks[options.level];
    const secrets = (options.secrets ?? []).filter((secret) => secret.length > 0);
    const write = options.write ?? ((line) => process.stderr.write(line));
    const now = options.now ?? (() => new Date());
    const base = options.fields ?? {};
    const log = (level, message, fields = {}) => {
        if (ranks[level] < threshold)
            return;
        const record = { time: now().toISOString(), level, message, ...base, ...fields };
        const line = JSON.stringify(record, (_key, value) => (value instanceof Error ? { name: value.name, message: value.message } : value));
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
export function maskSecrets(text, secrets) {
    let masked = text;
    const forms = secrets.filter((secret) => secret.length > 0).flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
    for (const form of [...new Set(forms)].sort((first, second) => second.length - first.length))
        masked = masked.split(form).join('[redacted]');
    return masked;
}
export const silentLogger = createLogger({ level: 'silent' });
//# sourceMappingURL=logger.js.map