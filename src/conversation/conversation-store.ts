/**
 * Recent turns per conversation (a Discord channel or thread, a console session): bounded in turns
 * and in conversations, and forgotten after a quiet period.
 */
export interface Turn {
  readonly question: string;
  readonly standaloneQuestion: string;
  readonly answer: string;
  readonly abstained: boolean;
  readonly at: number;
  /** What the turn was about ("Zakharova"), for a later "she" or an ellipsis. */
  readonly subject?: string;
  /** The name a "who" question's answer gave ("Ilham Aliyev"), for a later "he", "she" or "they". */
  readonly person?: string;
  /** The paragraph the answer came from: a follow-up is first looked for there. */
  readonly answerParagraph?: { readonly documentId: string; readonly paragraph: number; readonly start?: number };
}

/**
 * What answering needs of a conversation memory: this process's (ConversationStore) or one shared by every
 * process on a database (database/postgres-conversation-memory.ts), where a promise comes back.
 */
export interface ConversationMemory {
  history(id: string): readonly Turn[] | Promise<readonly Turn[]>;
  record(id: string, turn: Omit<Turn, 'at'>): void | Promise<void>;
}

export interface ConversationStoreOptions {
  readonly maxTurns: number;
  readonly ttlMs: number;
  readonly maxConversations?: number;
  readonly now?: () => number;
}

export class ConversationStore implements ConversationMemory {
  private readonly conversations = new Map<string, Turn[]>();
  private readonly now: () => number;
  private readonly maxConversations: number;

  constructor(private readonly options: ConversationStoreOptions) {
    this.now = options.now ?? Date.now;
    this.maxConversations = options.maxConversations ?? 10_000;
  }

  /** Turns still remembered for `id`, oldest first. */
  history(id: string): readonly Turn[] {
    const turns = this.conversations.get(id);
    if (turns === undefined) return [];
    const fresh = turns.filter((turn) => this.now() - turn.at <= this.options.ttlMs);
    if (fresh.length === 0) this.conversations.delete(id);
    else if (fresh.length !== turns.length) this.conversations.set(id, fresh);
    return fresh;
  }

  record(id: string, turn: Omit<Turn, 'at'>): void {
    const turns = [...this.history(id), { ...turn, at: this.now() }].slice(-this.options.maxTurns);
    this.conversations.delete(id); // re-insert: Map order is least recently used first
    this.conversations.set(id, turns);
    while (this.conversations.size > this.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
  }

  forget(id: string): void {
    this.conversations.delete(id);
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Plain data for saving between command-line runs. */
  snapshot(): Record<string, Turn[]> {
    const entries = [...this.conversations.keys()].map((id): [string, Turn[]] => [id, [...this.history(id)]]);
    return Object.fromEntries(entries.filter(([, turns]) => turns.length > 0));
  }

  restore(snapshot: unknown): void {
    if (typeof snapshot !== 'object' || snapshot === null) return;
    for (const [id, turns] of Object.entries(snapshot as Record<string, unknown>)) {
      if (!Array.isArray(turns)) continue;
      const valid = (turns as unknown[]).filter((turn): turn is Turn => {
        const fields = turn as Partial<Record<keyof Turn, unknown>> | null;
        return (
          typeof fields?.question === 'string' &&
          typeof fields.standaloneQuestion === 'string' &&
          typeof fields.answer === 'string' &&
          typeof fields.at === 'number'
        );
      });
      if (valid.length > 0) this.conversations.set(id, valid.slice(-this.options.maxTurns));
    }
  }
}
