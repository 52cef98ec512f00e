/** Every `npx footnote` subcommand, listed explicitly. */
import type { CliCommand } from './cli-command.js';
import { askCliCommand } from './commands/ask.js';
import { benchCliCommand } from './commands/bench.js';
import { deployCommandsCliCommand } from './commands/deploy-commands.js';
import { evalCliCommand } from './commands/eval.js';
import { studyEvalCliCommand } from './commands/study-eval.js';
import { ingestCliCommand } from './commands/ingest.js';
import { quizCliCommand } from './commands/quiz.js';
import { studyguideCliCommand } from './commands/studyguide.js';
import { summaryCliCommand } from './commands/summary.js';
import { timelineCliCommand } from './commands/timeline.js';
import { whoCliCommand } from './commands/who.js';
import { startCliCommand } from './commands/start.js';

export const commands: readonly CliCommand[] = [
  ingestCliCommand,
  askCliCommand,
  evalCliCommand,
  studyEvalCliCommand,
  benchCliCommand,
  startCliCommand,
  deployCommandsCliCommand,
  summaryCliCommand,
  quizCliCommand,
  timelineCliCommand,
  whoCliCommand,
  studyguideCliCommand,
];
