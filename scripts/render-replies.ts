/**
 * `npm run screenshots`: what footnote's main commands reply, drawn as Discord draws them and captured with
 * headless Chromium into docs/screenshots/ (the images docs/discord.md shows). The replies are real: the
 * offline engine over the article in corpus/, the same handlers and the same Discord rendering the bot uses
 * (commands/ → discord/discord-message.ts); only the page around them is drawn by scripts/discord-embed-html.ts.
 *
 * Needs Chromium: Debian's `chromium` package (`apt-get install chromium`), or pass `--chromium PATH`.
 * `--html-only` writes the pages without capturing them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/config.js';
import { openEngine } from '../src/engine.js';
import { findCommand } from '../src/commands/command-list.js';
import type { CommandRequest, CommandServices, OptionValue } from '../src/commands/command.js';
import { pressButton } from '../src/commands/press-button.js';
import type { Reply } from '../src/commands/reply.js';
import { buttonRowsOf } from '../src/commands/reply.js';
import { runCommand } from '../src/commands/run-command.js';
import { toDiscordMessages } from '../src/discord/discord-message.js';
import { silentLogger } from '../src/logger.js';
import { asyncFeedbackStore, openFeedbackStore } from '../src/storage/feedback-store.js';
import { asyncStudyStore } from '../src/study/async-study-store.js';
import { StudyStore } from '../src/study/study-store.js';
import { conversationHtml, type HtmlMessage } from './discord-embed-html.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputFolder = path.join(root, 'docs', 'screenshots');
const member = { id: '100000000000000001', name: 'reader' };

interface Shot {
  readonly file: string;
  /** As the member typed it, shown above the reply. */
  readonly typed: string;
  readonly command: string;
  readonly options?: Record<string, OptionValue>;
  /** Press the first button of this row of the reply and show the private answer too. */
  readonly press?: { readonly row: number; readonly button: number };
  readonly ephemeral?: boolean;
}

const shots: readonly Shot[] = [
  {
    file: 'ask-answer',
    typed: '/ask question: Why did Baku close the Russian House?',
    command: 'ask',
    options: { question: 'Why did Baku close the Russian House?' },
  },
  {
    file: 'ask-touches-on',
    typed: '/ask question: What did the Russian embassy say about the weather?',
    command: 'ask',
    options: { question: 'What did the Russian embassy say about the weather?' },
  },
  { file: 'ask-not-mentioned', typed: '/ask question: How do I cook plov?', command: 'ask', options: { question: 'How do I cook plov?' } },
  { file: 'passage-search', typed: '/passage search: Zakharova', command: 'passage', options: { search: 'Zakharova' } },
  { file: 'summary-short', typed: '/summary length: short', command: 'summary', options: { length: 'short' } },
  { file: 'quiz', typed: '/quiz questions: 3', command: 'quiz', options: { questions: 3 } },
  {
    file: 'quiz-answer',
    typed: '/quiz questions: 3 → a click on an answer',
    command: 'quiz',
    options: { questions: 3 },
    press: { row: 0, button: 0 },
    ephemeral: true,
  },
  { file: 'timeline', typed: '/timeline', command: 'timeline' },
];

function findChromium(given: string | undefined): string | undefined {
  const candidates = given === undefined ? ['chromium', 'chromium-browser', 'google-chrome'] : [given];
  return candidates.find((candidate) => spawnSync(candidate, ['--version'], { encoding: 'utf8' }).status === 0);
}

