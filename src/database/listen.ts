/**
 * LISTEN on one PostgreSQL channel over a connection of its own, kept open: when the server goes away the
 * listener reconnects with a growing pause, and says so (`onReconnected`), since notifications sent while
 * it was away are lost and the caller must catch up another way.
 */
import pg from 'pg';
import type { Logger } from '../logger.js';

export interface ListenOptions {
  readonly url: string;
  readonly channel: string;
  readonly logger: Logger;
  readonly onNotification: (payload: string) => void;
  /** After a reconnection (not the first connection): what was missed must be caught up. */
  readonly onReconnected?: () => void;
  /** Pauses between attempts grow from this to 30 s (default 500 ms). */
  readonly firstRetryMs?: number;
}

export interface Listener {
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function listen(options: ListenOptions): Listener {
  const { logger } = options;
  let client: pg.Client | undefined;
  let closed = false;
  let attempts = 0;
  let timer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const retry = () => {
    if (closed) return;
    const pauseMs = Math.min(30_000, (options.firstRetryMs ?? 500) * 2 ** Math.min(attempts, 6));
    attempts += 1;
    timer = setTimeout(() => void connect(), pauseMs);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
    next.on('error', (error) => logger.warn('database listener lost its connection; reconnecting', { channel: options.channel, error: error.message }));
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      if (client === next) client = undefined;
      retry();
    };
    next.on('end', lost);
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotification(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(options.channel)}`);
    } catch (error) {
      logger.warn('database listener could not connect; trying again', { channel: options.channel, error });
      await next.end().catch(() => undefined);
      lost();
      return;
    }
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    if (attempts > 0) {
      logger.info('database listener reconnected', { channel: options.channel });
      options.onReconnected?.();
    }
    attempts = 0;
    markReady();
  };
  void connect();

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      if (current !== undefined) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}
