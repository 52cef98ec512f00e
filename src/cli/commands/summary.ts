import { loadConfig } from '../../config.js';
import type { Summary } from '../../study/summarize.js';
import { writeSummary } from '../../study/write-summary.js';
import type { Corpus } from '../../corpus/types.js';
import { groupedJson, groupedText } from '../document-groups.js';
import { noPositionals, parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { commandLogger } from '../cli-logger.js';
import { reportProblem, summaryJson, summaryText } from '../format-study.js';
import { loadPartsForCli } from '../load-corpus-for-cli.js';

export const summaryCliCommand = {
  name: 'summary',
  summary: 'The key points of the text or of one section, each with a verbatim, cited sentence (written by the model when one is configured).',
  usage: 'summary [--section NAME] [--document TITLE] [--server ID] [--length short|long] [--json]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['section', 'length', 'document', 'server'] });
    noPositionals(parsed, ': give a section with --section NAME');
    const length = parsed.flags.get('length') ?? 'short';
    if (length !== 'short' && length !== 'long') throw new UsageError('--length is short or long');
    const flag = parsed.flags.get('section');
    const section = typeof flag === 'string' ? flag : undefined;
    const json = parsed.flags.has('json');
    const config = await loadConfig();
    const { parts } = await loadPartsForCli(io, parsed.flags, { config, section });
    const logger = commandLogger(io, config);
    const summaries = new Map<Corpus, Summary>();
    for (const part of parts) {
      // No engine: a summary needs the text, not the index, so the command starts fast.
      const outcome = await writeSummary({ corpus: part, llm: config.llm, section, length, logger });
      if (!outcome.ok) return reportProblem(io, outcome.problem, json);
      summaries.set(part, outcome.summary);
    }
    const summaryOf = (part: Corpus) => summaries.get(part) as Summary;
    writeLine(
      io.stdout,
      json ? JSON.stringify(groupedJson(parts, (part) => summaryJson(summaryOf(part)))) : groupedText(parts, (part) => summaryText(part, summaryOf(part))),
    );
    return 0;
  },
} satisfies CliCommand;
