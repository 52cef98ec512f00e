/** Every slash command, listed explicitly. `deploy-commands` registers exactly these. */
import type { Command } from './command.js';
import { aboutCommand } from './commands/about.js';
import { askCommand } from './commands/ask.js';
import { helpCommand } from './commands/help.js';
import { passageCommand } from './commands/passage.js';
import { reindexCommand } from './commands/reindex.js';
import { summaryCommand } from './commands/summary.js';

export const slashCommands: readonly Command[] = [askCommand, summaryCommand, passageCommand, aboutCommand, helpCommand, reindexCommand];

export function findCommand(name: string): Command | undefined {
  return slashCommands.find((command) => command.data.name === name);
}
