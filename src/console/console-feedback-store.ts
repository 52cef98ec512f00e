import type { AsyncFeedbackStore } from '../storage/feedback-store.js';

/** The console has no vote buttons: answers need not be kept for them. */
export const consoleFeedbackStore: AsyncFeedbackStore = {
  saveAnswer: async () => ({ ok: true, value: undefined }),
  recordVote: async () => ({ ok: false, reason: 'unknown-answer', message: 'votes are only taken in Discord' }),
  listFeedback: async () => ({ ok: true, value: [] }),
  close: async () => undefined,
};
