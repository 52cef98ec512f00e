/**
 * Starts the real bot (discord.js Client and all) against a fresh fake Discord, with the real engine on the
 * real corpus and a real SQLite file in a temporary folder; everything is torn down in t.after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RESTOptions } from 'discord.js';
import { readConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import { openEngine } from '../../src/engine.js';
import type { Engine, IndexInfo } from '../../src/engine-types.js';
import { createLogger } from '../../src/logger.js';
import { startBot } from '../../src/discord/bot.js';
import type { Libraries } from '../../src/library/libraries.js';
import type { Bot } from '../../src/discord/bot.js';
import type { AnswerQueueOptions } from '../../src/discord/answer-queue.js';
import { openFeedbackStore } from '../../src/storage/feedback-store.js';
import type { FeedbackStore } from '../../src/storage/feedback-store.js';
import { StudyStore } from '../../src/study/study-store.js';
import { discordSpecMissingMessage, loadDiscordOpenApi } from '../fakes/discord-openapi.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import type { FakeMessage, SentInteraction } from '../fakes/fake-discord.js';
import { asyncFeedbackStore } from '../../src/storage/feedback-store.js';
import { asyncStudyStore } from '../../src/study/async-study-store.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let sharedEngine: Promise<Engine> | undefined;

/** The real engine on the real corpus; the index and model cache in data/ are shared by every test file. */
export function realEngine(): Promise<Engine> {
  sharedEngine ??= openEngine(testConfig({}));
  return sharedEngine;
}

/** The real engine, except that a rebuild is counted instead of rewriting the shared index in data/. */
export async function engineCountingRebuilds(): Promise<{ engine: Engine; rebuilds: () => number }> {
  const base = await realEngine();
  let rebuilds = 0;
  const engine: Engine = Object.assign(Object.create(base) as Engine, {
    reindex: async (): Promise<IndexInfo> => {
      rebuilds += 1;
      return base.index;
    },
  });
  return { engine, rebuilds: () => rebuilds };
}

export function testConfig(environment: Record<string, string>): Config {
  return readConfig(
    {
      FOOTNOTE_DATA_DIR: path.join(repositoryRoot, 'data'),
      FOOTNOTE_CORPUS_DIR: path.join(repositoryRoot, 'corpus'),
      // The converted word vectors stay shared when a test moves the data folder (converting them again costs ~8 s).
      FOOTNOTE_MODEL_DIR: path.join(repositoryRoot, 'data', 'models'),
      COOLDOWN_SECONDS: '0',
      ...environment,
    },
    { cwd: repositoryRoot },
  );
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  readonly engine: Engine;
  readonly feedback: FeedbackStore;
  /** Quiz scores and review cards, in the same SQLite file as the votes. */
  readonly study: StudyStore;
  readonly config: Config;
  readonly databaseFile: string;
  readonly logs: string[];
}

export interface HarnessOptions {
  readonly engine?: Engine;
  /** Each server's own library (/library); none by default. */
  readonly libraries?: Libraries;
  readonly environment?: Record<string, string>;
  readonly heartbeatIntervalMs?: number;
  /** The largest file the fake's interactions accept (default 10 MiB). */
  readonly attachmentSizeLimit?: number;
  /** REST options instead of the tests' unthrottled ones; `{}` runs the bot with its production settings. */
  readonly rest?: Partial<RESTOptions>;
  /** The answer queue's length and concurrency instead of the production defaults. */
  readonly answerQueue?: AnswerQueueOptions;
}

let warnedAboutSpec = false;

