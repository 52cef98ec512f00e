/** What every feedback store does, whichever database is behind it (run by tests/database/store-contracts.test.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AsyncFeedbackStore } from '../../../src/storage/feedback-store.js';

const quote = { text: 'Baku closed the Russian House.', documentId: 'a.txt', documentTitle: 'A', section: 'Intro', paragraph: 2, start: 10, end: 40 };

export function feedbackContract(open: () => Promise<AsyncFeedbackStore>): void {
  test('GIVEN a saved answer THEN a vote records its question and quotes, and voting again replaces the vote', async () => {
    const store = await open();
    const saved = await store.saveAnswer({
      id: 'answer-1',
      question: 'Why was the Russian House closed?',
      answer: 'Because of intelligence activities.',
      quotes: [quote],
      mode: 'extractive',
      userId: 'ana',
      guildId: 'g1',
      channelId: 'c1',
      createdAt: new Date('2026-01-01T10:00:00Z'),
    });
    assert.equal(saved.ok, true);
    const first = await store.recordVote({ answerId: 'answer-1', vote: 'down', userId: 'ben', guildId: 'g1', at: new Date('2026-01-01T10:01:00Z') });
    assert.ok(first.ok);
    assert.equal(first.value.question, 'Why was the Russian House closed?');
    assert.deepEqual(first.value.quotes, [quote]);
    await store.recordVote({ answerId: 'answer-1', vote: 'up', userId: 'ben', guildId: 'g1', at: new Date('2026-01-01T10:02:00Z') });
    await store.recordVote({ answerId: 'answer-1', vote: 'up', userId: 'cy', guildId: undefined, at: new Date('2026-01-01T10:03:00Z') });
    const listed = await store.listFeedback();
    assert.ok(listed.ok);
    assert.deepEqual(
      listed.value.map((row) => [row.userId, row.vote, row.guildId, row.createdAt, row.answer]),
      [
        ['ben', 'up', 'g1', '2026-01-01T10:02:00.000Z', 'Because of intelligence activities.'],
        ['cy', 'up', undefined, '2026-01-01T10:03:00.000Z', 'Because of intelligence activities.'],
      ],
    );
  });

  test('GIVEN a vote on an answer never saved THEN it is refused as unknown and nothing is listed', async () => {
    const store = await open();
    const outcome = await store.recordVote({ answerId: 'nowhere', vote: 'up', userId: 'ana', guildId: 'g1', at: new Date() });
    assert.deepEqual(outcome, { ok: false, reason: 'unknown-answer', message: 'this answer is no longer on record' });
    const listed = await store.listFeedback();
    assert.ok(listed.ok);
    assert.deepEqual(listed.value, []);
  });
}