function asHtmlMessages(reply: Reply, ephemeral: boolean): HtmlMessage[] {
  return toDiscordMessages(reply).map((message) => ({ ...message, ephemeral: ephemeral || reply.kind === 'error' }));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const chromiumFlag = args.indexOf('--chromium');
  const htmlOnly = args.includes('--html-only');
  const chromium = htmlOnly ? undefined : findChromium(chromiumFlag >= 0 ? args[chromiumFlag + 1] : undefined);
  if (!htmlOnly && chromium === undefined) {
    process.stderr.write('screenshots: no Chromium found: install Debian’s `chromium` package (apt-get install chromium) or pass --chromium PATH.\n');
    return 1;
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'footnote-screenshots-'));
  const config = readConfig(
    {
      FOOTNOTE_CORPUS_DIR: path.join(root, 'corpus'),
      FOOTNOTE_DATA_DIR: path.join(root, 'data'),
      FOOTNOTE_DB: path.join(scratch, 'footnote.sqlite'),
      LOG_LEVEL: 'silent',
    },
    { cwd: root },
  );
  const engine = await openEngine(config);
  const feedback = openFeedbackStore({ file: config.databaseFile });
  const study = new StudyStore(config.databaseFile);
  let ids = 0;
  const services: CommandServices = {
    engine,
    feedback: asyncFeedbackStore(feedback),
    study: asyncStudyStore(study),
    logger: silentLogger,
    now: () => new Date('2025-07-26T21:04:00Z'),
    newId: () => `shot${(ids += 1)}`,
  };
  mkdirSync(outputFolder, { recursive: true });
  try {
    for (const shot of shots) {
      const command = findCommand(shot.command);
      if (command === undefined) throw new Error(`no command /${shot.command}`);
      const request: CommandRequest = {
        options: new Map(Object.entries(shot.options ?? {})),
        user: member,
        guildId: '200000000000000002',
        channelId: '300000000000000003',
        conversationId: `screenshots:${shot.file}`,
        permissions: undefined,
      };
      const reply = await runCommand(command, request, services);
      const messages = asHtmlMessages(reply, shot.ephemeral === true && shot.press === undefined);
      if (shot.press !== undefined) {
        const button = buttonRowsOf(reply)[shot.press.row]?.[shot.press.button];
        if (button === undefined) throw new Error(`${shot.file}: no button to press`);
        const answer = await pressButton({ customId: button.customId, user: member, guildId: request.guildId, messageId: 'shot' }, services);
        messages.push(...asHtmlMessages(answer, true));
      }
      const page = path.join(scratch, `${shot.file}.html`);
      writeFileSync(page, withHeight(conversationHtml({ command: shot.typed, messages, memberName: () => member.name })));
      if (chromium === undefined) {
        writeFileSync(path.join(outputFolder, `${shot.file}.html`), conversationHtml({ command: shot.typed, messages }));
        continue;
      }
      capture(chromium, page, path.join(outputFolder, `${shot.file}.png`), scratch);
      process.stdout.write(`docs/screenshots/${shot.file}.png\n`);
    }
  } finally {
    study.close();
    feedback.close();
    await engine.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return 0;
}

/** A script that writes the page's drawn height onto <body>, for --dump-dom to report. */
function withHeight(html: string): string {
  const script = `<script>document.body.setAttribute('data-height', String(Math.ceil(document.getElementById('page').getBoundingClientRect().height)));</script>`;
  return html.replace('</body>', `${script}</body>`);
}

/** A tall window first, then the page's own height: Chromium's --screenshot captures the window, not the page. */
function capture(chromium: string, page: string, png: string, scratch: string): void {
  const run = (height: number, extra: readonly string[]) =>
    spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--user-data-dir=${path.join(scratch, 'profile')}`,
        `--window-size=632,${height}`,
        ...extra,
        `file://${page}`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
  const measured = run(4000, ['--dump-dom', '--virtual-time-budget=2000', `--run-all-compositor-stages-before-draw`]);
  // The page writes its height into the DOM (withHeight); fall back to a tall window.
  const height = Number(/data-height="(\d+)"/.exec(measured.stdout)?.[1] ?? 2400);
  const shot = run(Math.min(Math.max(height + 8, 200), 8000), [`--screenshot=${png}`]);
  if (shot.status !== 0) throw new Error(`chromium failed on ${page}: ${shot.stderr.slice(0, 500)}`);
}

process.exitCode = await main();
