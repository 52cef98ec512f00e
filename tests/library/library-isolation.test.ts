/**
 * Isolation by content (issue 13): one server's library never shows in another server's passages, quizzes,
 * timeline or who's who. Each check is paired with the same command in the owning server, where the document
 * does show, so the check in the other server can fail.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PermissionFlagsBits } from 'discord.js';
import { Libraries } from '../../src/library/libraries.js';
import { asyncLibraryStore, SqliteLibraryStore } from '../../src/library/library-store.js';
import { silentLogger } from '../../src/logger.js';
import { embedText, realEngine, startHarness, testConfig, type Harness } from '../discord/bot-harness.js';
import type { SentInteraction } from '../fakes/fake-discord.js';
import { temporaryFolder } from '../helpers/test-config.js';
import { secondArticleFile } from '../helpers/two-documents.js';

const manager = PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ManageGuild;
const otherServer = '987654321098765432';
/** Words of the night-train article that the shared Baku article never uses. */
const ownWords = /Nightjet|sleeper|Night trains|Clara Voss/u;

/** Everything the bot sent for one interaction (replies, edits, follow-ups), as text. */
async function sent(harness: Harness, interaction: SentInteraction): Promise<string> {
  const { fake, bot } = harness;
  await fake.waitFor(() => fake.requestsFor(interaction).some((request) => request.method === 'PATCH' || request.path.endsWith('/callback')), {
    what: 'a reply',
  });
  await fake.waitFor(() => bot.pending === 0, { what: 'the bot to finish', timeoutMs: 120_000 });
  return fake
    .requestsFor(interaction)
    .map((request) => `${embedText((request.body ?? {}) as Record<string, unknown>)}\n${JSON.stringify(request.body ?? '')}`)
    .join('\n')
    .replace(/\\([\\`*_[\]<>|#~.\-()'])/g, '$1');
}

test('GIVEN a document in one server’s library THEN its passages and quiz questions show there, and nothing of it in another server’s passages, quiz, timeline or who’s who', async (t) => {
  const data = temporaryFolder('library-isolation');
  t.after(() => data.remove());
  const shared = await realEngine();
  const environment = { FOOTNOTE_DATA_DIR: data.path, LIBRARY_ALLOW_PRIVATE_URLS: 'true' }; // the fake serves attachments on 127.0.0.1
  const config = testConfig(environment);
  const store = new SqliteLibraryStore(path.join(data.path, 'library.sqlite'));
  t.after(() => store.close());
  const libraries = new Libraries({ config, store: asyncLibraryStore(store), shared, logger: silentLogger });
  const harness = await startHarness(t, { engine: shared, environment, libraries });
  const { fake } = harness;
  const added = await sent(
    harness,
    fake.sendSlashCommand({
      name: 'library',
      subcommand: 'add',
      permissions: manager,
      attachments: { file: { name: 'night-trains.md', data: readFileSync(secondArticleFile), contentType: 'text/markdown' } },
    }),
  );
  assert.match(added, /Night trains return to Europe's rails/u);

  const commands: { name: string; options?: Record<string, string | number> }[] = [
    { name: 'passage', options: { search: 'Nightjet sleeper' } },
    { name: 'quiz', options: { questions: 5, document: 'night' } },
  ];
  for (const command of commands) {
    const here = await sent(harness, fake.sendSlashCommand(command));
    assert.match(here, ownWords, `/${command.name} in the owning server shows the document`);
    const elsewhere = await sent(harness, fake.sendSlashCommand({ ...command, guildId: otherServer }));
    // What the member typed may be echoed back; nothing of the document may be.
    const echoes = Object.values(command.options ?? {}).map(String);
    const shown = echoes.reduce((text, echo) => text.split(echo).join(''), elsewhere);
    assert.doesNotMatch(shown, ownWords, `/${command.name} in another server`);
  }
  // Without a document option the other server's whole library is the shared corpus alone (the owning
  // server's /timeline and /who group by document, the night-train one included: tests/library/document-option.test.ts).
  for (const name of ['quiz', 'timeline', 'who']) {
    const elsewhere = await sent(harness, fake.sendSlashCommand({ name, guildId: otherServer }));
    assert.doesNotMatch(elsewhere, ownWords, `/${name} over the other server's whole library`);
  }
});
