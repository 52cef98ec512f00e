import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Answer, Passage, Quote } from '../../src/answering/types.js';
import { answerReply, closestPassages, cutAtSentence } from '../../src/commands/answer-reply.js';
import type { Reply } from '../../src/commands/reply.js';
import { escapeText, toDiscordMessages } from '../../src/discord/discord-message.js';
import { renderText } from '../../src/console/render-text.js';
import { articleFile } from '../helpers/test-config.js';
import { questionLayout } from '../../src/commands/study-reply.js';
import type { QuizQuestion } from '../../src/study/make-quiz.js';

const article = readFileSync(articleFile, 'utf8');
const title = 'How Baku is playing with fire—without getting burned';

/** A verbatim quote of the article, located where it stands. */
function quoteOf(text: string, section: string, paragraph: number): Quote {
  const start = article.indexOf(text);
  assert.ok(start >= 0, `in the article: ${text.slice(0, 40)}`);
  return { text, documentId: 'baku.txt', documentTitle: title, section, paragraph, start, end: start + text.length };
}

function passageOf(text: string, section: string, paragraph: number, score: number): Passage {
  return { ...quoteOf(text, section, paragraph), chunkId: `c${paragraph}`, score };
}

const russianHouse = quoteOf(
  'According to Baku media, this cultural center was accused of facilitating Russian intelligence activities in Baku, and its closure sent a clear message to the Kremlin that Baku would no longer tolerate Moscow’s indirect influence.',
  'Symbolic actions and the reduction of Russian cultural influence',
  10,
);
const arrestsSection = 'Arrests of Russian citizens and targeted charges';
const arrests = article.slice(article.indexOf(arrestsSection), article.indexOf('Aligning with Moscow’s rivals')).trim();
const arrestsBody = arrests.slice(arrestsSection.length).trim();

function answer(overrides: Partial<Answer>): Answer {
  return {
    question: 'Why did Baku close the Russian House?',
    standaloneQuestion: 'Why did Baku close the Russian House?',
    answer: russianHouse.text,
    abstained: false,
    mode: 'extractive',
    quotes: [russianHouse],
    passages: [],
    droppedQuotes: [],
    repairedQuotes: [],
    fallbackReason: undefined,
    ...overrides,
  };
}

const options = { answerId: 'a1', showDocument: false, chatModel: undefined };

function discordText(reply: Reply): string {
  return toDiscordMessages(reply)
    .flatMap((message) => [
      message.content ?? '',
      ...message.embeds.map((embed) => [embed.title, embed.description, embed.footer?.text].filter(Boolean).join('\n')),
    ])
    .filter((part) => part !== '')
    .join('\n');
}

test('GIVEN an answer THEN its whole sentence is the first line, in bold, once, with section, ¶ and offsets under it', () => {
  const supporting = quoteOf(
    'The cancellation of all Russian-related cultural programs, including concerts and joint events, as well as the closure of the Russian House (Rossotrudnichestvo) office in Baku, were signs of an attempt to reduce Moscow’s cultural influence.',
    'Symbolic actions and the reduction of Russian cultural influence',
    10,
  );
  const text = discordText(answerReply(answer({ quotes: [russianHouse, supporting] }), options));
  const [first, second] = text.split('\n');
  assert.equal(first, `**${escapeText(russianHouse.text)}**`);
  assert.equal(second, `— Symbolic actions and the reduction of Russian cultural influence · ¶ 10 · characters ${russianHouse.start}–${russianHouse.end}`);
  assert.equal(text.split('accused of facilitating').length, 2, 'the answer is not quoted again');
  assert.match(text, /\n> The cancellation of all Russian-related[^\n]*\n— ¶ 10\n/, 'a supporting quote with a compact citation');
  assert.match(text, /Q: Why did Baku close the Russian House\?/);
  assert.match(renderText(answerReply(answer({}), options)), /^According to Baku media/, 'the console shows the answer first too');
});

test('GIVEN who answered THEN the footer says it: the model by name with its quotes checked, offline, or offline because the model failed', () => {
  const footer = (reply: Reply) => discordText(reply).split('\n').at(-1);
  assert.equal(
    footer(answerReply(answer({ mode: 'llm' }), { ...options, chatModel: 'gpt-4o-mini' })),
    'Answered by the model (gpt-4o-mini); every quote was checked against the text.',
  );
  assert.equal(footer(answerReply(answer({ mode: 'llm' }), options)), 'Answered by the model; every quote was checked against the text.');
  assert.equal(footer(answerReply(answer({}), options)), 'Answered offline: quotes picked from the text, verbatim.');
  assert.equal(
    footer(answerReply(answer({ fallbackReason: 'timeout' }), { ...options, chatModel: 'gpt-4o-mini' })),
    'Answered offline: the model could not answer just now. Quotes are verbatim from the text.',
  );
});

test('GIVEN a long supporting quote THEN it is cut at a word, never inside one, and says where the whole is', () => {
  const long = quoteOf(arrestsBody, arrestsSection, 11);
  const reply = answerReply(answer({ quotes: [russianHouse, long] }), options);
  assert.ok(reply.kind === 'content');
  const block = reply.cards[0]?.blocks[1];
  assert.ok(block?.kind === 'quote');
  assert.ok(block.text.length <= 400 && block.text.length > 200, block.text);
  assert.ok(long.text.startsWith(block.text), 'a verbatim prefix: whole sentences, nothing cut inside one');
  assert.match(block.text, /\.$/);
  assert.match(long.text.slice(block.text.length), /^\s/);
  const noSentenceEnd = `${'word '.repeat(120)}end.`;
  const cut = cutAtSentence(noSentenceEnd, 400);
  assert.ok(cut.endsWith('word…') && cut.length <= 400, 'without a sentence end, cut at a word with an ellipsis');
  assert.match(block.citation, /¶ 11 \(cut: \/passage 11 shows it whole\)/);
});

