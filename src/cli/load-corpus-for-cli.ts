/** The study commands need only the text, not the index: loading the corpus alone keeps them fast. */
import { loadConfig, type Config } from '../config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { Corpus } from '../corpus/types.js';
import { writeLine, type CliIo } from './cli-command.js';
import { commandLogger } from './cli-logger.js';
import { documentFlag, partsOf } from './document-groups.js';
import { openLanguageMemo } from './language-memo-file.js';
import { serverFlag } from './server-flag.js';

/** `config` saves loading it twice when the command needs it too (summary, for the model); `serverId` reads that server's library. */
export async function loadCorpusForCli(io: CliIo, config?: Config, serverId?: string): Promise<Corpus> {
  const settings = config ?? (await loadConfig());
  // The language models' answers saved by the last study command: main.ts saves what this one adds.
  openLanguageMemo(settings.dataDir);
  if (serverId !== undefined) {
    const { loadServerCorpus } = await import('./server-library.js');
    return loadServerCorpus(io, settings, commandLogger(io, settings, 'warn'), serverId);
  }
  const { corpus, warnings } = await loadCorpus(settings.corpusDir);
  // Warnings go to stderr so that --json output stays one JSON object.
  for (const warning of warnings) writeLine(io.stderr, `footnote: ${warning}`);
  return corpus;
}

/**
 * The corpus `--server` names (the shared one without it), and its parts as `--document` and `section` choose:
 * the one document asked for, or each document in turn (document-groups.ts).
 */
export async function loadPartsForCli(
  io: CliIo,
  flags: ReadonlyMap<string, string | true>,
  options: { readonly config?: Config; readonly section?: string | undefined } = {},
): Promise<{ readonly corpus: Corpus; readonly parts: readonly Corpus[] }> {
  const corpus = await loadCorpusForCli(io, options.config, serverFlag(flags));
  return { corpus, parts: partsOf(corpus, { document: documentFlag(flags), section: options.section }) };
}
