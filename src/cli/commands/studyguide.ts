import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { configuredStudyGuide } from '../../study/study-guide-by-document.js';
import { writeSummary } from '../../study/write-summary.js';
import { loadConfig } from '../../config.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import { noPositionals, parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { commandLogger } from '../cli-logger.js';
import { loadPartsForCli } from '../load-corpus-for-cli.js';

export const studyguideCliCommand = {
  name: 'studyguide',
  summary: 'A Markdown study guide: summary, timeline, who’s who and a quiz with answers, every item cited.',
  usage: 'studyguide [--out FILE] [--document TITLE] [--server ID] [--seed S]',
  interpretRegexps: true,
  async run(args, io) {
    const parsed = parseArguments(args, { values: ['out', 'seed', 'document', 'server'] });
    noPositionals(parsed, ': give the file with --out FILE');
    const out = parsed.flags.get('out');
    const seedFlag = parsed.flags.get('seed');
    if (out === true || seedFlag === true) throw new UsageError('--out and --seed need a value');
    const seed = seedFlag ?? randomBytes(4).toString('hex');
    const config = await loadConfig();
    const { parts } = await loadPartsForCli(io, parsed.flags, { config });
    const logger = commandLogger(io, config);
    const markdown = await configuredStudyGuide(parts, {
      seed,
      chatModel: config.llm?.chatModel,
      summarize: (part) => writeSummary({ corpus: part, llm: config.llm, length: 'long', logger }),
    });
    if (out === undefined) {
      writeLine(io.stdout, markdown);
      return 0;
    }
    const file = path.resolve(out);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, markdown);
    writeLine(io.stdout, `Wrote ${file} (${(Buffer.byteLength(markdown) / 1024).toFixed(1)} KiB, quiz seed ${seed}).`);
    return 0;
  },
} satisfies CliCommand;
