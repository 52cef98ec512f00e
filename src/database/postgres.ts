/**
 * The shared PostgreSQL database (DATABASE_URL): one connection pool per process, the schema brought up to
 * date at open, and a transaction helper. The stores (storage/, study/, library/) take this and keep their
 * own SQL; closing it is the owner's job, not a store's.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger.js';
import { applyMigrations } from './migrations.js';

export interface PostgresDatabase {
  readonly pool: Pool;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenPostgresOptions {
  readonly url: string;
  readonly logger: Logger;
  /** Connections per process (default 10). */
  readonly maxConnections?: number;
  /**
   * How long a query waits for a connection. Short: while the database is down a store must fail fast so
   * the bot still answers inside Discord's 3 seconds and says what could not be saved.
   */
  readonly connectTimeoutMs?: number;
}

const INT8 = 20;

/** BIGINT columns (ms timestamps, counts) come back as numbers: every value footnote stores fits in 2^53. */
type ParserLookup = (oid: number, format?: 'text' | 'binary') => (value: string) => unknown;
const defaultParser = pg.types.getTypeParser as ParserLookup;
const parserFor: ParserLookup = (oid, format) => (oid === INT8 && format !== 'binary' ? Number : defaultParser(oid, format));
const types = { getTypeParser: parserFor as typeof pg.types.getTypeParser };

/** Connects, applies the migrations this code knows, and refuses a schema newer than it knows. */
export async function openPostgres(options: OpenPostgresOptions): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    types,
  });
  // An idle connection dropped by a restarting server is an event, not a crash: the pool makes a new one.
  pool.on('error', (error) => options.logger.warn('database connection lost; reconnecting on next use', { error: error.message }));
  try {
    const client = await pool.connect();
    try {
      const applied = await applyMigrations(client);
      if (applied.length > 0) options.logger.info('database schema upgraded', { versions: applied });
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    pool,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
