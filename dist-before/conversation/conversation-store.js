export class ConversationStore {
    options;
    conversations = new Map();
    now;
    maxConversations;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.maxConversations = options.maxConversations ?? 10_000;
    }
    /** Turns still remembered for `id`, oldest first. */
    history(id) {
        const turns = this.conversations.get(id);
        if (turns === undefined)
            return [];
        const fresh = turns.filter((turn) => this.now() - turn.at <= this.options.ttlMs);
        if (fresh.length === 0)
            this.conversations.delete(id);
        else if (fresh.length !== turns.length)
            this.conversations.set(id, fresh);
        return fresh;
    }
    record(id, turn) {
        const turns = [...this.history(id), { ...turn, at: this.now() }].slice(-this.options.maxTurns);
        this.conversations.delete(id); // re-insert: Map order is least recently used first
        this.conversations.set(id, turns);
        while (this.conversations.size > this.maxConversations) {
            const oldest = this.conversations.keys().next().value;
            if (oldest === undefined)
                break;
            this.conversations.delete(oldest);
        }
    }
    forget(id) {
        this.conversations.delete(id);
    }
    get size() {
        return this.conversations.size;
    }
    /** Plain data for saving between command-line runs. */
    snapshot() {
        const entries = [...this.conversations.keys()].map((id) => [id, [...this.history(id)]]);
        return Object.fromEntries(entries.filter(([, turns]) => turns.length > 0));
    }
    restore(snapshot) {
        if (typeof snapshot !== 'object' || snapshot === null)
            return;
        for (const [id, turns] of Object.entries(snapshot)) {
            if (!Array.isArray(turns))
                continue;
            const valid = turns.filter((turn) => {
                const fields = turn;
                return (typeof fields?.question === 'string' &&
                    typeof fields.standaloneQuestion === 'string' &&
                    typeof fields.answer === 'string' &&
                    typeof fields.at === 'number');
            });
            if (valid.length > 0)
                this.conversations.set(id, valid.slice(-this.options.maxTurns));
        }
    }
}
//# sourceMappingURL=conversation-store.js.map