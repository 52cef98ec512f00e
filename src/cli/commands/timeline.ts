import { timeline } from '../../study/timeline.js';
import { documentFlag, groupedJson, groupedText, partsOf } from '../document-groups.js';
import { parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { timelineJson, timelineText } from '../format-study.js';
import { loadCorpusForCli } from '../load-corpus-for-cli.js';
import { serverFlag } from '../server-flag.js';

export const timelineCliCommand = {
  name: 'timeline',
  summary: 'The dated events the text mentions, in date order, each with its quote.',
  usage: 'timeline [--document TITLE] [--server ID] [--json]',
  interpretRegexps: true,
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['document', 'server'] });
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals.join(' ')}"`);
    const corpus = await loadCorpusForCli(io, undefined, serverFlag(parsed.flags));
    const parts = partsOf(corpus, { document: documentFlag(parsed.flags) });
    writeLine(
      io.stdout,
      parsed.flags.has('json')
        ? JSON.stringify(groupedJson(parts, (part) => timelineJson(timeline(part))))
        : groupedText(parts, (part) => timelineText(part, timeline(part))),
    );
    return 0;
  },
} satisfies CliCommand;
