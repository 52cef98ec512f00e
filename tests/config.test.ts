/** src/config.ts: defaults, and every bad value reported at once with what it must be. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readConfig } from '../src/config.js';

test('GIVEN an empty environment THEN every setting has its default', () => {
  const config = readConfig({}, { cwd: '/work' });
  assert.equal(config.dataDir, '/work/data');
  assert.equal(config.databaseFile, '/work/data/footnote.sqlite');
  assert.equal(config.logLevel, 'info');
  assert.equal(config.logContent, false);
  assert.equal(config.llm, undefined);
  assert.deepEqual(config.conversation, { maxTurns: 6, ttlMs: 30 * 60_000 });
  assert.equal(config.discord.cooldownSeconds, 3);
  assert.deepEqual(config.discord.answerQueue, { maxWaiting: 500, concurrency: undefined });
  assert.equal(config.library.fetchTimeoutMs, 15_000);
});

test('GIVEN values with spaces, flags and a model server THEN they are read as meant', () => {
  const config = readConfig(
    {
      FOOTNOTE_CORPUS_DIR: ' texts ',
      LOG_CONTENT: 'yes',
      OPENAI_BASE_URL: ' http://localhost:11434/v1 ',
      LLM_TIMEOUT_MS: ' 2500 ',
      COOLDOWN_SECONDS: '0.5',
      ANSWER_QUEUE_MAX_WAITING: '40',
      ANSWER_CONCURRENCY: ' 2 ',
    },
    { cwd: '/work' },
  );
  assert.equal(config.corpusDir, '/work/texts');
  assert.equal(config.logContent, true);
  assert.deepEqual(config.llm, { apiKey: undefined, baseUrl: 'http://localhost:11434/v1', chatModel: 'gpt-4o-mini', timeoutMs: 2500 });
  assert.equal(config.discord.cooldownSeconds, 0.5);
  assert.deepEqual(config.discord.answerQueue, { maxWaiting: 40, concurrency: 2 });
});

test('GIVEN several bad values THEN one error names each key with what it must be', () => {
  assert.throws(
    () =>
      readConfig({
        LOG_LEVEL: 'loud',
        LOG_CONTENT: 'maybe',
        OPENAI_BASE_URL: 'not a url',
        LLM_TIMEOUT_MS: '0',
        GUILD_ID: 'abc',
        REPLY_MODE: 'dm',
        CONVERSATION_TURNS: '2.5',
        COOLDOWN_SECONDS: 'soon',
        ANSWER_QUEUE_MAX_WAITING: '0',
        ANSWER_CONCURRENCY: '1.5',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems, [
        'LOG_LEVEL: must be one of debug, info, warn, error, silent',
        'LOG_CONTENT: must be one of true, false, 1, 0, yes, no',
        'OPENAI_BASE_URL: must be a URL such as http://localhost:11434/v1',
        'LLM_TIMEOUT_MS: must be a whole number from 1',
        'GUILD_ID: must be a server (guild) id: digits only',
        'REPLY_MODE: must be one of thread, inline',
        'COOLDOWN_SECONDS: must be a number from 0',
        'ANSWER_QUEUE_MAX_WAITING: must be a whole number from 1',
        'ANSWER_CONCURRENCY: must be a whole number from 1',
        'CONVERSATION_TURNS: must be a whole number from 1',
      ]);
      return true;
    },
  );
});
