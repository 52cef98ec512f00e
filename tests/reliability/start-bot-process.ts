/** Starts tests/reliability/bot-process.ts against a fake Discord: the bot in a process of its own, as in production. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { FakeDiscord } from '../fakes/fake-discord.js';
import { repositoryRoot } from '../discord/bot-harness.js';
import type { BotProcessCommand, BotProcessMessage } from './bot-process.js';

export interface BotProcess {
  /** The process id, for reading its CPU time from /proc (cpu-accounting.ts). */
  readonly pid: number;
  /** Memory after garbage collection, and how many REST handlers discord.js holds. */
  measure(): Promise<{ readonly heapUsedBytes: number; readonly rssBytes: number; readonly restHandlers: number }>;
  /** Shuts down as on SIGTERM: answers in flight are finished first. */
  stop(): Promise<void>;
  /** Ends the process with SIGKILL, as a crash or the OOM killer would: nothing is finished or closed. */
  kill(): Promise<void>;
  /** The end of the bot's log (stderr), for failure messages. */
  log(): string;
}

/**
 * `environment` goes over production defaults (a database file in `folder`, LOG_LEVEL=warn); `nodeFlags` are
 * given to node (e.g. V8's heap sizes, for the load test's experiments).
 */
export async function startBotProcess(
  fake: FakeDiscord,
  folder: string,
  environment: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
): Promise<BotProcess> {
  const child = spawn(process.execPath, [...nodeFlags, '--expose-gc', '--import', 'tsx', path.join(repositoryRoot, 'tests/reliability/bot-process.ts')], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      FOOTNOTE_DB: path.join(folder, `footnote-${Date.now()}.sqlite`),
      LOG_LEVEL: 'warn',
      ...environment,
    },
  });
  // Its waits for a CPU are the machine's business, not the bot's: they do not count against its deadlines.
  if (child.pid !== undefined) fake.watchProcess(child.pid);
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-8000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const next = <K extends BotProcessMessage['kind']>(kind: K) =>
    new Promise<Extract<BotProcessMessage, { kind: K }>>((resolve, reject) => {
      const onMessage = (message: BotProcessMessage) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        resolve(message as Extract<BotProcessMessage, { kind: K }>);
      };
      child.on('message', onMessage);
      void exited.then((code) => reject(new Error(`the bot process exited (${code}) before "${kind}":\n${log}`)));
    });
  const command = (message: BotProcessCommand) => child.send(message);
  await next('ready');
  let stopped: Promise<void> | undefined;
  return {
    pid: child.pid ?? 0,
    async measure() {
      const reply = next('memory');
      command({ kind: 'measure' });
      return reply;
    },
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.connected) command({ kind: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    log: () => log,
  };
}
