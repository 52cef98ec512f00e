import { timeline } from '../../study/timeline.js';
import { parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { timelineJson, timelineText } from '../format-study.js';
import { loadCorpusForCli } from '../load-corpus-for-cli.js';

export const timelineCliCommand = {
  name: 'timeline',
  summary: 'The dated events the text mentions, in date order, each with its quote.',
  usage: 'timeline [--json]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'] });
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals.join(' ')}"`);
    const corpus = await loadCorpusForCli(io);
    const events = timeline(corpus);
    writeLine(io.stdout, parsed.flags.has('json') ? JSON.stringify(timelineJson(events)) : timelineText(corpus, events));
    return 0;
  },
} satisfies CliCommand;
