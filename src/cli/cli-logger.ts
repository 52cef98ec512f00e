/** The log of a command: on stderr, so stdout stays the command's own output (text or JSON), with secrets masked. */
import { secretsOf, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import type { CliIo } from './cli-command.js';

/**
 * `level` defaults to the configured one with `info` raised to `warn`: a command's output is what it prints,
 * and the log only speaks up for problems.
 */
export function commandLogger(io: CliIo, config: Config, level: Config['logLevel'] = config.logLevel === 'info' ? 'warn' : config.logLevel): Logger {
  return createLogger({ level, secrets: secretsOf(config), write: (line) => io.stderr.write(line) });
}
