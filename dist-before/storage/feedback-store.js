/**
 * The SQLite file behind the 👍/👎 buttons. Each answer the bot gives is saved once, so a vote (possibly days
 * later, after restarts) is recorded with the question, answer and quotes it was about. WAL journal, full sync:
 * a vote that was acknowledged to the user is on disk.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLockBackOff } from './lock-back-off.js';
import { silentLogger } from '../logger.js';
const schema = `
CREATE TABLE IF NOT EXISTS answers (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  quotes TEXT NOT NULL,
  mode TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  channel_id TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
  answer_id TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  quotes TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
`;
/** Opens (creating if needed) the database. Throws when the file cannot be opened at all: see `unavailableFeedbackStore`. */
export function openFeedbackStore(options) {
    const logger = options.logger ?? silentLogger;
    mkdirSync(path.dirname(options.file), { recursive: true });
    const busyTimeoutMs = options.busyTimeoutMs ?? 500;
    const lockedBackOffMs = options.lockedBackOffMs ?? 10_000;
    const now = options.now ?? Date.now;
    const database = new Database(options.file, { timeout: busyTimeoutMs });
    try {
        database.pragma('journal_mode = WAL');
        database.pragma('synchronous = FULL');
        database.exec(schema);
    }
    catch (error) {
        database.close();
        throw error;
    }
    const insertAnswer = database.prepare(`INSERT OR REPLACE INTO answers (id, question, answer, quotes, mode, user_id, guild_id, channel_id, created_at)
     VALUES (@id, @question, @answer, @quotes, @mode, @userId, @guildId, @channelId, @createdAt)`);
    const selectAnswer = database.prepare('SELECT question, answer, quotes FROM answers WHERE id = ?');
    const upsertVote = database.prepare(`INSERT INTO feedback (answer_id, vote, question, answer, quotes, user_id, guild_id, created_at)
     VALUES (@answerId, @vote, @question, @answer, @quotes, @userId, @guildId, @createdAt)
     ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`);
    const selectFeedback = database.prepare('SELECT * FROM feedback ORDER BY created_at, rowid');
    const unavailable = (action, error) => {
        logger.error('feedback store failed', { action, error });
        return { ok: false, reason: 'unavailable', message: `the feedback database could not ${action}` };
    };
    const underBackOff = createLockBackOff({
        database,
        busyTimeoutMs,
        backOffMs: lockedBackOffMs,
        now,
        onLocked: (backOffMs) => logger.warn('feedback database is locked by another process; not waiting for it for a while', { backOffMs }),
    });
    const guarded = (action, work) => {
        try {
            return underBackOff(work);
        }
        catch (error) {
            return unavailable(action, error);
        }
    };
    return {
        saveAnswer(record) {
            return guarded('save the answer', () => {
                insertAnswer.run({
                    id: record.id,
                    question: record.question,
                    answer: record.answer,
                    quotes: JSON.stringify(record.quotes),
                    mode: record.mode,
                    userId: record.userId,
                    guildId: record.guildId ?? null,
                    channelId: record.channelId ?? null,
                    createdAt: record.createdAt.toISOString(),
                });
                return { ok: true, value: undefined };
            });
        },
        recordVote({ answerId, vote, userId, guildId, at }) {
            return guarded('record the vote', () => {
                const answer = selectAnswer.get(answerId);
                if (answer === undefined) {
                    return { ok: false, reason: 'unknown-answer', message: 'this answer is no longer on record' };
                }
                const row = { answerId, vote, ...answer, userId, guildId: guildId ?? null, createdAt: at.toISOString() };
                upsertVote.run(row);
                return { ok: true, value: { ...row, quotes: JSON.parse(answer.quotes), guildId } };
            });
        },
        listFeedback() {
            return guarded('read the feedback', () => {
                const rows = selectFeedback.all().map((row) => ({
                    answerId: row.answer_id,
                    vote: row.vote,
                    question: row.question,
                    answer: row.answer,
                    quotes: JSON.parse(row.quotes),
                    userId: row.user_id,
                    guildId: row.guild_id ?? undefined,
                    createdAt: row.created_at,
                }));
                return { ok: true, value: rows };
            });
        },
        close() {
            if (database.open)
                database.close();
        },
    };
}
/** Stands in when the database cannot be opened: the bot keeps answering and says votes are not saved. */
export function unavailableFeedbackStore(reason) {
    const failure = { ok: false, reason: 'unavailable', message: `the feedback database is unavailable (${reason})` };
    return {
        saveAnswer: () => failure,
        recordVote: () => failure,
        listFeedback: () => failure,
        close: () => undefined,
    };
}
//# sourceMappingURL=feedback-store.js.map