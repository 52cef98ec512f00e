/** Every slash command, listed explicitly. `deploy-commands` registers exactly these. */
import type { Command } from './command.js';
import { aboutCommand } from './commands/about.js';
import { askCommand } from './commands/ask.js';
import { helpCommand } from './commands/help.js';
import { leaderboardCommand } from './commands/leaderboard.js';
import { passageCommand } from './commands/passage.js';
import { quizCommand } from './commands/quiz.js';
import { reindexCommand } from './commands/reindex.js';
import { reviewCommand } from './commands/review.js';
import { studyguideCommand } from './commands/studyguide.js';
import { summaryCommand } from './commands/summary.js';
import { timelineCommand } from './commands/timeline.js';
import { whoCommand } from './commands/who.js';

export const slashCommands: readonly Command[] = [
  askCommand,
  summaryCommand,
  quizCommand,
  leaderboardCommand,
  reviewCommand,
  timelineCommand,
  whoCommand,
  studyguideCommand,
  passageCommand,
  aboutCommand,
  helpCommand,
  reindexCommand,
];

export function findCommand(name: string): Command | undefined {
  return slashCommands.find((command) => command.data.name === name);
}
