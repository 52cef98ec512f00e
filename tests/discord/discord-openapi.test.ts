import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discordSpecMissingMessage, loadDiscordOpenApi } from '../fakes/discord-openapi.js';

const validator = loadDiscordOpenApi();
const skip = validator === undefined ? discordSpecMissingMessage : false;

test("GIVEN Discord's API description THEN the validator accepts good bodies and names what is wrong with bad ones", { skip }, () => {
  assert.ok(validator);
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
  assert.match(validator.validate('DELETE', '/gateway/bot', undefined).join('\n'), /DELETE is not allowed/);
  assert.match(validator.validate('GET', '/no/such/route', undefined).join('\n'), /not in Discord's API description/);
});
