import { fileNameSlug } from '../../files/file-name-slug.js';
import { configuredStudyGuide } from '../../study/study-guide-by-document.js';
import { documentTitles } from '../../corpus/find-document.js';
import { matchingChoices } from '../autocomplete.js';
import { documentOption, channelReadingCommand, newSeed, requestedScope } from '../command.js';
import type { Command } from '../command.js';
import { slashCommand } from '../command.js';
import { discordLimits } from '../discord-limits.js';
import { accents, errorReply } from '../reply.js';

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "How Baku is playing with fire—without getting burned" → "how-baku-is-playing-with-fire-without-getting-burned". */
function fileStem(title: string): string {
  const slug = fileNameSlug(title, 60);
  return slug === '' ? 'study-guide' : `study-guide-${slug}`;
}

export const studyguideCommand = {
  data: slashCommand('studyguide', 'A Markdown study guide: summary, timeline, who’s who and a quiz with answers, every item cited.')
    .addStringOption(documentOption)
    .toJSON(),
  ...channelReadingCommand,
  async execute(request, services) {
    const scope = requestedScope(request, services.engine.corpus);
    if (!scope.ok) return errorReply(scope.problem.message);
    const seed = newSeed(services, 'guide');
    const markdown = await configuredStudyGuide(scope.corpora, {
      seed,
      chatModel: services.engine.config.llm?.chatModel,
      summarize: (corpus) => services.engine.summarize({ corpus, length: 'long', signal: request.signal }),
    });
    const bytes = Buffer.byteLength(markdown, 'utf8');
    const limit = Math.min(discordLimits.attachmentBytes, request.attachmentLimitBytes ?? Number.POSITIVE_INFINITY);
    if (bytes > limit) {
      return errorReply(
        `The study guide is ${size(bytes)}, more than the ${size(limit)} Discord accepts as a file here. Make it with \`npx footnote studyguide --out guide.md\` and share that file.`,
      );
    }
    const title = scope.corpora.length === 1 ? (scope.corpora[0]?.documents[0]?.title ?? 'the text') : `${scope.corpora.length} documents`;
    return {
      kind: 'content',
      cards: [
        {
          title: `Study guide: ${title}`,
          blocks: [
            {
              kind: 'text',
              text: 'The key points, the timeline, who’s who and a quiz with its answers, in the Markdown file below. Every item quotes the text and says where it stands (section, ¶).',
            },
          ],
          footer: `${size(bytes)} · quiz seed ${seed} (npx footnote studyguide --seed ${seed} makes the same guide)`,
          accent: accents.info,
        },
      ],
      buttons: [],
      files: [{ name: `${fileStem(title)}.md`, text: markdown, description: `Study guide for ${title}` }],
    };
  },
  autocomplete(focused, services) {
    return matchingChoices(documentTitles(services.engine.corpus), focused.value);
  },
} satisfies Command;
