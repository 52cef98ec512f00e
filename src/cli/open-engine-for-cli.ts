/** Opens the engine for a command-line run: logs to stderr only when something is worth saying. */
import { loadConfig, type Config } from '../config.js';
import { openEngine, type OpenEngineOptions } from '../engine.js';
import type { Engine } from '../engine-types.js';
import type { Logger } from '../logger.js';
import { commandLogger } from './cli-logger.js';
import type { CliIo } from './cli-command.js';

export interface CliEngine {
  readonly config: Config;
  readonly engine: Engine;
  readonly logger: Logger;
}

export async function openEngineForCli(io: CliIo, options: OpenEngineOptions & { quiet?: boolean } = {}): Promise<CliEngine> {
  const config = await loadConfig();
  const logger = options.quiet === true ? commandLogger(io, config, 'warn') : commandLogger(io, config);
  const progress = progressPrinter(io);
  const engine = await openEngine(config, { logger, onProgress: progress, onStep: stepPrinter(io, options.quiet === true), ...options });
  return { config, engine, logger };
}

/** A one-line progress display on a terminal for corpora big enough to wait for. */
export function progressPrinter(io: CliIo): (done: number, total: number) => void {
  const terminal = (io.stderr as NodeJS.WriteStream).isTTY === true;
  return (done, total) => {
    if (total < 2000) return;
    if (terminal) io.stderr.write(`\r  embedding passages ${done}/${total} (${Math.round((100 * done) / total)}%)${done === total ? '\n' : ''}`);
    else if (done === total || done % 10_000 < 512) io.stderr.write(`  embedding passages ${done}/${total}\n`);
  };
}

/**
 * One line on stderr as each slow first-run step starts ("converting the word vectors…", "building the
 * index…"), so a first answer that takes half a minute on a busy laptop does not look like a hang.
 */
export function stepPrinter(io: CliIo, quiet = false): (message: string) => void {
  return (message) => {
    if (!quiet) io.stderr.write(`footnote: ${message}\n`);
  };
}
