import { timeline } from '../../study/timeline.js';
import { groupedJson, groupedText } from '../document-groups.js';
import { noPositionals, parseArguments, writeLine, type CliCommand } from '../cli-command.js';
import { timelineJson, timelineText } from '../format-study.js';
import { loadPartsForCli } from '../load-corpus-for-cli.js';

export const timelineCliCommand = {
  name: 'timeline',
  summary: 'The dated events the text mentions, in date order, each with its quote.',
  usage: 'timeline [--document TITLE] [--server ID] [--json]',
  interpretRegexps: true,
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['document', 'server'] });
    noPositionals(parsed);
    const { parts } = await loadPartsForCli(io, parsed.flags);
    writeLine(
      io.stdout,
      parsed.flags.has('json')
        ? JSON.stringify(groupedJson(parts, (part) => timelineJson(timeline(part))))
        : groupedText(parts, (part) => timelineText(part, timeline(part))),
    );
    return 0;
  },
} satisfies CliCommand;
