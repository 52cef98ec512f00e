/** Runs database work under the back-off rule; errors are rethrown unchanged. */
export function createLockBackOff(options) {
    const now = options.now ?? Date.now;
    let failFastUntil;
    return (work) => {
        if (failFastUntil !== undefined && now() >= failFastUntil) {
            failFastUntil = undefined;
            options.database.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
        }
        try {
            return work();
        }
        catch (error) {
            if (isLockError(error) && failFastUntil === undefined) {
                failFastUntil = now() + options.backOffMs;
                options.database.pragma('busy_timeout = 0');
                options.onLocked?.(options.backOffMs);
            }
            throw error;
        }
    };
}
export function isLockError(error) {
    const code = error?.code;
    return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
//# sourceMappingURL=lock-back-off.js.map