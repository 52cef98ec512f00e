import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { loadConfig, secretsOf } from '../../config.js';
import type { Config } from '../../config.js';
import { consoleFeedbackStore } from '../../console/console-feedback-store.js';
import { runConsole } from '../../console/console-session.js';
import { startBot } from '../../discord/bot.js';
import { createLeadSentenceSummaries } from '../../discord/summary-provider.js';
import { openEngine } from '../../engine.js';
import { createLogger } from '../../logger.js';
import type { Logger } from '../../logger.js';
import { openFeedbackStore, unavailableFeedbackStore } from '../../storage/feedback-store.js';
import type { FeedbackStore } from '../../storage/feedback-store.js';
import { parseArguments } from '../cli-command.js';
import type { CliCommand, CliIo } from '../cli-command.js';
import { progressPrinter } from '../open-engine-for-cli.js';

export const startCommand = {
  name: 'start',
  summary: 'Run the Discord bot (when DISCORD_TOKEN is set), otherwise a console with the same commands.',
  usage: 'start [--console]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['console'] });
    const config = await loadConfig();
    const useConsole = parsed.flags.has('console') || config.discord.token === undefined;
    const logger = createLogger({
      // The console's own output is the answers: the log only speaks up for problems there.
      level: useConsole && config.logLevel === 'info' ? 'warn' : config.logLevel,
      secrets: secretsOf(config),
      write: (line) => io.stderr.write(line),
    });
    return useConsole ? runConsoleMode(config, logger, io) : runBotMode(config, logger);
  },
} satisfies CliCommand;

async function runConsoleMode(config: Config, logger: Logger, io: CliIo): Promise<number> {
  const engine = await openEngine(config, { logger, onProgress: progressPrinter(io) });
  try {
    await runConsole({
      services: { engine, summaries: createLeadSentenceSummaries(engine), feedback: consoleFeedbackStore, logger, now: () => new Date(), newId: () => randomUUID() },
      input: io.stdin,
      output: io.stdout,
      interactive: io.stdin.isTTY === true,
      sessionId: randomUUID(),
    });
    return 0;
  } finally {
    await engine.close();
  }
}

function openFeedback(config: Config, logger: Logger): FeedbackStore {
  try {
    return openFeedbackStore({ file: config.databaseFile, logger });
  } catch (error) {
    // Answers matter more than votes: keep answering and say in each answer that votes are off.
    logger.error('feedback database unavailable; answering without it', { file: config.databaseFile, error });
    return unavailableFeedbackStore(error instanceof Error ? error.message : String(error));
  }
}

async function runBotMode(config: Config, logger: Logger): Promise<number> {
  const engine = await openEngine(config, { logger });
  const feedback = openFeedback(config, logger);
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  try {
    const bot = await startBot({ config, engine, feedback, logger });
    const signal = await Promise.race([once(process, 'SIGTERM').then(() => 'SIGTERM'), once(process, 'SIGINT').then(() => 'SIGINT')]);
    logger.info('shutting down', { signal, pending: bot.pending });
    // A second signal means "now".
    const force = () => process.exit(130);
    process.once('SIGINT', force);
    process.once('SIGTERM', force);
    await bot.stop();
    return 0;
  } finally {
    feedback.close();
    await engine.close();
  }
}
