import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { createDiscordApiValidator, discordSpecMissingMessage, loadDiscordOpenApi, type DiscordApiValidator } from '../fakes/discord-openapi.js';
import { temporaryFolder } from '../helpers/test-config.js';

const validator = loadDiscordOpenApi();
const skip = validator === undefined ? discordSpecMissingMessage : false;

function assertJudgesBodies(validator: DiscordApiValidator): void {
  const edit = '/webhooks/1234567890123456789/token/messages/@original';
  assert.deepEqual(validator.validate('PATCH', edit, { embeds: [{ title: 'ok', description: 'fine' }], allowed_mentions: { parse: [] } }), []);
  assert.deepEqual(validator.validate('POST', '/interactions/1234567890123456789/token/callback', { type: 5, data: { flags: 64 } }), []);
  assert.match(
    validator.validate('PATCH', edit, { embeds: [{ title: 'x'.repeat(257) }] }).join('\n'),
    /\/embeds\/0\/title must NOT have more than 256 characters/,
  );
  assert.match(validator.validate('PATCH', edit, { embeds: [{ description: 'x'.repeat(4097) }] }).join('\n'), /description must NOT have more than 4096/);
  assert.match(validator.validate('PATCH', edit, { content: 'x'.repeat(2001) }).join('\n'), /content must NOT have more than 2000/);
  assert.notDeepEqual(validator.validate('PATCH', edit, { allowed_mentions: { parse: ['bogus'] } }), []);
  // A format the spec adds (snowflake) is checked too.
  assert.match(
    validator.validate('POST', '/channels/1234567890123456789/messages', { content: 'x', message_reference: { message_id: 'abc' } }).join('\n'),
    /message_id must match format "snowflake"/,
  );
  assert.match(validator.validate('DELETE', '/gateway/bot', undefined).join('\n'), /DELETE is not allowed/);
  assert.match(validator.validate('GET', '/no/such/route', undefined).join('\n'), /not in Discord's API description/);
}

test("GIVEN Discord's API description THEN the validator accepts good bodies and names what is wrong with bad ones", { skip }, () => {
  assert.ok(validator);
  assertJudgesBodies(validator);
});

test('GIVEN validators compiled once and kept THEN a later process, loading them from the cache, judges every body the same', { skip }, (t) => {
  const cache = temporaryFolder('discord-validators');
  t.after(() => cache.remove());
  assertJudgesBodies(createDiscordApiValidator({ cacheFolder: cache.path }));
  assert.equal(readdirSync(cache.path).filter((name) => name.endsWith('.cjs')).length, 3, 'one file per route and body type compiled');
  assertJudgesBodies(createDiscordApiValidator({ cacheFolder: cache.path }));
});
