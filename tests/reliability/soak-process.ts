/**
 * A child process (run with --expose-gc) that asks the bot's /ask command many times in a row, in process:
 * the real engine with its conversation memory, the real SQLite feedback file, the reply rendered into
 * Discord messages — everything an answer goes through except the network. It prints one JSON line: the
 * heap after a warm-up and after the run, each measured after garbage collection.
 *
 *   node --expose-gc --import tsx tests/reliability/soak-process.ts --asks 5000 --warm-up 500 [--folder /dev/shm]
 *
 * `--folder` is where the SQLite file goes: on tmpfs its fsyncs cost nothing, which is all a memory soak needs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askCommand } from '../../src/commands/handlers/ask.js';
import type { CommandRequest, CommandServices } from '../../src/commands/command.js';
import { toDiscordMessages } from '../../src/discord/discord-message.js';
import { runCommand } from '../../src/commands/run-command.js';
import { openEngine } from '../../src/engine.js';
import { silentLogger } from '../../src/logger.js';
import { openFeedbackStore } from '../../src/storage/feedback-store.js';
import { testConfig } from '../discord/bot-harness.js';
import { loadQuestions } from './load-questions.js';
import Database from 'better-sqlite3';
import { asyncFeedbackStore } from '../../src/storage/feedback-store.js';

export interface SoakReport {
  readonly asks: number;
  readonly answered: number;
  readonly refused: number;
  readonly seconds: number;
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
  readonly rssAfterBytes: number;
  /** Rows in the answers table, warm-up included: one per answer shown with vote buttons. */
  readonly savedAnswers: number;
}

const { values } = parseArgs({
  options: {
    asks: { type: 'string', default: '5000' },
    'warm-up': { type: 'string', default: '500' },
    members: { type: 'string', default: '25' },
    folder: { type: 'string', default: tmpdir() },
  },
});
const asks = Number(values.asks);
const warmUp = Number(values['warm-up']);
const members = Number(values.members);

const collect = globalThis.gc;
if (collect === undefined) throw new Error('run with node --expose-gc');
const heapAfterCollection = () => {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

const folder = mkdtempSync(path.join(values.folder, 'footnote-soak-'));
const databaseFile = path.join(folder, 'footnote.sqlite');
const feedback = openFeedbackStore({ file: databaseFile });
const engine = await openEngine(testConfig({}));
let sequence = 0;
const services: CommandServices = {
  engine,
  feedback: asyncFeedbackStore(feedback),
  study: undefined,
  logger: silentLogger,
  now: () => new Date(),
  newId: () => `answer-${(sequence += 1)}`,
};

let answered = 0;
let refused = 0;
/** One member of a reading group asks in the group's channel, as the interaction router would pass it on. */
async function ask(turn: number): Promise<void> {
  const member = `member-${turn % members}`;
  const request: CommandRequest = {
    options: new Map([['question', loadQuestions[turn % loadQuestions.length] ?? '']]),
    user: { id: member, name: member },
    guildId: 'soak-guild',
    channelId: 'soak-channel',
    conversationId: `discord:channel:soak-channel:user:${member}`,
    permissions: undefined,
  };
  const reply = await runCommand(askCommand, request, services);
  const messages = toDiscordMessages(reply);
  if (reply.kind === 'content' && messages.length > 0) answered += 1;
  else refused += 1;
}

for (let turn = 0; turn < warmUp; turn += 1) await ask(turn);
const heapBeforeBytes = heapAfterCollection();
answered = 0;
refused = 0;
const started = performance.now();
for (let turn = 0; turn < asks; turn += 1) await ask(warmUp + turn);
const seconds = (performance.now() - started) / 1000;
const heapAfterBytes = heapAfterCollection();
feedback.close();
const database = new Database(databaseFile, { readonly: true });
const savedAnswers = (database.prepare('SELECT COUNT(*) AS count FROM answers').get() as { count: number }).count;
database.close();
const report: SoakReport = {
  asks,
  answered,
  refused,
  seconds,
  heapBeforeBytes,
  heapAfterBytes,
  rssAfterBytes: process.memoryUsage().rss,
  savedAnswers,
};
rmSync(folder, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(report)}\n`);
