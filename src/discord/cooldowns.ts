/** Per-key cooldowns (a user, later a server). The clock is passed in so tests need not wait. */
export type CooldownCheck = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export interface Cooldowns {
  /** Takes a turn for `key` if its cooldown has passed. */
  take(key: string): CooldownCheck;
}

const pruneAbove = 1000;

export function createCooldowns(options: { readonly seconds: number; readonly now?: () => number }): Cooldowns {
  const now = options.now ?? Date.now;
  const durationMs = options.seconds * 1000;
  const nextAllowed = new Map<string, number>();
  return {
    take(key) {
      if (durationMs <= 0) return { ok: true };
      const time = now();
      const allowedAt = nextAllowed.get(key);
      if (allowedAt !== undefined && allowedAt > time) return { ok: false, retryAfterMs: allowedAt - time };
      // Forget expired entries now and then, so a busy server does not grow the map forever.
      if (nextAllowed.size > pruneAbove) {
        for (const [entry, at] of nextAllowed) if (at <= time) nextAllowed.delete(entry);
      }
      nextAllowed.set(key, time + durationMs);
      return { ok: true };
    },
  };
}

export function cooldownMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `One moment — you can ask again in ${seconds} s.`;
}
