import assert from 'node:assert/strict';
import { test } from 'node:test';
import { permissionBits } from '../fakes/fake-discord.js';
import { assertNoPings, assertValidRequests, customIds, embedText, engineCountingRebuilds, startHarness, waitForAnswer } from './bot-harness.js';

const ephemeral = 64;

test('GIVEN /ask about the article THEN the bot defers within 3 s and edits @original with the cited quote', async (t) => {
  const { fake } = await startHarness(t);
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });

  const callback = await fake.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
  assert.equal((callback.body as { type: number }).type, 5, 'a deferred "thinking…" response');
  const delay = fake.acknowledgementDelayMs(interaction);
  assert.ok(delay !== undefined && delay < 3_000, `deferred after ${delay} ms of the bot's own time`);
  assert.equal(callback.status, 204);

  const { original } = await waitForAnswer(fake, interaction);
  const text = embedText(original);
  const [firstLine, citationLine] = text.split('\n');
  assert.match(firstLine ?? '', /^\*\*.*accused of facilitating Russian intelligence activities in Baku.*\*\*$/, 'the answer comes first, whole, in bold');
  assert.match(citationLine ?? '', /^— Symbolic actions and the reduction of Russian cultural influence · ¶ 10 · characters \d+–\d+$/, 'then where it stands');
  assert.equal(text.split('accused of facilitating').length, 2, 'the answering sentence is shown once, not again as a quote');
  assert.match(text, /Q: Why did Baku close the Russian House\?/, 'the question is named under the answer');
  assert.match(text, /Answered offline/, 'the footer says which mode answered');
  const ids = customIds(original);
  assert.ok(
    ids.some((id) => id.startsWith('fn:p:10:')),
    `a Show ¶ 10 button in ${ids.join(', ')}`,
  );
  assert.ok(ids.some((id) => id.startsWith('fn:v:up:')) && ids.some((id) => id.startsWith('fn:v:down:')), 'vote buttons');
  assert.deepEqual((original['allowed_mentions'] as { parse: unknown[] }).parse, []);
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN /ask private:true THEN the deferred answer is ephemeral', async (t) => {
  const { fake } = await startHarness(t);
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'How many people died when the Azal plane crashed?', private: true } });
  const callback = await fake.waitForRequest((request) => request.path.endsWith(`/${interaction.token}/callback`));
  assert.deepEqual(callback.body, { type: 5, data: { flags: ephemeral } });
  const { original } = await waitForAnswer(fake, interaction);
  assert.match(embedText(original), /67 people/);
  assertValidRequests(fake);
});

test('GIVEN an empty-looking question THEN the error is short and only the asker sees it', async (t) => {
  const { fake } = await startHarness(t);
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: '   ?!  ' } });
  const followUp = await fake.waitForRequest(
    (request) => request.method === 'POST' && request.path.startsWith(`/webhooks/${fake.applicationId}/${interaction.token}`),
  );
  const body = followUp.body as { content: string; flags: number };
  assert.equal(body.flags & ephemeral, ephemeral);
  assert.ok(body.content.length > 0 && body.content.length < 200, body.content);
  assert.ok(
    fake.requestsFor(interaction).some((request) => request.method === 'DELETE'),
    'the public "thinking…" is removed',
  );
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN /about and /help THEN they answer at once (type 4), privately, with the corpus and index facts', async (t) => {
  const { fake, engine } = await startHarness(t);
  const about = fake.sendSlashCommand({ name: 'about' });
  const help = fake.sendSlashCommand({ name: 'help' });
  const aboutCallback = await fake.waitForRequest((request) => request.path.endsWith(`/${about.token}/callback`));
  const helpCallback = await fake.waitForRequest((request) => request.path.endsWith(`/${help.token}/callback`));
  const aboutBody = aboutCallback.body as { type: number; data: Record<string, unknown> & { flags: number } };
  assert.equal(aboutBody.type, 4);
  assert.equal(aboutBody.data.flags, ephemeral);
  const aboutText = embedText(aboutBody.data);
  assert.match(aboutText, /How Baku is playing with fire/);
  assert.match(aboutText, new RegExp(`${engine.index.chunks} passages`));
  assert.match(aboutText, /up to date with the text/);
  assert.match(embedText((helpCallback.body as { data: Record<string, unknown> }).data), /\/ask question/);
  assertValidRequests(fake);
});

