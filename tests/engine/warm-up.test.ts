/**
 * The warm-up a bot does before its first question (engine.warmUp): it leaves no trace a member could notice —
 * the same answers as an engine that never warmed up, and nothing remembered in a conversation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import { temporaryFolder, testConfig } from '../helpers/test-config.js';

test('GIVEN a warmed-up engine THEN it answers exactly as a cold one, and a conversation starts with no earlier turn', async (t) => {
  const data = temporaryFolder('warm-up');
  t.after(() => data.remove());
  const config = testConfig({ FOOTNOTE_DATA_DIR: data.path });
  const cold = await openEngine(config);
  const warm = await openEngine(config);
  await warm.warmUp();
  for (const question of ['Why did Baku close the Russian House?', 'What’s the author’s name?', 'Who apologised for it?']) {
    const [fromCold, fromWarm] = [await cold.ask(question, { conversationId: 'c1' }), await warm.ask(question, { conversationId: 'c1' })];
    assert.deepEqual(fromWarm, fromCold, question);
  }
});
