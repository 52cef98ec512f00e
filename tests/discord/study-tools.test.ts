import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discordLimits } from '../../src/commands/discord-limits.js';
import { isLocated } from '../../src/corpus/citation.js';
import { sectionNames } from '../../src/study/study-scope.js';
import { timeline } from '../../src/study/timeline.js';
import { entityNames } from '../../src/study/whos-who.js';
import type { FakeDiscord, SentInteraction } from '../fakes/fake-discord.js';
import { assertNoPings, assertValidRequests, embedText, startHarness } from './bot-harness.js';
import type { Harness } from './bot-harness.js';
import { assertWithinDiscordLimits } from './discord-limits-check.js';

const ephemeral = 64;

/** Everything a deferred command showed: the final @original and its follow-ups, once the bot is done with it. */
async function allMessages(harness: Harness, interaction: SentInteraction): Promise<Record<string, unknown>[]> {
  const { fake, bot } = harness;
  await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(`/${interaction.token}/messages/@original`), {
    what: 'the answer',
  });
  await fake.waitFor(() => bot.pending === 0, { what: 'the bot to finish' });
  return fake
    .requestsFor(interaction)
    .filter((request) => (request.method === 'PATCH' || request.method === 'POST') && request.path.startsWith('/webhooks/'))
    .map((request) => request.body as Record<string, unknown>);
}

async function callbackData(fake: FakeDiscord, interaction: SentInteraction): Promise<Record<string, unknown>> {
  const callback = await fake.waitForRequest((request) => request.path.endsWith(`/${interaction.token}/callback`));
  return (callback.body as { data: Record<string, unknown> }).data;
}

/** Discord Markdown back to the text it shows. */
function shown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>|#~.\-()])/g, '$1');
}

test('GIVEN /summary length:long of the whole text THEN every section is covered by verbatim, cited sentences in reading order', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const messages = await allMessages(harness, fake.sendSlashCommand({ name: 'summary', options: { length: 'long' } }));
  const text = shown(messages.map(embedText).join('\n'));
  assert.match(text, /^Key points: How Baku is playing with fire/);
  const points = [...text.matchAll(/^> (.+)\n— (.+), ¶ (\d+)$/gm)].map((match) => ({
    text: match[1] ?? '',
    section: match[2] ?? '',
    paragraph: Number(match[3]),
  }));
  // “Diplomatic mischief” holds only a lead-in ending in a colon, which is no point.
  const withClaims = sectionNames(engine.corpus).filter((name) => !name.startsWith('Diplomatic mischief'));
  assert.ok(points.length >= withClaims.length, `${points.length} points`);
  for (const section of withClaims) {
    assert.ok(
      points.some((point) => point.section === section),
      `a point from “${section}”`,
    );
  }
  const body = engine.corpus.documents[0]?.text ?? '';
  const offsets = points.map((point) => body.indexOf(point.text));
  assert.ok(
    offsets.every((offset) => offset >= 0),
    'every point is verbatim',
  );
  assert.deepEqual(
    [...offsets].sort((first, second) => first - second),
    offsets,
    'in reading order',
  );
  assertWithinDiscordLimits(fake);
  assertValidRequests(fake);
});

