/** The study commands need only the text, not the index: loading the corpus alone keeps them fast. */
import { loadConfig } from '../config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { writeLine } from './cli-command.js';
/** `config` saves loading it twice when the command needs it too (summary, for the model). */
export async function loadCorpusForCli(io, config) {
    const { corpus, warnings } = await loadCorpus((config ?? (await loadConfig())).corpusDir);
    // Warnings go to stderr so that --json output stays one JSON object.
    for (const warning of warnings)
        writeLine(io.stderr, `footnote: ${warning}`);
    return corpus;
}
//# sourceMappingURL=load-corpus-for-cli.js.map