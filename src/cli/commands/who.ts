import { whosWho } from '../../study/whos-who.js';
import { parseArguments, writeLine, type CliCommand } from '../cli-command.js';
import { whosWhoJson, whosWhoText } from '../format-study.js';
import { loadCorpusForCli } from '../load-corpus-for-cli.js';

export const whoCliCommand = {
  name: 'who',
  summary: 'Who’s who: the people, organisations and places the text names, their role and the quotes.',
  usage: 'who [NAME] [--json]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'] });
    const name = parsed.positionals.join(' ').trim();
    const corpus = await loadCorpusForCli(io);
    const result = whosWho(corpus, name === '' ? undefined : name);
    const json = parsed.flags.has('json');
    if (json) writeLine(io.stdout, JSON.stringify(whosWhoJson(result)));
    // Exit code 1 tells a script that the name was not found, as grep does.
    if (result.entities.length === 0 && name !== '') {
      if (!json) writeLine(io.stderr, `The text names no person, organisation or place called “${name}”. Run \`npx footnote who\` for the full list.`);
      return 1;
    }
    if (!json) writeLine(io.stdout, whosWhoText(corpus, result, { allQuotes: name !== '' }));
    return 0;
  },
} satisfies CliCommand;
