/**
 * Runs several test files in one process, one after the other, as `npm test` does with the files that need no
 * process of their own: each file otherwise pays its own start (tsx, discord.js, the English model, the engine:
 * 2–3 s of CPU for a file that runs for one).
 *
 * Each file still runs as if it were alone: the next file is imported only when every test of the previous one
 * has finished, so its module code and `before` hooks never run beside another file's tests; its root-level
 * `beforeEach`/`afterEach` hooks run for its own tests only; the environment it changed is put back; a file that
 * fails to load is reported as a failing test and the batch goes on. node's test runner runs a file's root-level
 * `after` hooks whenever the root's queue empties, that is, after that file's tests.
 * What the files share is what a process shares: loaded modules and their caches (the real engine in
 * tests/discord/bot-harness.ts, the converted word vectors).
 */
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Register = (...parameters: unknown[]) => unknown;
type Hook = (...parameters: unknown[]) => unknown;

// node:test's named exports follow its CommonJS object once syncBuiltinESMExports() is called.
const nodeTest = createRequire(import.meta.url)('node:test') as Record<string, unknown>;

/** Runs `files` (paths) in order in this process; each file's time is logged for the next run's order. */
export async function runBatch(files: readonly string[], durationsLog = process.env['FOOTNOTE_TEST_DURATIONS_LOG']): Promise<void> {
  let registered: Promise<unknown>[] = [];
  let running = '';

  // Every test and suite a file declares is awaited before the next file is imported.
  const tracked = (register: Register) => {
    const wrapper = (...parameters: unknown[]) => {
      const result = register(...parameters);
      if (result instanceof Promise) registered.push(result);
      return result;
    };
    for (const keyword of ['skip', 'todo', 'only'] as const) {
      const variant = (register as unknown as Record<string, unknown>)[keyword];
      if (typeof variant === 'function') Object.assign(wrapper, { [keyword]: tracked(variant as Register) });
    }
    return wrapper;
  };
  // A root-level beforeEach stays on the root for the whole process: it runs only for tests of the file that
  // declared it. The wrapper keeps the hook's arity (node reads it to tell a `done` callback).
  const ownFileOnly =
    (declare: Register) =>
    (hook: unknown, ...rest: unknown[]) => {
      if (typeof hook !== 'function') return declare(hook, ...rest);
      const owner = running;
      const wrapped = (...parameters: unknown[]) => (running === owner ? (hook as Hook)(...parameters) : undefined);
      Object.defineProperty(wrapped, 'length', { value: hook.length });
      return declare(wrapped, ...rest);
    };
  for (const name of ['test', 'it', 'describe', 'suite'] as const) nodeTest[name] = tracked(nodeTest[name] as Register);
  for (const name of ['beforeEach', 'afterEach'] as const) nodeTest[name] = ownFileOnly(nodeTest[name] as Register);
  syncBuiltinESMExports();
  const test = nodeTest['test'] as (name: string, run: () => void) => Promise<void>;

  for (const file of files) {
    const absolute = path.resolve(file);
    const environment = { ...process.env };
    running = absolute;
    const started = performance.now();
    try {
      await import(pathToFileURL(absolute).href);
    } catch (error) {
      void test(`${path.relative(process.cwd(), absolute)} loads`, () => {
        throw error;
      });
    }
    const waiting = registered;
    registered = [];
    await Promise.allSettled(waiting);
    restoreEnvironment(environment);
    if (durationsLog !== undefined) {
      try {
        appendFileSync(durationsLog, `${JSON.stringify({ file: absolute, ms: Math.round(performance.now() - started) })}\n`);
      } catch {
        // A lost figure only costs the next run its order.
      }
    }
  }
}

function restoreEnvironment(saved: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in saved)) Reflect.deleteProperty(process.env, key);
  for (const [key, value] of Object.entries(saved)) if (value !== undefined && process.env[key] !== value) process.env[key] = value;
}
