import { aboutCommand } from './handlers/about.js';
import { askCommand } from './handlers/ask.js';
import { helpCommand } from './handlers/help.js';
import { leaderboardCommand } from './handlers/leaderboard.js';
import { libraryCommand } from './handlers/library.js';
import { passageCommand } from './handlers/passage.js';
import { quizCommand } from './handlers/quiz.js';
import { reindexCommand } from './handlers/reindex.js';
import { reviewCommand } from './handlers/review.js';
import { studyguideCommand } from './handlers/studyguide.js';
import { summaryCommand } from './handlers/summary.js';
import { timelineCommand } from './handlers/timeline.js';
import { whoCommand } from './handlers/who.js';
export const slashCommands = [
    askCommand,
    summaryCommand,
    quizCommand,
    leaderboardCommand,
    reviewCommand,
    timelineCommand,
    whoCommand,
    studyguideCommand,
    passageCommand,
    libraryCommand,
    aboutCommand,
    helpCommand,
    reindexCommand,
];
export function findCommand(name) {
    return slashCommands.find((command) => command.data.name === name);
}
//# sourceMappingURL=command-list.js.map