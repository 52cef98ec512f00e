import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PermissionFlagsBits } from 'discord.js';
import { Libraries } from '../../src/library/libraries.js';
import { SqliteLibraryStore } from '../../src/library/library-store.js';
import { embedText, realEngine, startHarness, testConfig, type Harness } from '../discord/bot-harness.js';
import type { SentInteraction } from '../fakes/fake-discord.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { tinyPdf } from '../helpers/tiny-files.js';
import { secondArticleFile } from '../helpers/two-documents.js';
import { asyncLibraryStore } from '../../src/library/library-store.js';

const member = PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel;
const manager = member | PermissionFlagsBits.ManageGuild;

async function everything(harness: Harness, interaction: SentInteraction): Promise<string> {
  const { fake, bot } = harness;
  await fake.waitFor(() => fake.requestsFor(interaction).some((request) => request.method === 'PATCH' || request.path.endsWith('/callback')), {
    what: 'a reply',
  });
  await fake.waitFor(() => bot.pending === 0, { what: 'the bot to finish', timeoutMs: 120_000 });
  await fake.waitFor(() => fake.requestsFor(interaction).some((request) => request.method === 'PATCH' || (request.body as { type?: number })?.type === 4), {
    what: 'the answer',
    timeoutMs: 120_000,
  });
  return fake
    .requestsFor(interaction)
    .map((request) => `${embedText((request.body ?? {}) as Record<string, unknown>)}\n${JSON.stringify(request.body ?? '')}`)
    .join('\n')
    .replace(/\\([\\`*_[\]<>|#~.\-()'])/g, '$1');
}

test('GIVEN two servers WHEN one adds a document to its library THEN it is answered there, and the other server never sees a word of it', async (t) => {
  const data = temporaryFolder('library-command');
  t.after(() => data.remove());
  const shared = await realEngine();
  const config = testConfig({ FOOTNOTE_DATA_DIR: data.path, LIBRARY_ALLOW_PRIVATE_URLS: 'true' });
  const store = new SqliteLibraryStore(path.join(data.path, 'library.sqlite'));
  t.after(() => store.close());
  const logs: string[] = [];
  const libraries = new Libraries({
    config,
    store: asyncLibraryStore(store),
    shared,
    logger: { ...silent(), info: (message: string) => void logs.push(message) },
  });
  const harness = await startHarness(t, { engine: shared, environment: { FOOTNOTE_DATA_DIR: data.path, LIBRARY_ALLOW_PRIVATE_URLS: 'true' }, libraries });
  const { fake } = harness;
  const other = '987654321098765432';
  const article = readFileSync(secondArticleFile);

  // A member without Manage Server may read but not add.
  const refused = await everything(
    harness,
    fake.sendSlashCommand({ name: 'library', subcommand: 'add', permissions: member, attachments: { file: { name: 'night-trains.md', data: article } } }),
  );
  assert.match(refused, /Only members with Manage Server/u);

  const addition = fake.sendSlashCommand({
    name: 'library',
    subcommand: 'add',
    permissions: manager,
    attachments: { file: { name: 'night-trains.md', data: article, contentType: 'text/markdown' } },
  });
  const added = await everything(harness, addition);
  assert.match(added, /Night trains return to Europe's rails/u);
  // The deferred reply shows how the work goes, and the answer replaces that line.
  const edits = fake
    .requestsFor(addition)
    .filter((request) => request.method === 'PATCH')
    .map((request) => (request.body as { content?: string }).content);
  assert.equal(edits[0], 'Reading “night-trains.md”…');
  assert.equal(edits.at(-1), '', 'the answer clears the progress line');
  const again = await everything(
    harness,
    fake.sendSlashCommand({ name: 'library', subcommand: 'add', permissions: manager, attachments: { file: { name: 'copy.md', data: article } } }),
  );
  assert.match(again, /already in this server's library/u);

  const answer = await everything(
    harness,
    fake.sendSlashCommand({ name: 'ask', options: { question: 'When did the Nightjet service link Berlin and Brussels?' } }),
  );
  assert.match(answer, /December 2023/u);
  const list = await everything(harness, fake.sendSlashCommand({ name: 'library', subcommand: 'list' }));
  assert.match(list, /1\. Night trains return to Europe's rails — md/u);

  // The other server: its answers, autocomplete and lists hold nothing of the first server's document.
  const elsewhere = await everything(
    harness,
    fake.sendSlashCommand({ name: 'ask', guildId: other, options: { question: 'When did the Nightjet service link Berlin and Brussels?' } }),
  );
  assert.doesNotMatch(elsewhere, /December 2023|Night trains return|sleeper|Clara Voss/u, 'the question is echoed; nothing of the document is');
  const summary = await everything(harness, fake.sendSlashCommand({ name: 'summary', guildId: other }));
  assert.doesNotMatch(summary, /Nightjet|sleeper|Night trains/u);
  const completion = fake.sendAutocomplete({ name: 'summary', focused: 'document', value: 'night', guildId: other });
  const choices = await fake.waitForRequest((request) => request.path.endsWith(`/${completion.token}/callback`));
  assert.deepEqual((choices.body as { data: { choices: unknown[] } }).data.choices, []);
  const otherList = await everything(harness, fake.sendSlashCommand({ name: 'library', subcommand: 'list', guildId: other }));
  assert.match(otherList, /No documents yet/u);
  assert.doesNotMatch(logs.join('\n') + harness.logs.join('\n'), /Nightjet|sleeper/u, 'no word of the document in the logs');

  // A PDF adds too; a scan is refused with its reason; remove takes the document away.
  const pdf = await everything(
    harness,
    fake.sendSlashCommand({
      name: 'library',
      subcommand: 'add',
      permissions: manager,
      attachments: { file: { name: 'scan.pdf', data: tinyPdf([[]]), contentType: 'application/pdf' } },
    }),
  );
  assert.match(pdf, /No text found in “scan\.pdf”; scanned pages are not read/u);
  const removed = await everything(
    harness,
    fake.sendSlashCommand({ name: 'library', subcommand: 'remove', permissions: manager, options: { document: 'night' } }),
  );
  assert.match(removed, /“Night trains return to Europe's rails” and its passages, quiz questions and review cards are gone/u);
  const after = await everything(
    harness,
    fake.sendSlashCommand({ name: 'ask', options: { question: 'When did the Nightjet service link Berlin and Brussels?' } }),
  );
  assert.doesNotMatch(after, /December 2023/u);
  assert.equal(store.list(harness.fake.guildId).length, 0);
});

function silent() {
  const nothing = () => undefined;
  const logger = { debug: nothing, info: nothing, warn: nothing, error: nothing, child: () => logger };
  return logger;
}
