import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { loadConfig } from '../../config.js';
import type { Config } from '../../config.js';
import { consoleFeedbackStore } from '../../console/console-feedback-store.js';
import { runConsole } from '../../console/console-session.js';
import { followLibraryChanges } from '../../library/follow-library-changes.js';
import { Libraries } from '../../library/libraries.js';
import { startBot } from '../../discord/bot.js';
import { openEngine } from '../../engine.js';
import { commandLogger } from '../cli-logger.js';
import type { Logger } from '../../logger.js';
import { parseArguments, UsageError } from '../cli-command.js';
import { runShards } from '../../discord/shard-manager.js';
import type { CliCommand, CliIo } from '../cli-command.js';
import { progressPrinter, stepPrinter } from '../open-engine-for-cli.js';
import { postgresEmbeddingCache } from '../../database/postgres-embedding-cache.js';
import { postgresConversationMemory } from '../../database/postgres-conversation-memory.js';
import type { Turn } from '../../conversation/conversation-store.js';
import { openStores } from '../open-stores.js';

export const startCliCommand = {
  name: 'start',
  summary: 'Run the Discord bot (when DISCORD_TOKEN is set), otherwise a console with the same commands.',
  usage: 'start [--console] [--shards auto|N]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['console'], values: ['shards'] });
    const config = await loadConfig();
    const useConsole = parsed.flags.has('console') || config.discord.token === undefined;
    // The console's own output is the answers: the log only speaks up for problems there.
    const logger = useConsole ? commandLogger(io, config) : commandLogger(io, config, config.logLevel);
    const shards = parsed.flags.get('shards');
    if (typeof shards === 'string') {
      if (config.discord.token === undefined) throw new UsageError('--shards runs the Discord bot: set DISCORD_TOKEN (see docs/discord.md)');
      const script = process.argv[1];
      if (script === undefined) throw new UsageError('--shards needs to know the footnote command to start for each shard');
      return runShards({ config, logger, shards, script, execArgv: process.execArgv });
    }
    return useConsole ? runConsoleMode(config, logger, io) : runBotMode(config, logger);
  },
} satisfies CliCommand;

async function runConsoleMode(config: Config, logger: Logger, io: CliIo): Promise<number> {
  const engine = await openEngine(config, { logger, onProgress: progressPrinter(io), onStep: stepPrinter(io) });
  const { study, close } = await openStores(config, logger);
  try {
    await runConsole({
      services: { engine, feedback: consoleFeedbackStore, study, logger, now: () => new Date(), newId: () => randomUUID().replaceAll('-', '') },
      input: io.stdin,
      output: io.stdout,
      interactive: io.stdin.isTTY === true,
      sessionId: randomUUID(),
    });
    return 0;
  } finally {
    await close();
    await engine.close();
  }
}

async function runBotMode(config: Config, logger: Logger): Promise<number> {
  const stores = await openStores(config, logger);
  // With an embedding server and a shared database, passages are embedded once for all processes.
  const embeddingCache = stores.postgres !== undefined ? postgresEmbeddingCache(stores.postgres) : undefined;
  // And follow-ups are read with the earlier turns whichever process answered them.
  const conversations = stores.postgres !== undefined ? postgresConversationMemory<Turn>(stores.postgres, { ...config.conversation, logger }) : undefined;
  const engine = await openEngine(config, { logger, embeddingCache, ...(conversations !== undefined ? { conversations } : {}) });
  // Before the gateway: the first members' questions should not pay for what the first answer loads and compiles.
  const warming = Date.now();
  await engine.warmUp().then(
    () => logger.info('warmed up', { ms: Date.now() - warming }),
    (error: unknown) => logger.warn('warm-up failed; the first questions will be slower', { error }),
  );
  const { feedback, study } = stores;
  let stopFollowing: () => Promise<void> | undefined = () => undefined;
  let libraries: Libraries | undefined;
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  try {
    libraries =
      stores.libraries === undefined
        ? undefined
        : new Libraries({
            config,
            store: stores.libraries,
            shared: engine,
            logger,
            embeddingCache,
            ...(conversations !== undefined ? { conversations } : {}),
            onRemoved: async (documentId) => study?.forgetDocument(documentId),
          });
    // Several processes on one database: a library changed through another process is reloaded here too.
    const follower =
      libraries !== undefined && config.databaseUrl !== undefined
        ? followLibraryChanges({ url: config.databaseUrl, libraries, origin: stores.origin, logger })
        : undefined;
    stopFollowing = () => follower?.close();
    const bot = await startBot({ config, engine, feedback, study, libraries, logger });
    const signal = await Promise.race([
      once(process, 'SIGTERM').then(() => 'SIGTERM'),
      once(process, 'SIGINT').then(() => 'SIGINT'),
      bot.lost.then((code) => `gateway closed (${code})`),
    ]);
    logger.info('shutting down', { signal, pending: bot.pending });
    if (signal.startsWith('gateway closed')) {
      // Discord will not take this connection back; exit non-zero so a supervisor restarts with a fresh login.
      await bot.stop();
      return 1;
    }
    // A second signal means "now".
    const force = () => process.exit(130);
    process.once('SIGINT', force);
    process.once('SIGTERM', force);
    await bot.stop();
    return 0;
  } finally {
    await stopFollowing();
    await libraries?.close();
    await stores.close();
    await engine.close();
  }
}
