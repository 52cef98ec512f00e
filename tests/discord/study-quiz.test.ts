import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { startBot } from '../../src/discord/bot.js';
import { parseButtonId, quizButtonId } from '../../src/commands/custom-ids.js';
import type { Engine } from '../../src/engine-types.js';
import { silentLogger } from '../../src/logger.js';
import { makeQuiz } from '../../src/study/make-quiz.js';
import type { QuizQuestion } from '../../src/study/make-quiz.js';
import { sectionNames } from '../../src/study/study-scope.js';
import { StudyStore } from '../../src/study/study-store.js';
import { snowflake } from '../fakes/fake-discord.js';
import type { FakeDiscord, FakeMessage, FakeUser, SentInteraction } from '../fakes/fake-discord.js';
import { assertNoPings, assertValidRequests, customIds, embedText, startHarness, waitForAnswer } from './bot-harness.js';
import type { Harness } from './bot-harness.js';
import { assertWithinDiscordLimits } from './discord-limits-check.js';
import { questionLayout } from '../../src/commands/study-reply.js';
import { discordLimits } from '../../src/commands/discord-limits.js';
import { asyncFeedbackStore } from '../../src/storage/feedback-store.js';
import { asyncStudyStore } from '../../src/study/async-study-store.js';

const ephemeral = 64;

interface SentButton {
  readonly custom_id: string;
  readonly label: string;
}

function buttonRows(message: Record<string, unknown>): SentButton[][] {
  return ((message['components'] as { components: SentButton[] }[] | undefined) ?? []).map((row) => row.components);
}

/** The question behind a quiz button, rebuilt the way a reader could check it: the same seed gives the same quiz. */
function questionBehind(engine: Engine, customId: string): { question: QuizQuestion; choice: number; questions: readonly QuizQuestion[] } {
  const action = parseButtonId(customId);
  assert.ok(action?.kind === 'quiz', `${customId} is a quiz button`);
  const section = action.quiz.sectionIndex === undefined ? undefined : sectionNames(engine.corpus)[action.quiz.sectionIndex];
  const made = makeQuiz(engine.corpus, { count: action.quiz.count, seed: action.quiz.seed, section });
  assert.ok(made.ok);
  const question = made.quiz.questions.find((candidate) => candidate.id === action.questionId);
  assert.ok(question !== undefined, `question ${action.questionId} is in the rebuilt quiz`);
  return { question, choice: action.choice, questions: made.quiz.questions };
}

async function callbackData(
  fake: FakeDiscord,
  interaction: SentInteraction,
): Promise<{ type: number; data: Record<string, unknown> & { flags?: number; content?: string } }> {
  const callback = await fake.waitForRequest((request) => request.path.endsWith(`/${interaction.token}/callback`), {
    what: `the response to ${interaction.id}`,
  });
  return callback.body as { type: number; data: Record<string, unknown> & { flags?: number } };
}

async function postQuiz(harness: Harness, options: Record<string, string | number>): Promise<{ message: FakeMessage; buttons: SentButton[][] }> {
  const { fake } = harness;
  const interaction = fake.sendSlashCommand({ name: 'quiz', options });
  const { original } = await waitForAnswer(fake, interaction);
  const ids = customIds(original);
  const message = fake.messages.findLast((candidate) => customIds(candidate).join() === ids.join()) as FakeMessage;
  return { message, buttons: buttonRows(original) };
}

function reader(name: string): FakeUser {
  return { id: snowflake(), username: name, global_name: name, discriminator: '0', avatar: null };
}

/** Restarts the bot with a fresh store on the same file; `later` moves the store's clock ahead (a day later). */
async function restartBot(t: TestContext, harness: Harness, later = 0): Promise<StudyStore> {
  await harness.bot.stop({ timeoutMs: 2_000 });
  harness.study.close();
  const study = new StudyStore(harness.databaseFile, { now: () => new Date(Date.now() + later) });
  const bot = await startBot({
    config: harness.config,
    engine: harness.engine,
    feedback: asyncFeedbackStore(harness.feedback),
    study: asyncStudyStore(study),
    logger: silentLogger,
    rest: { globalRequestsPerSecond: 10_000, offset: 0 },
    now: () => new Date(Date.now() + later),
  });
  t.after(async () => {
    await bot.stop({ timeoutMs: 2_000 });
    study.close();
  });
  return study;
}

