/**
 * One async contract per store, two implementations: PostgreSQL is async by nature, better-sqlite3 is
 * synchronous. `Async<T>` is a sync store's contract with every method returning a promise, and `asAsync`
 * wraps a sync store to fill it, so callers are written once for both.
 */

/** The contract `T` with each method's result wrapped in a promise. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...parameters: infer P) => infer R ? (...parameters: P) => Promise<Awaited<R>> : never;
};

/**
 * Wraps the named methods of a synchronous store. A throw becomes a rejected promise, as it would from a
 * database driver, so callers handle one kind of failure.
 */
export function asAsync<T extends object>(store: T, methods: readonly (keyof T & string)[]): Async<T> {
  const wrapped: Record<string, unknown> = {};
  for (const name of methods) {
    const method = store[name];
    if (typeof method !== 'function') throw new TypeError(`asAsync: ${name} is not a method of the store`);
    wrapped[name] = async (...parameters: unknown[]) => (method as (...parameters: unknown[]) => unknown).apply(store, parameters);
  }
  return wrapped as Async<T>;
}
