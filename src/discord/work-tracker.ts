/** Counts the work in flight so shutdown can wait for it: stop taking work, finish what was started. */
export interface WorkTracker {
  /** Runs `work`, remembering it until it settles. Never rejects: failures are the caller's to log. */
  track(work: () => Promise<void>): Promise<void>;
  readonly pending: number;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createWorkTracker(): WorkTracker {
  const inFlight = new Set<Promise<void>>();
  return {
    track(work) {
      const promise = Promise.resolve()
        .then(work)
        .catch(() => undefined)
        .finally(() => inFlight.delete(promise));
      inFlight.add(promise);
      return promise;
    },
    get pending() {
      return inFlight.size;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        while (inFlight.size > 0) {
          const settled = await Promise.race([Promise.allSettled([...inFlight]).then(() => true), timeout]);
          if (!settled) return false;
        }
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
