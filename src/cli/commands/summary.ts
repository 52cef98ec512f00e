import { summarize } from '../../study/summarize.js';
import { parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { reportProblem, summaryJson, summaryText } from '../format-study.js';
import { loadCorpusForCli } from '../load-corpus-for-cli.js';

export const summaryCommand = {
  name: 'summary',
  summary: 'The key points of the text or of one section, as verbatim, cited sentences.',
  usage: 'summary [--section NAME] [--length short|long] [--json]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['section', 'length'] });
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals.join(' ')}": give a section with --section NAME`);
    const length = parsed.flags.get('length') ?? 'short';
    if (length !== 'short' && length !== 'long') throw new UsageError('--length is short or long');
    const section = parsed.flags.get('section');
    const json = parsed.flags.has('json');
    const corpus = await loadCorpusForCli(io);
    const outcome = summarize(corpus, { section: typeof section === 'string' ? section : undefined, length });
    if (!outcome.ok) return reportProblem(io, outcome.problem, json);
    writeLine(io.stdout, json ? JSON.stringify(summaryJson(outcome.summary)) : summaryText(corpus, outcome.summary));
    return 0;
  },
} satisfies CliCommand;