test('GIVEN an abstention where the text touches on the question THEN one line and at most two short passages, headings outside, no overlap, under 700 characters', () => {
  const withHeading = passageOf(arrests, arrestsSection, 11, 0.6);
  const overlapping = passageOf(arrestsBody.slice(0, 200), arrestsSection, 11, 0.55);
  const plane = passageOf(
    'Baku’s first attempt to impose new rules on Moscow came in late 2024, when the Azal plane was mistakenly shot down by Russian air defenses.',
    'Causes of tension: Zangezur, the downed plane, and Moscow’s weakness',
    7,
    0.5,
  );
  const abstention = answer({
    answer: "The text touches on this but doesn't answer it. The closest passages:",
    abstained: true,
    quotes: [],
    passages: [withHeading, overlapping, plane],
  });
  const reply = answerReply(abstention, options);
  const text = discordText(reply);
  assert.ok(text.length < 700, `${text.length} characters:\n${text}`);
  assert.match(text, /^The text touches on this but doesn't answer it\.\n/);
  assert.doesNotMatch(text, /closest passages/i, 'no lead-in to a list');
  assert.equal(text.match(/^> /gm)?.length, 2, 'two passages');
  assert.doesNotMatch(text, /> Arrests of Russian citizens/, 'the heading is not inside the quote');
  assert.match(text, /> The detention of staff/);
  assert.match(text, /> Baku’s first attempt/, 'the overlapping window is skipped for the next passage');
  assert.deepEqual(
    closestPassages([withHeading]).map((passage) => article.slice(passage.start, passage.start + 20)),
    ['The detention of sta'],
    'offsets follow the heading cut',
  );
});

test('GIVEN a question about something the text never mentions THEN the reply is that one line', () => {
  const reply = answerReply(answer({ answer: "The text doesn't mention plov.", abstained: true, quotes: [], passages: [] }), options);
  assert.ok(reply.kind === 'content');
  assert.deepEqual(reply.cards[0]?.blocks, [{ kind: 'text', text: "The text doesn't mention plov." }]);
  assert.deepEqual(reply.buttons[0], [], 'no paragraph buttons');
});

test('GIVEN markdown in text THEN it is escaped as discord.js would show it, headings, lists and quotes included', () => {
  assert.equal(
    escapeText('# a\n## b\n- c\n  * d\n-# e\n> f\n12. g\nx_y *z* `c` |s| ~t~ [l](u) \\'),
    '\\# a\n\\## b\n\\- c\n  \\* d\n\\-# e\n\\> f\n12\\. g\nx\\_y \\*z\\* \\`c\\` \\|s\\| \\~t\\~ \\[l](u) \\\\',
  );
  assert.equal(escapeText('In 2024. Then 3.5 people - not a list'), 'In 2024. Then 3.5 people - not a list');
});

test('GIVEN hostile markdown ten times longer THEN escaping takes about ten times the CPU, not a hundred', () => {
  const unit = '# _*~`|[>- 1. '.repeat(2) + 'word\n';
  const cpu = (text: string) => {
    const before = process.cpuUsage();
    for (let round = 0; round < 3; round += 1) escapeText(text);
    const used = process.cpuUsage(before);
    return used.user + used.system;
  };
  const small = unit.repeat(Math.ceil(100_000 / unit.length));
  const large = unit.repeat(Math.ceil(1_000_000 / unit.length));
  cpu(small);
  const ratio = cpu(large) / Math.max(cpu(small), 1);
  assert.ok(ratio < 40, `10× the text took ${ratio.toFixed(1)}× the CPU`);
});

test('GIVEN a paragraph far beyond what Discord can carry THEN the reply stops at ten messages and says so', () => {
  const sentence = 'This sentence belongs to an enormous paragraph that someone pasted into the corpus. ';
  const reply: Reply = { kind: 'content', cards: [{ title: '¶ 1', blocks: [{ kind: 'text', text: sentence.repeat(12_000) }] }], buttons: [] };
  const messages = toDiscordMessages(reply);
  assert.equal(messages.length, 10);
  assert.match(messages.at(-1)?.content ?? '', /too long for Discord: the last \d+ messages were left out/);
  for (const message of messages) {
    const characters = message.embeds.reduce((sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0), 0);
    assert.ok(characters <= 6000 && message.embeds.length <= 10);
    assert.ok(
      message.embeds.every((embed) => (embed.description ?? '').endsWith('.')),
      'pieces end at a sentence',
    );
  }
});

test('GIVEN a quiz question whose choices are too long for a button THEN they are listed under the prompt and the buttons say A–D', () => {
  const events = [
    'Baku’s first attempt to impose new rules on Moscow came in late 2024, when the Azal plane was mistakenly shot down by Russian air defenses',
    'Aliyev, who has inherited power since 2003',
    'Russian peacekeepers deployed in Artsakh after the 2020 Armenia-Azerbaijan war',
  ];
  const question = { prompt: 'Which of these happened first, according to the text?', choices: events } as unknown as QuizQuestion;
  const layout = questionLayout(question, 10);
  assert.deepEqual(layout.labels, ['10 · A', '10 · B', '10 · C']);
  assert.equal(layout.text, [question.prompt, ...events.map((event, index) => `${'ABC'[index]}) ${event}`)].join('\n'));
  const short = questionLayout({ prompt: 'Who?', choices: ['Turkey', 'Iran'] } as unknown as QuizQuestion, 2);
  assert.deepEqual(short, { text: 'Who?', labels: ['2 · Turkey', '2 · Iran'] }, 'short choices stay on their buttons');
});
