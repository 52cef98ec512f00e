/**
 * How often one member, and one server, may ask: a pause per member (COOLDOWN_SECONDS) and a budget per
 * server (SERVER_QUESTIONS_PER_MINUTE, a token bucket: a whole class may ask at once, then the budget refills
 * over a minute). The clock is passed in so tests need not wait.
 */

/** Who is asking; `guildId` is undefined in direct messages, which only the member's pause applies to. */
export interface Asker {
  readonly userId: string;
  readonly guildId: string | undefined;
}

export type AdmitCheck = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number; readonly message: string };

export interface Cooldowns {
  /** Takes the member's turn and one question from the server's budget: both, or neither. */
  admit(asker: Asker): AdmitCheck;
}

export interface CooldownOptions {
  readonly seconds: number;
  /** Questions per minute one server may ask; 0 or undefined: no limit. */
  readonly serverPerMinute?: number;
  readonly now?: () => number;
}

const pruneAbove = 1000;

export function createCooldowns(options: CooldownOptions): Cooldowns {
  const now = options.now ?? Date.now;
  const durationMs = options.seconds * 1000;
  const nextAllowed = new Map<string, number>();
  const serverCapacity = options.serverPerMinute ?? 0;
  const refillPerMs = serverCapacity / 60_000;
  const servers = new Map<string, { readonly tokens: number; readonly at: number }>();

  const memberWait = (key: string, time: number) => {
    const allowedAt = nextAllowed.get(key);
    return durationMs <= 0 || allowedAt === undefined || allowedAt <= time ? 0 : allowedAt - time;
  };
  const takeMember = (key: string, time: number) => {
    if (durationMs <= 0) return;
    // Forget expired entries now and then, so a busy server does not grow the map forever.
    if (nextAllowed.size > pruneAbove) {
      for (const [entry, at] of nextAllowed) if (at <= time) nextAllowed.delete(entry);
    }
    nextAllowed.set(key, time + durationMs);
  };
  const serverTokens = (guildId: string, time: number) => {
    const bucket = servers.get(guildId);
    return bucket === undefined ? serverCapacity : Math.min(serverCapacity, bucket.tokens + (time - bucket.at) * refillPerMs);
  };
  const takeServer = (guildId: string, time: number) => {
    if (servers.size > pruneAbove) {
      for (const [entry] of servers) if (serverTokens(entry, time) >= serverCapacity) servers.delete(entry);
    }
    servers.set(guildId, { tokens: serverTokens(guildId, time) - 1, at: time });
  };

  return {
    admit({ userId, guildId }) {
      const time = now();
      const memberKey = `user:${userId}`;
      const wait = memberWait(memberKey, time);
      if (wait > 0) return { ok: false, retryAfterMs: wait, message: cooldownMessage(wait) };
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

function inSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

export function cooldownMessage(retryAfterMs: number): string {
  return `One moment — you can ask again in ${inSeconds(retryAfterMs)} s.`;
}

export function serverBusyMessage(retryAfterMs: number): string {
  return `This server has asked a lot of questions in the last minute — you can ask again in ${inSeconds(retryAfterMs)} s.`;
}
