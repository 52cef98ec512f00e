/**
 * Conversation memory shared by every process on one database (issue #16): a follow-up in a channel is read
 * with the earlier turns whichever process answered them, and after a restart. Turns older than the
 * conversation's quiet period are not read, and are deleted now and then. The database failing never fails
 * an answer: the question is read on its own, and the turn is not remembered (logged).
 */
import type { Logger } from '../logger.js';
import type { PostgresDatabase } from './postgres.js';

/** conversation/conversation-store.ts's Turn as stored (database/ does not depend on conversation/). */
type StoredTurn = { readonly at: number };

export interface PostgresConversationMemoryOptions {
  readonly maxTurns: number;
  readonly ttlMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** Old turns are deleted on about one write in this many. */
const PRUNE_EVERY = 200;

export function postgresConversationMemory<Turn extends StoredTurn>(database: PostgresDatabase, options: PostgresConversationMemoryOptions) {
  const now = options.now ?? Date.now;
  let writes = 0;
  return {
    async history(id: string): Promise<readonly Turn[]> {
      try {
        // Named statements: prepared once per connection, not parsed and planned for every answer.
        const result = await database.pool.query<{ turn: Turn }>({
          name: 'footnote-conversation-history',
          text: 'SELECT turn FROM conversation_turns WHERE conversation_id = $1 AND at >= $2 ORDER BY at DESC, position DESC LIMIT $3',
          values: [id, now() - options.ttlMs, options.maxTurns],
        });
        return result.rows.map((row) => row.turn).reverse();
      } catch (error) {
        options.logger.warn('conversation memory unavailable; the question is read on its own', { error });
        return [];
      }
    },
    async record(id: string, turn: Omit<Turn, 'at'>): Promise<void> {
      const at = now();
      try {
        await database.pool.query({
          name: 'footnote-conversation-record',
          text: 'INSERT INTO conversation_turns (conversation_id, at, turn) VALUES ($1, $2, $3)',
          values: [id, at, JSON.stringify({ ...turn, at })],
        });
        writes += 1;
        if (writes % PRUNE_EVERY === 0) await database.pool.query('DELETE FROM conversation_turns WHERE at < $1', [at - options.ttlMs]);
      } catch (error) {
        options.logger.warn('conversation memory unavailable; this turn is not remembered', { error });
      }
    },
  };
}
