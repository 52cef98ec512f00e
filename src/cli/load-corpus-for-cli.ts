/** The study commands need only the text, not the index: loading the corpus alone keeps them fast. */
import { loadConfig, secretsOf, type Config } from '../config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { Corpus } from '../corpus/types.js';
import { createLogger } from '../logger.js';
import { writeLine, type CliIo } from './cli-command.js';
import { openLanguageMemo } from './language-memo-file.js';

/** `config` saves loading it twice when the command needs it too (summary, for the model); `serverId` reads that server's library. */
export async function loadCorpusForCli(io: CliIo, config?: Config, serverId?: string): Promise<Corpus> {
  const settings = config ?? (await loadConfig());
  // The language models' answers saved by the last study command: main.ts saves what this one adds.
  openLanguageMemo(settings.dataDir);
  if (serverId !== undefined) {
    const logger = createLogger({ level: 'warn', secrets: secretsOf(settings), write: (line) => io.stderr.write(line) });
    const { loadServerCorpus } = await import('./server-library.js');
    return loadServerCorpus(io, settings, logger, serverId);
  }
  const { corpus, warnings } = await loadCorpus(settings.corpusDir);
  // Warnings go to stderr so that --json output stays one JSON object.
  for (const warning of warnings) writeLine(io.stderr, `footnote: ${warning}`);
  return corpus;
}
