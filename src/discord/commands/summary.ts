import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { stringOption } from '../command.js';
import { citationText } from '../answer-reply.js';
import { discordLimits } from '../discord-limits.js';
import { truncate } from '../discord-message.js';
import { accents, errorReply } from '../reply.js';

export const summaryCommand = {
  data: new SlashCommandBuilder()
    .setName('summary')
    .setDescription('The key points of the text or of one section, quoted and cited.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((option) => option.setName('section').setDescription('A section of the text (empty: the whole text)').setAutocomplete(true).setMaxLength(200))
    .addStringOption((option) =>
      option
        .setName('length')
        .setDescription('How many points')
        .addChoices({ name: 'short', value: 'short' }, { name: 'long', value: 'long' }),
    )
    .toJSON(),
  isPrivate: () => false,
  slow: true,
  cooldown: true,
  async execute(request, services) {
    const length = stringOption(request, 'length') === 'long' ? 'long' : 'short';
    const outcome = await services.summaries.summarize({ section: stringOption(request, 'section'), length });
    if (!outcome.ok) return errorReply(outcome.message);
    const { summary } = outcome;
    if (summary.points.length === 0) return errorReply('That section has no text to summarise.');
    const showDocument = services.engine.corpus.documents.length > 1;
    return {
      kind: 'content',
      cards: [
        {
          title: `Key points: ${summary.title}`,
          blocks: summary.points.map((point) => ({ kind: 'quote', text: point.text, citation: citationText(point.citation, showDocument) })),
          footer: length === 'short' ? 'Short summary: lead sentences, verbatim. Try length:long for every paragraph.' : 'Long summary: the lead sentence of every paragraph, verbatim.',
          accent: accents.info,
        },
      ],
      buttons: [],
    };
  },
  autocomplete(focused, services) {
    const typed = focused.value.trim().toLowerCase();
    return services.summaries
      .sections()
      .filter((section) => section.toLowerCase().includes(typed))
      .slice(0, discordLimits.choices)
      .map((section) => {
        const name = truncate(section, discordLimits.choiceName);
        return { name, value: name };
      });
  },
} satisfies Command;