test('GIVEN /quiz questions:7 THEN every question comes with its own row of answer buttons, five per message, within Discord limits', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const interaction = fake.sendSlashCommand({ name: 'quiz', options: { questions: 7 } });
  const callback = await callbackData(fake, interaction);
  assert.equal(callback.type, 5, 'deferred at once: the quiz is posted for everyone, not only the one who asked');
  assert.equal((callback.data?.flags ?? 0) & ephemeral, 0);

  const { original, followUps } = await waitForAnswer(fake, interaction, { followUps: 1 });
  const messages = [original, ...followUps];
  const rows = messages.map(buttonRows);
  assert.deepEqual(
    rows.map((message) => message.length),
    [5, 2],
    'questions 1–5 under the first message, 6–7 under the second',
  );
  assert.match(embedText(original), /^Quiz: How Baku is playing with fire/);

  const questions = questionBehind(engine, rows[0]?.[0]?.[0]?.custom_id ?? '').questions;
  assert.equal(questions.length, 7);
  rows.flat().forEach((row, index) => {
    const question = questions[index] as QuizQuestion;
    // Each button answers its own row's question with one of its choices, in order.
    // Choices short enough are the labels; longer ones are listed under the prompt with A–E on the buttons.
    const layout = questionLayout(question, index + 1);
    assert.deepEqual(
      row.map((button) => button.label),
      layout.labels,
    );
    // A label is "N · choice" within Discord's 80 characters: a 76-character choice still fits beside "1 · ".
    const listed = question.choices.some((choice) => choice.length > discordLimits.buttonLabel - `${index + 1} · `.length);
    assert.deepEqual(
      layout.labels,
      question.choices.map((choice, choiceIndex) => `${index + 1} · ${listed ? 'ABCDE'[choiceIndex] : choice}`),
    );
    row.forEach((button, choice) => {
      assert.ok(button.custom_id.length <= 100, button.custom_id);
      const behind = questionBehind(engine, button.custom_id);
      assert.equal(behind.question.id, question.id);
      assert.equal(behind.choice, choice);
    });
    const shownIn = embedText(messages[index < 5 ? 0 : 1] ?? {});
    assert.ok(shownIn.includes(question.prompt.replaceAll('_', '\\_')), `question ${index + 1} is shown above its buttons: ${question.prompt}`);
  });
  // "Which of these does the text say?" is the prompt of every statement question: its choices tell two apart.
  assert.equal(new Set(questions.map((question) => `${question.prompt} ${question.choices.join(' | ')}`)).size, 7, 'no question twice');
  assertWithinDiscordLimits(fake);
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN three members answering one question at the same moment, one of them twice THEN each is told privately, each counted once, and /leaderboard shows them', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const { message, buttons } = await postQuiz(harness, { questions: 1 });
  const row = buttons[0] ?? [];
  const { question } = questionBehind(engine, row[0]?.custom_id ?? '');
  const right = row[question.answerIndex]?.custom_id ?? '';
  const wrong = row.find((_button, choice) => choice !== question.answerIndex)?.custom_id ?? '';
  const third = reader('third-reader');

  // All four clicks are on the wire before the bot has answered any of them.
  const clicks = [
    fake.clickButton({ customId: right, message, user: fake.member }),
    fake.clickButton({ customId: wrong, message, user: fake.moderator }),
    fake.clickButton({ customId: right, message, user: third }),
    fake.clickButton({ customId: wrong, message, user: fake.member }),
  ];
  const replies = await Promise.all(clicks.map((click) => callbackData(fake, click)));
  for (const reply of replies) {
    assert.equal(reply.type, 4, 'answered at once');
    assert.equal(reply.data.flags, ephemeral, 'only the member who clicked sees it');
  }
  const [memberReply, moderatorReply, thirdReply, secondClick] = replies.map((reply) => embedText(reply.data));
  const answer = question.choices[question.answerIndex] ?? '';
  assert.ok(memberReply?.startsWith(`Right (question 1): ${answer}`), memberReply);
  assert.match(memberReply ?? '', /Your score in this server: 1 right of 1\./);
  assert.match(moderatorReply ?? '', /^Not quite \(question 1\): the answer is /);
  assert.match(moderatorReply ?? '', /Your score in this server: 0 right of 1\./);
  assert.match(moderatorReply ?? '', /come back in \/review/);
  assert.match(thirdReply ?? '', /^Right/);
  for (const text of [memberReply, moderatorReply, thirdReply]) {
    assert.ok(text?.includes(`> ${question.quote.text.slice(0, 40)}`), 'the quote that settles it is shown as the explanation');
    assert.ok(text?.includes(`${question.quote.section}, ¶ ${question.quote.paragraph}`), 'with its section and paragraph');
  }
  assert.match(secondClick ?? '', /You already answered question 1: your first answer stands \(right\)/);
  assert.match(secondClick ?? '', /1 right of 1/, 'the second click changed nothing');

  const board = fake.sendSlashCommand({ name: 'leaderboard', user: fake.moderator });
  const boardReply = await callbackData(fake, board);
  assert.equal(boardReply.type, 4);
  assert.equal((boardReply.data.flags ?? 0) & ephemeral, 0, 'the leaderboard is for the whole server');
  const text = embedText(boardReply.data);
  const line = (who: FakeUser) => text.split('\n').find((candidate) => candidate.includes(`<@${who.id}>`));
  // "1\." is Markdown for a plain "1." (not a list Discord would renumber).
  assert.equal(line(fake.member), `1\\. <@${fake.member.id}> — 1 right of 1 (100%)`);
  assert.equal(line(third), `1\\. <@${third.id}> — 1 right of 1 (100%)`, 'the same score shares a rank');
  assert.equal(line(fake.moderator), `3\\. <@${fake.moderator.id}> — 0 right of 1 (0%)`);
  assert.deepEqual((boardReply.data['allowed_mentions'] as { parse: unknown[] }).parse, [], 'naming members pings nobody');
  assertWithinDiscordLimits(fake);
  assertNoPings(fake);
  assertValidRequests(fake);
});

