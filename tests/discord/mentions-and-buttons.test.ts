import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFeedbackStore } from '../../src/storage/feedback-store.js';
import type { FakeMessage } from '../fakes/fake-discord.js';
import { assertNoPings, assertValidRequests, customIds, embedText, startHarness, waitForAnswer } from './bot-harness.js';

const ephemeral = 64;

test('GIVEN a mention in a channel THEN the answer goes into a new thread, and a follow-up there continues the conversation', async (t) => {
  const { fake } = await startHarness(t);
  const question = fake.sendUserMessage({ content: `<@${fake.botUser.id}> Tell me about the Azal plane that was shot down.` });

  const thread = await fake.waitForRequest((request) => request.path === `/channels/${fake.channelId}/messages/${question.id}/threads`, {
    what: 'a thread on the question',
  });
  assert.equal((thread.body as { name: string }).name, 'Tell me about the Azal plane that was shot down.');
  const threadId = question.id;
  const answer = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${threadId}/messages`, {
    what: 'the answer in the thread',
  });
  assert.match(embedText(answer.body as Record<string, unknown>), /Azal plane was mistakenly shot down/);
  assert.ok(
    fake.requests.some((request) => request.path === `/channels/${fake.channelId}/typing`),
    'shows "footnote is typing…" meanwhile',
  );

  // No mention needed inside the bot's own thread, and "died" is understood as the plane's victims.
  const followUp = fake.sendUserMessage({ content: 'How many people died?', channelId: threadId, user: fake.moderator });
  const second = await fake.waitForRequest(
    (request) =>
      request.method === 'POST' &&
      request.path === `/channels/${threadId}/messages` &&
      (request.body as { message_reference?: { message_id: string } }).message_reference?.message_id === followUp.id,
    { what: 'the follow-up answer' },
  );
  // The answer line is the reply's first line.
  const firstQuote = (body: unknown) => embedText(body as Record<string, unknown>).split('\n')[0] ?? '';
  assert.match(firstQuote(second.body), /killing 67 people/, 'in the thread, the plane crash answers first');
  assert.equal(fake.threads.size, 1, 'the follow-up does not open another thread');

  // The same words outside the conversation have nothing to lean on.
  const alone = fake.sendUserMessage({ content: `<@${fake.botUser.id}> How many people died?` });
  const aloneAnswer = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${alone.id}/messages`, {
    what: 'the answer in a second thread',
  });
  assert.doesNotMatch(firstQuote(aloneAnswer.body), /killing 67 people/, 'alone, the question is not read as being about the plane');
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN REPLY_MODE=inline and a question full of mentions THEN the reply is inline and pings nobody', async (t) => {
  const { fake } = await startHarness(t, { environment: { REPLY_MODE: 'inline' } });
  const question = fake.sendUserMessage({ content: `@everyone <@${fake.botUser.id}> @here why did Baku close the Russian House? <@${fake.member.id}>` });
  const reply = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${fake.channelId}/messages`);
  const body = reply.body as { message_reference: { message_id: string }; allowed_mentions: { parse: unknown[]; replied_user: boolean } };
  assert.equal(body.message_reference.message_id, question.id);
  assert.deepEqual(body.allowed_mentions, { parse: [], replied_user: false });
  assert.match(embedText(reply.body as Record<string, unknown>), /Russian House/);
  assert.equal(fake.threads.size, 0);
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN a message that does not mention the bot THEN it stays silent; a bare mention gets a hint', async (t) => {
  const { fake } = await startHarness(t);
  fake.sendUserMessage({ content: 'Why did Baku close the Russian House?' });
  const bare = fake.sendUserMessage({ content: `<@${fake.botUser.id}>` });
  const hint = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${fake.channelId}/messages`);
  assert.equal((hint.body as { message_reference: { message_id: string } }).message_reference.message_id, bare.id);
  assert.match((hint.body as { content: string }).content, /Ask me a question after the mention/);
  assert.equal(fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/messages')).length, 1);
  assertValidRequests(fake);
});