test('GIVEN /timeline THEN the dated events come earliest first, each with the sentence that dates it', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const messages = await allMessages(harness, fake.sendSlashCommand({ name: 'timeline' }));
  const text = shown(messages.map(embedText).join('\n'));
  const expected = timeline(engine.corpus).events;
  assert.ok(expected.length > 3);
  assert.ok(expected.every((event) => isLocated(engine.corpus, event.quote)));
  let position = -1;
  for (const event of expected) {
    const at = text.indexOf(`**${event.when}:** ${event.text}\n\n> ${event.quote.text}`, position + 1);
    assert.ok(at > position, `“${event.when}” comes next, with its quote`);
    position = at;
  }
  assert.ok(text.indexOf('**since 2003:**') < text.indexOf('**late 2024:**'), 'years in order');
  assert.match(text, /\*\*15 years ago \(about 2010\):\*\*/, 'a relative date resolved against the publication date');
  assert.match(text, /Earliest first/);
  assertWithinDiscordLimits(fake);
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN /who with autocomplete THEN names are suggested as typed, and a name shows its role and the quotes that mention it', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const typing = await callbackData(fake, fake.sendAutocomplete({ name: 'who', focused: 'name', value: 'aliy' }));
  assert.deepEqual(typing['choices'], [
    { name: 'Heydar Aliyev', value: 'Heydar Aliyev' },
    { name: 'Ilham Aliyev', value: 'Ilham Aliyev' },
  ]);
  const everyone = await callbackData(fake, fake.sendAutocomplete({ name: 'who', focused: 'name', value: '' }));
  assert.deepEqual(
    (everyone['choices'] as { name: string }[]).map((choice) => choice.name),
    entityNames(engine.corpus).slice(0, discordLimits.choices),
    'nothing typed yet: people first, at most 25',
  );

  const messages = await allMessages(harness, fake.sendSlashCommand({ name: 'who', options: { name: 'Dmitry Peskov' } }));
  const text = shown(messages.map(embedText).join('\n'));
  assert.match(text, /^Dmitry Peskov \(person\)/);
  assert.match(text, /\*\*Role in the text:\*\* Kremlin Spokesperson/);
  assert.match(text, /> .*Kremlin Spokesperson Dmitry Peskov.*\n— .+, ¶ \d+/);

  const unknown = fake.sendSlashCommand({ name: 'who', options: { name: 'Napoleon' } });
  const error = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${fake.applicationId}/${unknown.token}`);
  assert.equal((error.body as { flags: number }).flags, ephemeral);
  assert.match((error.body as { content: string }).content, /names no one called “Napoleon”/);

  const all = shown((await allMessages(harness, fake.sendSlashCommand({ name: 'who' }))).map(embedText).join('\n'));
  // Each kind's label on a line of its own, one name a line under it.
  assert.match(
    all,
    /\*\*People\*\*\n• Mehdi Seyf Tabrizi — the author \(Expert in Azerbaijan Affairs\)\n• Hussein and Ziyaddin Safarov — the two victims of the Yekaterinburg incident\n• Vladimir Putin\n/,
  );
  assert.match(all, /\*\*Places\*\*\n• Baku\n• Moscow\n/);
  assertWithinDiscordLimits(fake);
  assertValidRequests(fake);
});

test('GIVEN /studyguide THEN a Markdown file is uploaded with the edit of the reply, within the size Discord announced, in a request its spec accepts', async (t) => {
  const harness = await startHarness(t);
  const { fake } = harness;
  const interaction = fake.sendSlashCommand({ name: 'studyguide' });
  await allMessages(harness, interaction);
  const upload = fake.requestsFor(interaction).find((request) => request.files.length > 0);
  assert.ok(upload !== undefined, 'a request carrying a file');
  assert.equal(upload.method, 'PATCH');
  assert.match(upload.path, /\/messages\/@original$/, 'the file replaces the "thinking…" with the reply');
  assert.match(String(upload.headers['content-type']), /^multipart\/form-data; boundary=/);
  const [file] = upload.files;
  assert.equal(upload.files.length, 1);
  assert.equal(file?.field, 'files[0]');
  assert.equal(file?.name, 'study-guide-how-baku-is-playing-with-fire-without-getting-burned.md');
  assert.ok(
    file !== undefined && file.data.length > 1000 && file.data.length <= fake.attachmentSizeLimit && file.data.length <= 25 * 1024 * 1024,
    `${file?.data.length} bytes`,
  );
  const markdown = file.data.toString('utf8');
  for (const heading of ['# Study guide: How Baku is playing with fire', '## Summary', '## Timeline', '## Who’s who', '## Quiz', '### Answers']) {
    assert.ok(markdown.includes(heading), heading);
  }
  const payload = upload.body as {
    embeds: { title: string; footer: { text: string } }[];
    attachments: { id: number | string; description?: string }[];
    allowed_mentions: { parse: unknown[] };
  };
  assert.equal(payload.embeds[0]?.title, 'Study guide: How Baku is playing with fire—without getting burned');
  assert.match(payload.embeds[0]?.footer.text ?? '', /KB · quiz seed \w+/);
  assert.deepEqual(
    payload.attachments.map((attachment) => [String(attachment.id), attachment.description]),
    [['0', 'Study guide for How Baku is playing with fire—without getting burned']],
    'the payload describes files[0]',
  );
  assert.deepEqual(payload.allowed_mentions.parse, []);
  const message = fake.messages.findLast((candidate) => Array.isArray(candidate['attachments']) && (candidate['attachments'] as unknown[]).length > 0);
  assert.equal((message?.['attachments'] as { filename: string }[] | undefined)?.[0]?.filename, file.name, 'Discord shows it under the reply');
  assertWithinDiscordLimits(fake);
  assertValidRequests(fake);
});

test('GIVEN a server that takes only small files THEN /studyguide says so privately instead of uploading', async (t) => {
  const harness = await startHarness(t, { attachmentSizeLimit: 4096 });
  const { fake } = harness;
  const interaction = fake.sendSlashCommand({ name: 'studyguide' });
  const error = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${fake.applicationId}/${interaction.token}`);
  assert.equal((error.body as { flags: number }).flags, ephemeral);
  assert.match((error.body as { content: string }).content, /^The study guide is \d+ KB, more than the 4 KB Discord accepts as a file here/);
  assert.ok(
    fake.requests.every((request) => request.files.length === 0),
    'nothing uploaded',
  );
  assertValidRequests(fake);
});
