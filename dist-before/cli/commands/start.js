import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { loadConfig, secretsOf } from '../../config.js';
import { consoleFeedbackStore } from '../../console/console-feedback-store.js';
import { runConsole } from '../../console/console-session.js';
import { Libraries } from '../../library/libraries.js';
import { SqliteLibraryStore } from '../../library/library-store.js';
import { startBot } from '../../discord/bot.js';
import { openEngine } from '../../engine.js';
import { createLogger } from '../../logger.js';
import { openFeedbackStore, unavailableFeedbackStore } from '../../storage/feedback-store.js';
import { StudyStore } from '../../study/study-store.js';
import { parseArguments } from '../cli-command.js';
import { progressPrinter } from '../open-engine-for-cli.js';
export const startCliCommand = {
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
};
async function runConsoleMode(config, logger, io) {
    const engine = await openEngine(config, { logger, onProgress: progressPrinter(io) });
    const study = openStudy(config, logger);
    try {
        await runConsole({
            services: { engine, feedback: consoleFeedbackStore, study, logger, now: () => new Date(), newId: () => randomUUID().replaceAll('-', '') },
            input: io.stdin,
            output: io.stdout,
            interactive: io.stdin.isTTY === true,
            sessionId: randomUUID(),
        });
        return 0;
    }
    finally {
        study?.close();
        await engine.close();
    }
}
/** Scores and review cards share the database file with the votes; quizzes still run, unscored, without it. */
function openStudy(config, logger) {
    try {
        // better-sqlite3 blocks while it waits for a lock: keep the wait well inside Discord's 3-second deadline.
        return new StudyStore(config.databaseFile, { busyTimeoutMs: 1000 });
    }
    catch (error) {
        logger.error('study database unavailable; quizzes run without scores', { file: config.databaseFile, error });
        return undefined;
    }
}
function openFeedback(config, logger) {
    try {
        return openFeedbackStore({ file: config.databaseFile, logger });
    }
    catch (error) {
        // Answers matter more than votes: keep answering and say in each answer that votes are off.
        logger.error('feedback database unavailable; answering without it', { file: config.databaseFile, error });
        return unavailableFeedbackStore(error instanceof Error ? error.message : String(error));
    }
}
/** Each server's own documents; a database that cannot be opened leaves the bot on the shared corpus alone. */
function openLibraries(config, logger, engine, study) {
    try {
        const store = new SqliteLibraryStore(config.databaseFile);
        return new Libraries({ config, store, shared: engine, logger, onRemoved: (documentId) => study?.forgetDocument(documentId) });
    }
    catch (error) {
        logger.error('library database unavailable; every server answers from the shared corpus', { file: config.databaseFile, error });
        return undefined;
    }
}
async function runBotMode(config, logger) {
    const engine = await openEngine(config, { logger });
    const feedback = openFeedback(config, logger);
    const study = openStudy(config, logger);
    process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
    try {
        const libraries = openLibraries(config, logger, engine, study);
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
    }
    finally {
        feedback.close();
        study?.close();
        await engine.close();
    }
}
//# sourceMappingURL=start.js.map