test('GIVEN /summary with autocomplete THEN section names are offered and the summary quotes that section', async (t) => {
  const { fake } = await startHarness(t);
  const typing = fake.sendAutocomplete({ name: 'summary', focused: 'section', value: 'symbolic' });
  const choices = await fake.waitForRequest((request) => request.path.endsWith(`/${typing.token}/callback`));
  assert.deepEqual(choices.body, {
    type: 8,
    data: {
      choices: [
        { name: 'Symbolic actions and the reduction of Russian cultural influence', value: 'Symbolic actions and the reduction of Russian cultural influence' },
      ],
    },
  });

  const summary = fake.sendSlashCommand({
    name: 'summary',
    options: { section: 'Symbolic actions and the reduction of Russian cultural influence', length: 'long' },
  });
  const { original } = await waitForAnswer(fake, summary);
  const text = embedText(original);
  assert.match(text, /Key points: Symbolic actions/);
  assert.match(text, /> The cancellation of all Russian-related cultural programs/);
  assertValidRequests(fake);
});

test('GIVEN /passage by number, by search and out of range THEN full paragraphs, cited, or a private error', async (t) => {
  const { fake, engine } = await startHarness(t);
  const byNumber = fake.sendSlashCommand({ name: 'passage', options: { paragraph: 10 } });
  const paragraphTen = engine.paragraphs().find((paragraph) => paragraph.number === 10);
  assert.ok(paragraphTen);
  const { original } = await waitForAnswer(fake, byNumber);
  assert.ok(
    embedText(original).includes('closure of the Russian House \\(Rossotrudnichestvo\\) office') ||
      embedText(original).includes('closure of the Russian House (Rossotrudnichestvo) office'),
  );
  assert.match(embedText(original), /¶ 10/);

  // Only paragraphs that hold every word searched for, the words in bold.
  const bySearch = fake.sendSlashCommand({ name: 'passage', options: { search: 'Zakharova' } });
  const searched = embedText((await waitForAnswer(fake, bySearch)).original);
  assert.match(searched, /^The paragraph with “Zakharova”/);
  assert.match(searched, /\*\*Zakharova\*\*/);
  const holding = engine.paragraphs().filter((paragraph) => paragraph.number > 0 && paragraph.text.includes('Zakharova'));
  assert.equal(holding.length, 1);
  assert.equal(searched.match(/— [^\n]*¶ \d+/g)?.length, 1, 'one paragraph, not three where two lack the word');
  const twoWords = fake.sendSlashCommand({ name: 'passage', options: { search: 'Sputnik staff' } });
  const both = embedText((await waitForAnswer(fake, twoWords)).original);
  assert.match(both, /\*\*Sputnik’s\*\*/);
  assert.match(both, /\*\*staff\*\*/);
  const nowhere = fake.sendSlashCommand({ name: 'passage', options: { search: 'Zakharova plov' } });
  const none = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${fake.applicationId}/${nowhere.token}`);
  assert.match((none.body as { content: string }).content, /No paragraph holds all of “Zakharova plov”/);

  const outOfRange = fake.sendSlashCommand({ name: 'passage', options: { paragraph: 999 } });
  const error = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${fake.applicationId}/${outOfRange.token}`);
  assert.match((error.body as { content: string }).content, /no ¶ 999/);
  assert.equal((error.body as { flags: number }).flags, ephemeral);
  assertValidRequests(fake);
});

test('GIVEN /reindex from a member without Manage Server THEN it is refused by the bot and nothing is rebuilt', async (t) => {
  const { engine, rebuilds } = await engineCountingRebuilds();
  const { fake } = await startHarness(t, { engine });

  const refused = fake.sendSlashCommand({ name: 'reindex', permissions: permissionBits.sendMessages });
  const refusal = await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(`/${refused.token}/messages/@original`));
  assert.match((refusal.body as { content: string }).content, /Only members with Manage Server/);
  const refusedCallback = fake.requestsFor(refused).find((request) => request.path.endsWith('/callback'));
  assert.deepEqual(refusedCallback?.body, { type: 5, data: { flags: ephemeral } });
  assert.equal(rebuilds(), 0);

  const allowed = fake.sendSlashCommand({ name: 'reindex', user: fake.moderator, permissions: permissionBits.sendMessages | permissionBits.manageGuild });
  const { original } = await waitForAnswer(fake, allowed);
  assert.match(embedText(original), /Index rebuilt/);
  assert.equal(rebuilds(), 1);
  assertValidRequests(fake);
});

test('GIVEN a cooldown THEN a second quick /ask gets a friendly private note instead of an answer', async (t) => {
  const { fake } = await startHarness(t, { environment: { COOLDOWN_SECONDS: '30' } });
  const first = fake.sendSlashCommand({ name: 'ask', options: { question: 'Who were the two men who died in Yekaterinburg?' } });
  await waitForAnswer(fake, first);
  const second = fake.sendSlashCommand({ name: 'ask', options: { question: 'Who wrote the article?' } });
  const callback = await fake.waitForRequest((request) => request.path.endsWith(`/${second.token}/callback`));
  const body = callback.body as { type: number; data: { content: string; flags: number } };
  assert.equal(body.type, 4);
  assert.equal(body.data.flags, ephemeral);
  assert.match(body.data.content, /ask again in (29|30) s/);
  assertValidRequests(fake);
});
