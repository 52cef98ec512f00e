import type { MemberScore } from '../../study/study-store.js';
import type { Command } from '../command.js';
import { slashCommand } from '../command.js';
import { accents, cardReply, errorReply } from '../reply.js';
import type { ReplyBlock } from '../reply.js';
import { outsideServers } from '../study-reply.js';

const shownMembers = 10;

function scoreText(score: MemberScore): string {
  const share = score.answered === 0 ? 0 : Math.round((100 * score.correct) / score.answered);
  return `${score.correct} right of ${score.answered} (${share}%)`;
}

export const leaderboardCommand = {
  data: slashCommand('leaderboard', 'Quiz scores in this server: right answers per member.').toJSON(),
  // Outside a server only your own score is shown, so keep it to you.
  isPrivate: (request) => request.guildId === undefined,
  slow: false,
  cooldown: false,
  async execute(request, services) {
    const { study } = services;
    if (study === undefined) return errorReply('Scores are unavailable just now: the scores database could not be opened.');
    if (request.guildId === undefined) {
      const score = await study.memberScore(outsideServers, request.user.id);
      const text = score.answered === 0 ? 'No quiz answers yet: start one with /quiz.' : `Your quiz score outside servers: ${scoreText(score)}.`;
      return cardReply({ title: 'Your quiz score', blocks: [{ kind: 'text', text }], footer: 'Leaderboards are kept per server.', accent: accents.info });
    }
    const entries = await study.leaderboard(request.guildId, { limit: shownMembers });
    if (entries.length === 0)
      return cardReply({
        title: 'Leaderboard',
        blocks: [{ kind: 'text', text: 'No quiz answers in this server yet: start one with /quiz.' }],
        accent: accents.info,
      });
    const blocks: ReplyBlock[] = entries.map((entry) => ({
      kind: 'member',
      memberId: entry.memberId,
      before: `${entry.rank}. `,
      after: ` — ${scoreText(entry)}`,
    }));
    if (!entries.some((entry) => entry.memberId === request.user.id)) {
      const own = await study.memberScore(request.guildId, request.user.id);
      if (own.answered > 0) blocks.push({ kind: 'text', text: `You: ${scoreText(own)}.` });
    }
    return cardReply({
      title: 'Leaderboard',
      blocks,
      footer: 'Ranked by right answers, then by fewer answers for the same score. Each member’s first answer to a question counts.',
      accent: accents.info,
    });
  },
} satisfies Command;