test('GIVEN a direct message THEN it is answered inline', async (t) => {
  const { fake } = await startHarness(t);
  const message = fake.sendUserMessage({ content: 'How many people died when the Azal plane crashed?', dm: true });
  const reply = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${message.channel_id}/messages`);
  assert.match(embedText(reply.body as Record<string, unknown>), /67 people/);
  assertValidRequests(fake);
});

test('GIVEN the buttons under an answer THEN "Show ¶" shows the paragraph privately and votes are stored, surviving a restart', async (t) => {
  const { fake, feedback, databaseFile } = await startHarness(t);
  const ask = fake.sendSlashCommand({ name: 'ask', options: { question: 'Why did Baku close the Russian House?' } });
  const { original } = await waitForAnswer(fake, ask);
  const ids = customIds(original);
  const showId = ids.find((id) => id.startsWith('fn:p:'));
  const upId = ids.find((id) => id.startsWith('fn:v:up:'));
  const downId = ids.find((id) => id.startsWith('fn:v:down:'));
  assert.ok(showId !== undefined && upId !== undefined && downId !== undefined, ids.join(', '));
  const answerMessage = fake.messages.findLast((message) => customIds(message).includes(showId)) as FakeMessage;

  const show = fake.clickButton({ customId: showId, message: answerMessage });
  const shown = await fake.waitForRequest((request) => request.path.endsWith(`/${show.token}/callback`));
  const shownBody = shown.body as { type: number; data: Record<string, unknown> & { flags: number } };
  assert.equal(shownBody.type, 4);
  assert.equal(shownBody.data.flags, ephemeral);
  assert.match(embedText(shownBody.data), /the closure of the Russian House/);
  assert.match(embedText(shownBody.data), /¶ 10/);

  const up = fake.clickButton({ customId: upId, message: answerMessage, user: fake.moderator });
  const thanks = await fake.waitForRequest((request) => request.path.endsWith(`/${up.token}/callback`));
  assert.match((thanks.body as { data: { content: string } }).data.content, /Thanks/);
  const down = fake.clickButton({ customId: downId, message: answerMessage });
  await fake.waitForRequest((request) => request.path.endsWith(`/${down.token}/callback`));

  feedback.close();
  const reopened = openFeedbackStore({ file: databaseFile });
  t.after(() => reopened.close());
  const rows = reopened.listFeedback();
  assert.ok(rows.ok);
  assert.equal(rows.value.length, 2);
  const moderatorVote = rows.value.find((row) => row.userId === fake.moderator.id);
  assert.equal(moderatorVote?.vote, 'up');
  assert.equal(moderatorVote?.question, 'Why did Baku close the Russian House?');
  assert.equal(moderatorVote?.guildId, fake.guildId);
  assert.ok(moderatorVote?.quotes.some((quote) => quote.text.includes('accused of facilitating Russian intelligence activities in Baku')));
  assert.ok(moderatorVote !== undefined && moderatorVote.answer.length > 0 && !Number.isNaN(Date.parse(moderatorVote.createdAt)));
  assert.equal(rows.value.find((row) => row.userId === fake.member.id)?.vote, 'down');
  assertValidRequests(fake);
});

test('GIVEN an unknown or stale button THEN the user is told privately', async (t) => {
  const { fake } = await startHarness(t);
  const message = fake.sendUserMessage({ content: 'placeholder' });
  const click = fake.clickButton({ customId: 'fn:v:up:no-such-answer', message });
  const reply = await fake.waitForRequest((request) => request.path.endsWith(`/${click.token}/callback`));
  const body = reply.body as { data: { content: string; flags: number } };
  assert.equal(body.data.flags, ephemeral);
  assert.match(body.data.content, /could not be saved: this answer is no longer on record/);
  assertValidRequests(fake);
});
