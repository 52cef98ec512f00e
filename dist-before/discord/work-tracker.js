export function createWorkTracker() {
    const inFlight = new Set();
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
            let timer;
            const timeout = new Promise((resolve) => {
                timer = setTimeout(() => resolve(false), timeoutMs);
            });
            try {
                while (inFlight.size > 0) {
                    const settled = await Promise.race([Promise.allSettled([...inFlight]).then(() => true), timeout]);
                    if (!settled)
                        return false;
                }
                return true;
            }
            finally {
                clearTimeout(timer);
            }
        },
    };
}
//# sourceMappingURL=work-tracker.js.map