test('GIVEN scores and a missed question THEN /review keeps it for tomorrow; a day later, after a restart, the leaderboard is unchanged and /review brings it back; a right answer can be marked easy', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const { message, buttons } = await postQuiz(harness, { questions: 2 });
  const firstRow = buttons[0] ?? [];
  const { question } = questionBehind(engine, firstRow[0]?.custom_id ?? '');
  const wrongChoice = question.answerIndex === 0 ? 1 : 0;
  await callbackData(fake, fake.clickButton({ customId: firstRow[question.answerIndex]?.custom_id ?? '', message, user: fake.member }));
  await callbackData(fake, fake.clickButton({ customId: firstRow[wrongChoice]?.custom_id ?? '', message, user: fake.moderator }));

  const tooSoon = await callbackData(fake, fake.sendSlashCommand({ name: 'review', user: fake.moderator }));
  const tooSoonText = embedText(tooSoon.data);
  assert.match(tooSoonText, /Nothing is due now\. You have 1 card; the next is due tomorrow/, 'right after the quiz, not at once');
  assert.ok(tooSoonText.includes(`tomorrow (`) && tooSoonText.includes(question.prompt.replaceAll('_', '\\_').slice(0, 40)), 'the due-later view names it');
  assert.equal(buttonRows(tooSoon.data).length, 0);

  const study = await restartBot(t, harness, 86_400_000 + 60_000);

  const board = await callbackData(fake, fake.sendSlashCommand({ name: 'leaderboard' }));
  assert.ok(embedText(board.data).includes(`1\\. <@${fake.member.id}> — 1 right of 1`), embedText(board.data));
  assert.ok(embedText(board.data).includes(`2\\. <@${fake.moderator.id}> — 0 right of 1`), embedText(board.data));

  const review = await callbackData(fake, fake.sendSlashCommand({ name: 'review', user: fake.moderator }));
  assert.equal(review.type, 4);
  assert.equal(review.data.flags, ephemeral, 'a review is personal');
  const reviewText = embedText(review.data);
  assert.match(reviewText, /^Review: 1 question due/);
  assert.ok(reviewText.includes(question.prompt.replaceAll('_', '\\_')), 'the missed question is back');
  const reviewRow = buttonRows(review.data)[0] ?? [];
  assert.deepEqual(
    reviewRow.map((button) => button.label),
    questionLayout(question, 1).labels,
  );
  const nothingForTheMember = await callbackData(fake, fake.sendSlashCommand({ name: 'review' }));
  assert.match(embedText(nothingForTheMember.data), /No review cards yet/, 'the member who was right has nothing to review');

  const reviewMessage = fake.messages.findLast((candidate) => customIds(candidate).includes(reviewRow[0]?.custom_id ?? '')) as FakeMessage;
  const rightId = reviewRow[question.answerIndex]?.custom_id ?? '';
  const graded = await callbackData(fake, fake.clickButton({ customId: rightId, message: reviewMessage, user: fake.moderator }));
  assert.equal(graded.data.flags, ephemeral);
  assert.match(embedText(graded.data), /^Right: /);
  assert.match(embedText(graded.data), /Next review tomorrow \(\d{4}-\d{2}-\d{2}\)\./);
  const grades = buttonRows(graded.data)[0] ?? [];
  assert.deepEqual(
    grades.map((button) => button.label),
    ['Hard', 'Good', 'Easy'],
  );
  const before = study.card(fake.moderator.id, question.id)?.easiness ?? 0;
  const gradedMessage = fake.messages.findLast((candidate) => customIds(candidate).includes(grades[2]?.custom_id ?? '')) ?? reviewMessage;
  const easy = await callbackData(fake, fake.clickButton({ customId: grades[2]?.custom_id ?? '', message: gradedMessage, user: fake.moderator }));
  assert.match(easy.data.content ?? '', /Noted: easy\. Next review tomorrow .*; the ones after it will be further apart\./);
  assert.ok((study.card(fake.moderator.id, question.id)?.easiness ?? 0) > before, 'easy raised the card’s easiness');
  const again = await callbackData(fake, fake.clickButton({ customId: rightId, message: reviewMessage, user: fake.moderator }));
  assert.match(again.data.content ?? '', /You already answered this card; it is next due tomorrow/, 'a second click grades nothing');

  const later = await callbackData(fake, fake.sendSlashCommand({ name: 'review', user: fake.moderator }));
  assert.match(embedText(later.data), /Nothing is due now\. You have 1 card; the next is due tomorrow/);
  assertWithinDiscordLimits(fake);
  assertValidRequests(fake);
});

