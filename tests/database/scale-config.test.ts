/** DATABASE_URL, SHARD_COUNT and SHARD_IDS: read in src/config.ts, refused clearly when wrong, the password never logged. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readConfig, secretsOf } from '../../src/config.js';

test('GIVEN no scale settings THEN the SQLite file is the store and one process runs every shard', () => {
  const config = readConfig({});
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.discord.shards, undefined);
});

test('GIVEN SHARD_COUNT alone THEN this process runs all its shards; with SHARD_IDS only those', () => {
  assert.deepEqual(readConfig({ SHARD_COUNT: '4' }).discord.shards, { count: 4, ids: [0, 1, 2, 3] });
  assert.deepEqual(readConfig({ SHARD_COUNT: '4', SHARD_IDS: '2, 3,3' }).discord.shards, { count: 4, ids: [2, 3] });
  // In a process started by `footnote start --shards`, discord.js's ShardingManager names the shard in SHARDS.
  assert.deepEqual(readConfig({ SHARD_COUNT: '2', SHARDS: '1' }).discord.shards, { count: 2, ids: [1] });
});

test('GIVEN shard settings that name no shard THEN every problem is reported with what to set', () => {
  assert.throws(
    () => readConfig({ SHARD_IDS: '0' }),
    (error: unknown) => error instanceof ConfigError && /SHARD_IDS: set SHARD_COUNT too/u.test(error.message),
  );
  assert.throws(
    () => readConfig({ SHARD_COUNT: '2', SHARD_IDS: '1,2,5' }),
    (error: unknown) => error instanceof ConfigError && /SHARD_IDS: 2, 5 not below SHARD_COUNT \(2\); shards are numbered 0 to 1/u.test(error.message),
  );
  assert.throws(
    () => readConfig({ SHARD_COUNT: 'two', SHARD_IDS: 'first', DATABASE_URL: 'mysql://db/footnote' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 3 &&
      /DATABASE_URL: must be a PostgreSQL URL such as postgres:/u.test(error.message) &&
      /SHARD_COUNT: must be the total number of shards/u.test(error.message) &&
      /SHARD_IDS: must be the shards this process runs/u.test(error.message),
  );
});

test('GIVEN DATABASE_URL with a password THEN the URL and the password are secrets masked in logs', () => {
  const config = readConfig({ DATABASE_URL: 'postgres://footnote:s3cr%40t-pass@db.example:5432/footnote' });
  assert.equal(config.databaseUrl, 'postgres://footnote:s3cr%40t-pass@db.example:5432/footnote');
  const secrets = secretsOf(config);
  assert.ok(secrets.includes('s3cr@t-pass'));
  assert.ok(secrets.includes('s3cr%40t-pass'));
  assert.ok(secrets.includes('postgres://footnote:s3cr%40t-pass@db.example:5432/footnote'));
});
