import type { Command } from '../command.js';
import { personalCommand, slashCommand } from '../command.js';
import { accents } from '../reply.js';

export const helpCommand = {
  data: slashCommand('help', 'How to use footnote.').toJSON(),
  ...personalCommand,
  async execute() {
    return {
      kind: 'content',
      cards: [
        {
          title: 'footnote answers questions about the text with verbatim, cited quotes',
          blocks: [
            { kind: 'field', name: '/ask question', value: 'an answer with quotes and their section and paragraph (private:true to keep it to yourself)' },
            {
              kind: 'field',
              name: '/summary [section] [length]',
              value: 'the key points of the text or of one section, each with a quoted sentence (in the model’s words when one is configured)',
            },
            {
              kind: 'field',
              name: '/quiz [questions] [section]',
              value: 'a quiz for everyone here: click an answer to see privately if it was right, with the quote',
            },
            { kind: 'field', name: '/leaderboard', value: 'quiz scores in this server' },
            { kind: 'field', name: '/review', value: 'the questions you missed, back when they are due (spaced repetition)' },
            { kind: 'field', name: '/timeline', value: 'the dated events of the text, in order, each with its quote' },
            { kind: 'field', name: '/who [name]', value: 'the people, organisations and places the text names, with their role and quotes' },
            { kind: 'field', name: '/studyguide', value: 'a Markdown file with the summary, timeline, who’s who and a quiz with answers' },
            { kind: 'field', name: '/passage [paragraph] [search]', value: 'full paragraphs, by number or by search' },
            { kind: 'field', name: '/about', value: 'what footnote has read and how fresh its index is' },
            { kind: 'field', name: '/reindex', value: 'rebuild the index (Manage Server only)' },
            {
              kind: 'text',
              text: 'You can also mention footnote with a question: it answers in a thread, where follow-up questions continue the conversation. Under each answer, “Show ¶” opens the whole paragraph and 👍/👎 tell the maintainers how it did.',
            },
          ],
          accent: accents.info,
        },
      ],
      buttons: [],
    };
  },
} satisfies Command;
