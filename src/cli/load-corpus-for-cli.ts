/** The study commands need only the text, not the index: loading the corpus alone keeps them fast. */
import { loadConfig } from '../config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { Corpus } from '../corpus/types.js';
import { writeLine, type CliIo } from './cli-command.js';

export async function loadCorpusForCli(io: CliIo): Promise<Corpus> {
  const config = await loadConfig();
  const { corpus, warnings } = await loadCorpus(config.corpusDir);
  // Warnings go to stderr so that --json output stays one JSON object.
  for (const warning of warnings) writeLine(io.stderr, `footnote: ${warning}`);
  return corpus;
}
