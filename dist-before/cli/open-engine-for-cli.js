/** Opens the engine for a command-line run: logs to stderr only when something is worth saying. */
import { loadConfig, secretsOf } from '../config.js';
import { openEngine } from '../engine.js';
import { createLogger } from '../logger.js';
export async function openEngineForCli(io, options = {}) {
    const config = await loadConfig();
    const logger = createLogger({
        level: options.quiet === true ? 'warn' : config.logLevel === 'info' ? 'warn' : config.logLevel,
        secrets: secretsOf(config),
        write: (line) => io.stderr.write(line),
    });
    const progress = progressPrinter(io);
    const engine = await openEngine(config, { logger, onProgress: progress, ...options });
    return { config, engine, logger };
}
/** A one-line progress display on a terminal for corpora big enough to wait for. */
export function progressPrinter(io) {
    const terminal = io.stderr.isTTY === true;
    return (done, total) => {
        if (total < 2000)
            return;
        if (terminal)
            io.stderr.write(`\r  embedding passages ${done}/${total} (${Math.round((100 * done) / total)}%)${done === total ? '\n' : ''}`);
        else if (done === total || done % 10_000 < 512)
            io.stderr.write(`  embedding passages ${done}/${total}\n`);
    };
}
//# sourceMappingURL=open-engine-for-cli.js.map