/**
 * The PostgreSQL schema, as numbered steps applied in order at start. Each step runs in its own transaction
 * and is recorded in `footnote_migrations`; an advisory lock makes two processes starting together apply
 * each step once. A database whose schema is newer than this code knows is refused (an older footnote must
 * not write into tables it does not understand).
 */
import type { PoolClient } from 'pg';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'feedback, quiz answers and review cards, server libraries',
    sql: `
CREATE TABLE answers (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  quotes TEXT NOT NULL,
  mode TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  channel_id TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE feedback (
  answer_id TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  quotes TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  position BIGSERIAL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE TABLE study_answers (
  guild_id TEXT NOT NULL,
  quiz_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  choice_index INTEGER NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at BIGINT NOT NULL,
  PRIMARY KEY (guild_id, quiz_id, question_id, member_id)
);
CREATE INDEX study_answers_by_member ON study_answers (guild_id, member_id);
CREATE TABLE study_reviews (
  member_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  question TEXT NOT NULL,
  document_id TEXT,
  easiness DOUBLE PRECISION NOT NULL,
  repetitions INTEGER NOT NULL,
  interval_days DOUBLE PRECISION NOT NULL,
  due_at BIGINT NOT NULL,
  lapses INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  reviewed_at BIGINT,
  PRIMARY KEY (member_id, question_id)
);
CREATE INDEX study_reviews_due ON study_reviews (member_id, due_at);
CREATE INDEX study_reviews_by_document ON study_reviews (document_id);
CREATE TABLE library_documents (
  library_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  title TEXT NOT NULL,
  format TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_url TEXT,
  content_hash TEXT NOT NULL,
  original BYTEA NOT NULL,
  original_bytes BIGINT NOT NULL,
  text TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (library_id, document_id),
  UNIQUE (library_id, content_hash)
);
CREATE TABLE library_settings (
  library_id TEXT PRIMARY KEY,
  editor_role_id TEXT
);
`,
  },
  {
    version: 2,
    description: 'passage embeddings by model and text, shared by the processes that build library indexes',
    sql: `
CREATE TABLE passage_embeddings (
  model TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  vector BYTEA NOT NULL,
  PRIMARY KEY (model, text_hash)
);
`,
  },
  {
    version: 3,
    description: 'conversation memory shared by the processes (follow-ups)',
    sql: `
CREATE TABLE conversation_turns (
  conversation_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  position BIGSERIAL,
  turn JSONB NOT NULL,
  PRIMARY KEY (conversation_id, position)
);
CREATE INDEX conversation_turns_by_time ON conversation_turns (conversation_id, at);
`,
  },
];

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database's schema is version ${found}, but this footnote knows versions up to ${known}: a newer footnote has upgraded it. ` +
        'Run the newer footnote here too (every process sharing DATABASE_URL must be the same version or newer), or point DATABASE_URL at another database.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** An arbitrary constant: the advisory lock key that serialises migrations between processes. */
const MIGRATION_LOCK = 1_612_016;

/** Applies the missing steps; returns the versions applied now (empty when the schema was current). */
export async function applyMigrations(client: PoolClient, known: readonly Migration[] = migrations): Promise<number[]> {
  const latest = known.at(-1)?.version ?? 0;
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS footnote_migrations (
      version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM footnote_migrations');
    const current = result.rows[0]?.version ?? 0;
    if (current > latest) throw new SchemaTooNewError(current, latest);
    const applied: number[] = [];
    for (const migration of known.filter((step) => step.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO footnote_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
