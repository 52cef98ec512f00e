/** Every `npx footnote` subcommand, listed explicitly. */
import type { CliCommand } from './cli-command.js';
import { askCommand } from './commands/ask.js';
import { deployCommandsCommand } from './commands/deploy-commands.js';
import { evalCommand } from './commands/eval.js';
import { ingestCommand } from './commands/ingest.js';
import { startCommand } from './commands/start.js';

export const commands: readonly CliCommand[] = [ingestCommand, askCommand, evalCommand, startCommand, deployCommandsCommand];
