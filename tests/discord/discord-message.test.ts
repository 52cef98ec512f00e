import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentHash, paragraphButtonId, parseButtonId, voteButtonId } from '../../src/commands/custom-ids.js';
import { escapeText, toDiscordMessages } from '../../src/discord/discord-message.js';
import { truncate } from '../../src/commands/reply.js';
import type { Reply, ReplyBlock } from '../../src/commands/reply.js';

const quote = (index: number, length: number): ReplyBlock => ({
  kind: 'quote',
  text: `Q${index} ${'word '.repeat(length / 5)}`.trim(),
  citation: `Section ${index}, ¶ ${index}`,
});

function totals(reply: Reply) {
  return toDiscordMessages(reply).map((message) => ({
    embeds: message.embeds.length,
    characters: message.embeds.reduce(
      (sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0),
      0,
    ),
    descriptions: message.embeds.map((embed) => embed.description?.length ?? 0),
  }));
}

test('GIVEN a short answer THEN one message, one embed, buttons under it', () => {
  const reply: Reply = {
    kind: 'content',
    cards: [{ title: 'Why?', blocks: [{ kind: 'text', text: 'Because.' }, quote(1, 100)], footer: 'offline' }],
    buttons: [[{ customId: 'fn:p:1:doc', label: 'Show ¶ 1', style: 'secondary' }]],
  };
  const [message, ...rest] = toDiscordMessages(reply);
  assert.equal(rest.length, 0);
  assert.equal(message?.embeds.length, 1);
  assert.match(message?.embeds[0]?.description ?? '', /^Because\.\n\n> Q1 word/);
  assert.equal(message?.components[0]?.components[0]?.custom_id, 'fn:p:1:doc');
});

test('GIVEN quotes that overflow one embed THEN embeds split between quotes, never inside one', () => {
  const blocks = Array.from({ length: 12 }, (_, index) => quote(index, 900));
  const messages = toDiscordMessages({ kind: 'content', cards: [{ title: 'Long', blocks, footer: 'footer' }], buttons: [] });
  const descriptions = messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));
  for (let index = 0; index < 12; index += 1) {
    assert.equal(
      descriptions.filter((description) => description.includes(`> Q${index} `) && description.includes(`— Section ${index}, ¶ ${index}`)).length,
      1,
      `quote ${index} whole in one embed`,
    );
  }
  for (const summary of totals({ kind: 'content', cards: [{ title: 'Long', blocks, footer: 'footer' }], buttons: [] })) {
    assert.ok(summary.characters <= 6000, `${summary.characters} characters`);
    assert.ok(summary.embeds <= 10);
    assert.ok(summary.descriptions.every((length) => length <= 4096));
  }
  assert.ok(messages.length >= 2, 'more than 6000 characters need a second message');
  assert.equal(messages[0]?.embeds[0]?.title, 'Long', 'the title only once');
  assert.equal(messages.at(-1)?.embeds.at(-1)?.footer?.text, 'footer', 'the footer only at the end');
});

test('GIVEN many small cards THEN no message carries more than ten embeds', () => {
  const cards = Array.from({ length: 23 }, (_, index) => ({ title: `Card ${index}`, blocks: [quote(index, 20)] }));
  const messages = toDiscordMessages({ kind: 'content', cards, buttons: [] });
  assert.deepEqual(
    messages.map((message) => message.embeds.length),
    [10, 10, 3],
  );
});

test('GIVEN one block larger than an embed THEN it alone is cut, at a sentence end, and nothing is lost', () => {
  const sentence = 'This sentence is part of a very long paragraph. ';
  const text = sentence.repeat(200).trim();
  const messages = toDiscordMessages({ kind: 'content', cards: [{ blocks: [{ kind: 'text', text }] }], buttons: [] });
  const descriptions = messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));
  assert.ok(descriptions.length >= 3);
  assert.ok(descriptions.every((description) => description.length <= 4096 && description.endsWith('.')));
  assert.equal(descriptions.join(' '), text);
});

test('GIVEN hostile text THEN titles are cut to 256, markdown is escaped, content to 2000, emoji never halved', () => {
  const [message] = toDiscordMessages({
    kind: 'content',
    cards: [{ title: `**bold** ${'x'.repeat(400)}`, blocks: [{ kind: 'text', text: '# heading\n> fake quote [link](http://example.com) `code`' }] }],
    buttons: [],
  });
  assert.equal(message?.embeds[0]?.title?.length, 256);
  assert.ok(message?.embeds[0]?.title?.startsWith('\\*\\*bold\\*\\*'));
  assert.equal(message?.embeds[0]?.description, '\\# heading\n\\> fake quote \\[link](http://example.com) \\`code\\`');
  const [error] = toDiscordMessages({ kind: 'error', text: 'e'.repeat(5000) });
  assert.equal(error?.content?.length, 2000);
  assert.equal(truncate('😀'.repeat(10), 5), '😀😀…');
  assert.equal(escapeText('plain words'), 'plain words');
});

test('GIVEN button ids THEN they fit in 100 characters and round-trip, long document ids by hash', () => {
  assert.deepEqual(parseButtonId(paragraphButtonId('article.txt', 10)), { kind: 'paragraph', paragraph: 10, document: { id: 'article.txt' } });
  const longId = `folder/${'very-long-name-'.repeat(10)}.txt`;
  const id = paragraphButtonId(longId, 3);
  assert.ok(id.length <= 100);
  assert.deepEqual(parseButtonId(id), { kind: 'paragraph', paragraph: 3, document: { hash: documentHash(longId) } });
  assert.deepEqual(parseButtonId(voteButtonId('down', 'abc123')), { kind: 'vote', vote: 'down', answerId: 'abc123' });
  assert.equal(parseButtonId('something-else'), undefined);
});

test('GIVEN cards with buttons of their own, a member line and a file THEN each card closes its message with its buttons, the file rides on the first', () => {
  const row = (name: string) => [{ customId: `fn:test:${name}`, label: name, style: 'secondary' } as const];
  const reply: Reply = {
    kind: 'content',
    cards: [
      { title: 'Quiz', blocks: [{ kind: 'field', name: '1', value: 'Who?' }], buttons: [row('1a'), row('2a')] },
      { title: 'Quiz (continued)', blocks: [{ kind: 'member', memberId: '123', before: '1. ', after: ' — 2 right of 2' }], buttons: [row('6a')] },
    ],
    buttons: [row('more')],
    files: [{ name: 'guide.md', text: '# Guide\n', description: 'd'.repeat(2000) }],
  };
  const messages = toDiscordMessages(reply);
  assert.deepEqual(
    messages.map((message) => message.components.map((component) => component.components[0]?.label)),
    [
      ['1a', '2a'],
      ['6a', 'more'],
    ],
  );
  assert.equal(messages[1]?.embeds[0]?.description, '1\\. <@123> — 2 right of 2', 'a mention, which embeds never ping with');
  assert.deepEqual(
    messages[0]?.files?.map((file) => [file.name, file.data.toString('utf8'), file.description?.length]),
    [['guide.md', '# Guide\n', 1024]],
  );
  assert.equal(messages[1]?.files, undefined);
});
