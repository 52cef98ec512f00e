/** Every `npx footnote` subcommand, listed explicitly. */
import type { CliCommand } from './cli-command.js';
import { askCommand } from './commands/ask.js';
import { benchCommand } from './commands/bench.js';
import { deployCommandsCommand } from './commands/deploy-commands.js';
import { evalCommand } from './commands/eval.js';
import { studyEvalCommand } from './commands/study-eval.js';
import { ingestCommand } from './commands/ingest.js';
import { quizCommand } from './commands/quiz.js';
import { studyguideCommand } from './commands/studyguide.js';
import { summaryCommand } from './commands/summary.js';
import { timelineCommand } from './commands/timeline.js';
import { whoCommand } from './commands/who.js';
import { startCommand } from './commands/start.js';

export const commands: readonly CliCommand[] = [
  ingestCommand,
  askCommand,
  evalCommand,
  studyEvalCommand,
  benchCommand,
  startCommand,
  deployCommandsCommand,
  summaryCommand,
  quizCommand,
  timelineCommand,
  whoCommand,
  studyguideCommand,
];
