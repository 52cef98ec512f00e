import type { Corpus } from './types.js';

/**
 * `compute`, done once per corpus object and kept while the corpus is: the tools reading one text share one
 * result, and can compare its objects by identity.
 */
export function perCorpus<T>(compute: (corpus: Corpus) => T): (corpus: Corpus) => T {
  const results = new WeakMap<Corpus, T>();
  return (corpus) => {
    if (results.has(corpus)) return results.get(corpus) as T;
    const result = compute(corpus);
    results.set(corpus, result);
    return result;
  };
}