test('GIVEN a quiz button this process never posted (as after a restart) THEN the click is deferred, the quiz rebuilt from the seed in the button, and the answer graded; a button whose choices changed is refused', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const made = makeQuiz(engine.corpus, { count: 3, seed: 'posted-before-a-restart' });
  assert.ok(made.ok);
  const question = made.quiz.questions[1] as QuizQuestion;
  const key = { seed: made.quiz.seed, count: 3, sectionIndex: undefined };
  const carrier = fake.sendUserMessage({ content: 'an old quiz' });

  const click = fake.clickButton({ customId: quizButtonId(key, question, question.answerIndex), message: carrier });
  const deferral = await callbackData(fake, click);
  assert.deepEqual(deferral, { type: 5, data: { flags: ephemeral } }, 'acknowledged before the rebuild');
  const { original } = await waitForAnswer(fake, click);
  assert.match(embedText(original), /^Right \(question 2\)/);
  assert.equal(harness.study.memberScore(fake.guildId, fake.member.id).answered, 1);

  const changed = quizButtonId(key, { id: question.id, choices: [...question.choices].reverse() }, 0);
  const refused = await callbackData(fake, fake.clickButton({ customId: changed, message: carrier, user: fake.moderator }));
  assert.equal(refused.data.flags, ephemeral);
  assert.match(refused.data.content ?? '', /earlier version of the text/);
  assert.equal(harness.study.memberScore(fake.guildId, fake.moderator.id).answered, 0, 'nothing recorded');
  assertValidRequests(fake);
});

test('GIVEN /quiz with a section picked by autocomplete THEN every question comes from that section', async (t) => {
  const harness = await startHarness(t);
  const { fake, engine } = harness;
  const typing = fake.sendAutocomplete({ name: 'quiz', focused: 'section', value: 'arrests' });
  const choices = await callbackData(fake, typing);
  assert.deepEqual(choices, {
    type: 8,
    data: { choices: [{ name: 'Arrests of Russian citizens and targeted charges', value: 'Arrests of Russian citizens and targeted charges' }] },
  });

  const { buttons } = await postQuiz(harness, { questions: 3, section: 'Arrests of Russian citizens and targeted charges' });
  assert.ok(buttons.length >= 1);
  for (const row of buttons) {
    assert.equal(questionBehind(engine, row[0]?.custom_id ?? '').question.quote.section, 'Arrests of Russian citizens and targeted charges');
  }

  const unknown = fake.sendSlashCommand({ name: 'quiz', options: { section: 'No such section' } });
  const error = await fake.waitForRequest((request) => request.method === 'POST' && request.path === `/webhooks/${fake.applicationId}/${unknown.token}`);
  assert.equal((error.body as { flags: number }).flags, ephemeral);
  assert.match((error.body as { content: string }).content, /There is no section called “No such section”/);
  assertValidRequests(fake);
});
