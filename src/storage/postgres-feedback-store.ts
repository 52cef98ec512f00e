/**
 * The 👍/👎 store in the shared PostgreSQL database: the same contract as the SQLite one (feedback-store.ts),
 * so every process of a sharded bot records votes on answers any other process gave.
 */
import type { Quote } from '../corpus/citation.js';
import type { PostgresDatabase } from '../database/postgres.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { feedbackRowOf, type AsyncFeedbackStore, type FeedbackColumns, type FeedbackRow, type StoreResult } from './feedback-store.js';

export function postgresFeedbackStore(database: PostgresDatabase, options: { logger?: Logger } = {}): AsyncFeedbackStore {
  const logger = options.logger ?? silentLogger;
  const guarded = async <T>(action: string, work: () => Promise<StoreResult<T>>): Promise<StoreResult<T>> => {
    try {
      return await work();
    } catch (error) {
      logger.error('feedback store failed', { action, error });
      return { ok: false, reason: 'unavailable', message: `the feedback database could not ${action}` };
    }
  };
  return {
    saveAnswer(record) {
      return guarded('save the answer', async () => {
        // Named: prepared once per connection, not parsed and planned for every answer.
        await database.pool.query({
          name: 'footnote-save-answer',
          text: `INSERT INTO answers (id, question, answer, quotes, mode, user_id, guild_id, channel_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET question = excluded.question, answer = excluded.answer, quotes = excluded.quotes,
             mode = excluded.mode, user_id = excluded.user_id, guild_id = excluded.guild_id, channel_id = excluded.channel_id,
             created_at = excluded.created_at`,
          values: [
            record.id,
            record.question,
            record.answer,
            JSON.stringify(record.quotes),
            record.mode,
            record.userId,
            record.guildId ?? null,
            record.channelId ?? null,
            record.createdAt,
          ],
        });
        return { ok: true, value: undefined };
      });
    },
    recordVote({ answerId, vote, userId, guildId, at }) {
      return guarded('record the vote', async () => {
        // One statement: the answer is read and the vote written together, whichever process gave the answer.
        const result = await database.pool.query<{ question: string; answer: string; quotes: string }>(
          `INSERT INTO feedback (answer_id, vote, question, answer, quotes, user_id, guild_id, created_at)
           SELECT id, $2, question, answer, quotes, $3, $4, $5 FROM answers WHERE id = $1
           ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at
           RETURNING question, answer, quotes`,
          [answerId, vote, userId, guildId ?? null, at],
        );
        const row = result.rows[0];
        if (row === undefined) return { ok: false, reason: 'unknown-answer', message: 'this answer is no longer on record' };
        const value: FeedbackRow = {
          answerId,
          vote,
          question: row.question,
          answer: row.answer,
          quotes: JSON.parse(row.quotes) as Quote[],
          userId,
          guildId,
          createdAt: at.toISOString(),
        };
        return { ok: true, value };
      });
    },
    listFeedback() {
      return guarded('read the feedback', async () => {
        const result = await database.pool.query<FeedbackColumns & { created_at: Date }>('SELECT * FROM feedback ORDER BY created_at, position');
        return { ok: true, value: result.rows.map((row) => feedbackRowOf({ ...row, created_at: row.created_at.toISOString() })) };
      });
    },
    // The pool belongs to whoever opened the database.
    async close() {},
  };
}
