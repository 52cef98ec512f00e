/**
 * How often one member, and one server, may ask: a pause per member (COOLDOWN_SECONDS) and a budget per
 * server (SERVER_QUESTIONS_PER_MINUTE, a token bucket: a whole class may ask at once, then the budget refills
 * over a minute). The clock is passed in so tests need not wait.
 */
const pruneAbove = 1000;
export function createCooldowns(options) {
    const now = options.now ?? Date.now;
    const durationMs = options.seconds * 1000;
    const nextAllowed = new Map();
    const serverCapacity = options.serverPerMinute ?? 0;
    const refillPerMs = serverCapacity / 60_000;
    const servers = new Map();
    const memberWait = (key, time) => {
        const allowedAt = nextAllowed.get(key);
        return durationMs <= 0 || allowedAt === undefined || allowedAt <= time ? 0 : allowedAt - time;
    };
    const takeMember = (key, time) => {
        if (durationMs <= 0)
            return;
        // Forget expired entries now and then, so a busy server does not grow the map forever.
        if (nextAllowed.size > pruneAbove) {
            for (const [entry, at] of nextAllowed)
                if (at <= time)
                    nextAllowed.delete(entry);
        }
        nextAllowed.set(key, time + durationMs);
    };
    const serverTokens = (guildId, time) => {
        const bucket = servers.get(guildId);
        return bucket === undefined ? serverCapacity : Math.min(serverCapacity, bucket.tokens + (time - bucket.at) * refillPerMs);
    };
    const takeServer = (guildId, time) => {
        if (servers.size > pruneAbove) {
            for (const [entry] of servers)
                if (serverTokens(entry, time) >= serverCapacity)
                    servers.delete(entry);
        }
        servers.set(guildId, { tokens: serverTokens(guildId, time) - 1, at: time });
    };
    return {
        admit({ userId, guildId }) {
            const time = now();
            const memberKey = `user:${userId}`;
            const wait = memberWait(memberKey, time);
            if (wait > 0)
                return { ok: false, retryAfterMs: wait, message: cooldownMessage(wait) };
            const limitsServer = serverCapacity > 0 && guildId !== undefined;
            if (limitsServer) {
                const tokens = serverTokens(guildId, time);
                if (tokens < 1) {
                    const serverWait = Math.ceil((1 - tokens) / refillPerMs);
                    return { ok: false, retryAfterMs: serverWait, message: serverBusyMessage(serverWait) };
                }
                takeServer(guildId, time);
            }
            takeMember(memberKey, time);
            return { ok: true };
        },
    };
}
function inSeconds(retryAfterMs) {
    return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
export function cooldownMessage(retryAfterMs) {
    return `One moment — you can ask again in ${inSeconds(retryAfterMs)} s.`;
}
export function serverBusyMessage(retryAfterMs) {
    return `This server has asked a lot of questions in the last minute — you can ask again in ${inSeconds(retryAfterMs)} s.`;
}
//# sourceMappingURL=cooldowns.js.map