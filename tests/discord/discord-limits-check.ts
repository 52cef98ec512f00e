/**
 * The Discord limits that its OpenAPI description does not state (totals per message, files), checked on every
 * message the bot sent through the fake: callbacks, edits of @original, follow-ups and channel messages.
 */
import assert from 'node:assert/strict';
import { discordLimits } from '../../src/commands/discord-limits.js';
import type { FakeDiscord, RecordedRequest } from '../fakes/fake-discord.js';

interface SentEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly footer?: { readonly text: string };
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
}

interface SentMessage {
  readonly content?: string;
  readonly embeds?: readonly SentEmbed[];
  readonly components?: readonly { readonly components: readonly { readonly custom_id?: string; readonly label?: string }[] }[];
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
}

function messageOf(request: RecordedRequest): SentMessage | undefined {
  if (request.method !== 'POST' && request.method !== 'PATCH') return undefined;
  const body = request.body as Record<string, unknown> | undefined;
  if (request.path.endsWith('/callback')) return body?.['data'] as SentMessage | undefined;
  return /^\/(webhooks|channels)\//.test(request.path) ? body : undefined;
}

export function assertWithinDiscordLimits(fake: FakeDiscord): void {
  for (const request of fake.requests) {
    const where = `${request.method} ${request.path}`;
    assert.ok(request.files.length <= discordLimits.attachments, `${where}: ${request.files.length} files`);
    for (const file of request.files) {
      assert.ok(file.data.length <= Math.min(discordLimits.attachmentBytes, fake.attachmentSizeLimit), `${where}: ${file.name} is ${file.data.length} bytes`);
    }
    const message = messageOf(request);
    if (message === undefined) continue;
    assert.ok((message.content ?? '').length <= discordLimits.content, `${where}: content of ${message.content?.length} characters`);
    const embeds = message.embeds ?? [];
    assert.ok(embeds.length <= discordLimits.embeds, `${where}: ${embeds.length} embeds`);
    let total = 0;
    for (const embed of embeds) {
      assert.ok((embed.title ?? '').length <= discordLimits.embedTitle, `${where}: embed title too long`);
      assert.ok((embed.description ?? '').length <= discordLimits.embedDescription, `${where}: embed description of ${embed.description?.length}`);
      assert.ok((embed.footer?.text ?? '').length <= discordLimits.embedFooter, `${where}: embed footer too long`);
      total += (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length;
      total += (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    }
    assert.ok(total <= discordLimits.embedCharactersPerMessage, `${where}: ${total} embed characters in one message`);
    const rows = message.components ?? [];
    assert.ok(rows.length <= discordLimits.rows, `${where}: ${rows.length} rows of buttons`);
    for (const row of rows) {
      assert.ok(row.components.length <= discordLimits.buttonsPerRow, `${where}: ${row.components.length} buttons in a row`);
      for (const button of row.components) {
        assert.ok((button.custom_id ?? '').length <= discordLimits.customId, `${where}: custom_id ${button.custom_id}`);
        assert.ok((button.label ?? '').length <= discordLimits.buttonLabel, `${where}: label ${button.label}`);
      }
    }
    const choices = message.choices ?? [];
    assert.ok(choices.length <= discordLimits.choices, `${where}: ${choices.length} autocomplete choices`);
    for (const choice of choices)
      assert.ok(choice.name.length <= discordLimits.choiceName && choice.value.length <= discordLimits.choiceValue, `${where}: choice ${choice.name}`);
  }
}