export async function startHarness(t: TestContext, options: HarnessOptions = {}): Promise<Harness> {
  const validator = loadDiscordOpenApi();
  if (validator === undefined && !warnedAboutSpec) {
    warnedAboutSpec = true;
    t.diagnostic(discordSpecMissingMessage);
  }
  const fake = await FakeDiscord.start({
    validator,
    ...(options.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: options.heartbeatIntervalMs }),
    ...(options.attachmentSizeLimit === undefined ? {} : { attachmentSizeLimit: options.attachmentSizeLimit }),
  });
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-discord-'));
  const databaseFile = path.join(folder, 'footnote.sqlite');
  const config = testConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, FOOTNOTE_DB: databaseFile, ...options.environment });
  const engine = options.engine ?? (await realEngine());
  const feedback = openFeedbackStore({ file: databaseFile });
  const study = new StudyStore(databaseFile);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', secrets: [fake.token], write: (line) => logs.push(line) });
  // eslint-disable-next-line prefer-const -- t.after is registered before the bot starts, so a failed start is still cleaned up
  let bot: Bot | undefined;
  t.after(async () => {
    await bot?.stop({ timeoutMs: 2_000 });
    feedback.close();
    study.close();
    await fake.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  bot = await startBot({
    config,
    engine,
    feedback: asyncFeedbackStore(feedback),
    study: asyncStudyStore(study),
    logger,
    libraries: options.libraries,
    rest: options.rest ?? { globalRequestsPerSecond: 10_000, offset: 0 },
    ...(options.answerQueue === undefined ? {} : { answerQueue: options.answerQueue }),
  });
  return { fake, bot, engine, feedback, study, config, databaseFile, logs };
}

/** Every request body the bot sent, checked against Discord's API description. */
export function assertValidRequests(fake: FakeDiscord): void {
  if (fake.invalidRequests.length === 0) return;
  const report = fake.invalidRequests
    .map(({ request, problems }) => `${request.method} ${request.path}\n    ${problems.slice(0, 5).join('\n    ')}`)
    .join('\n');
  throw new Error(`the bot sent ${fake.invalidRequests.length} request(s) Discord would reject:\n${report}`);
}

/** Every message-carrying body the bot sent must disable mention parsing. */
export function assertNoPings(fake: FakeDiscord): void {
  for (const request of fake.requests) {
    const body = request.body as Record<string, unknown> | undefined;
    const message = request.path.endsWith('/callback') ? (body?.['data'] as Record<string, unknown> | undefined) : body;
    const carriesMessage = message !== undefined && ('content' in message || 'embeds' in message);
    if (!carriesMessage || request.method === 'PUT') continue;
    const allowed = message['allowed_mentions'] as { parse?: unknown[] } | undefined;
    if (allowed === undefined || !Array.isArray(allowed.parse) || allowed.parse.length !== 0) {
      throw new Error(`${request.method} ${request.path} was sent without allowed_mentions.parse = []: ${JSON.stringify(allowed)}`);
    }
  }
}

/** The last state of the interaction's original message (after its edit), plus any follow-ups, in order. */
export async function waitForAnswer(
  fake: FakeDiscord,
  interaction: SentInteraction,
  options: { followUps?: number } = {},
): Promise<{ original: Record<string, unknown>; followUps: Record<string, unknown>[] }> {
  const edit = await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(`/${interaction.token}/messages/@original`), {
    what: `the edit of @original for ${interaction.id}`,
  });
  const expected = options.followUps ?? 0;
  const followUps = await fake.waitFor(
    () => {
      const sent = fake.requestsFor(interaction).filter((request) => request.method === 'POST' && request.path.startsWith('/webhooks/'));
      return sent.length >= expected ? sent : undefined;
    },
    { what: `${expected} follow-up(s)` },
  );
  return { original: edit.body as Record<string, unknown>, followUps: followUps.map((request) => request.body as Record<string, unknown>) };
}

export function embedText(message: Record<string, unknown>): string {
  const embeds = (message['embeds'] as { title?: string; description?: string; footer?: { text: string } }[] | undefined) ?? [];
  return embeds.map((embed) => [embed.title, embed.description, embed.footer?.text].filter(Boolean).join('\n')).join('\n');
}

export function customIds(message: Record<string, unknown> | FakeMessage): string[] {
  const rows = (message['components'] as { components: { custom_id: string }[] }[] | undefined) ?? [];
  return rows.flatMap((row) => row.components.map((component) => component.custom_id));
}
