/**
 * A click on a review or self-grade button when the card or the scores database is not there: the member is told
 * so (never a thrown error), and a database failure is logged. The happy paths run in tests/console/study-console.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { CommandServices } from '../../src/commands/command.js';
import { gradeButtonId, reviewButtonId } from '../../src/commands/custom-ids.js';
import { pressButton } from '../../src/commands/press-button.js';
import { consoleFeedbackStore } from '../../src/console/console-feedback-store.js';
import { createLogger } from '../../src/logger.js';
import { asyncStudyStore } from '../../src/study/async-study-store.js';
import { StudyStore } from '../../src/study/study-store.js';
import { realEngine } from '../discord/bot-harness.js';

const card = { questionId: '0123456789abcdef', version: 1 };
const request = (customId: string) => ({ customId, user: { id: 'member', name: 'Member' }, guildId: undefined, messageId: 'm1' });

test('GIVEN review and grade clicks THEN a missing card, a missing database and a failing one each get their own answer', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-press-button-'));
  const store = new StudyStore(path.join(folder, 'footnote.sqlite'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const logged: string[] = [];
  const services: CommandServices = {
    engine: await realEngine(),
    feedback: consoleFeedbackStore,
    study: asyncStudyStore(store),
    logger: createLogger({ level: 'error', write: (line) => void logged.push(line) }),
    now: () => new Date('2026-01-01T00:00:00Z'),
    newId: () => 'id',
  };
  const review = request(reviewButtonId(card, 0));
  const grade = request(gradeButtonId(card, 5, 2.5));

  for (const click of [review, grade]) {
    assert.deepEqual(await pressButton(click, services), {
      kind: 'error',
      text: 'This question is not in your review list any more. Run /review for the cards due now.',
    });
  }
  assert.deepEqual(await pressButton(review, { ...services, study: undefined }), {
    kind: 'error',
    text: 'Reviews are unavailable just now: the scores database could not be opened.',
  });

  store.close();
  assert.deepEqual(await pressButton(review, services), { kind: 'error', text: 'Your review could not be recorded just now; try again in a moment.' });
  assert.deepEqual(await pressButton(grade, services), { kind: 'error', text: 'Your grade could not be recorded just now; try again in a moment.' });
  assert.deepEqual(
    logged.map((line) => (JSON.parse(line) as { message: string }).message),
    ['review answer not recorded', 'review grade not recorded'],
  );
});
