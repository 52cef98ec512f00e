import { whosWho, type WhosWho } from '../../study/whos-who.js';
import type { Corpus } from '../../corpus/types.js';
import { groupedJson, groupedText } from '../document-groups.js';
import { parseArguments, writeLine, type CliCommand } from '../cli-command.js';
import { whosWhoJson, whosWhoList, whosWhoText } from '../format-study.js';
import { loadPartsForCli } from '../load-corpus-for-cli.js';

export const whoCliCommand = {
  name: 'who',
  summary: 'Who’s who: the people, organisations and places the text names, their role and the quotes.',
  usage: 'who [NAME] [--document TITLE] [--server ID] [--json]',
  interpretRegexps: true,
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['document', 'server'] });
    const name = parsed.positionals.join(' ').trim();
    const { parts } = await loadPartsForCli(io, parsed.flags);
    const results = new Map(parts.map((part) => [part, whosWho(part, name === '' ? undefined : name)]));
    const resultOf = (part: Corpus) => results.get(part) as WhosWho;
    const json = parsed.flags.has('json');
    if (json) writeLine(io.stdout, JSON.stringify(groupedJson(parts, (part) => whosWhoJson(resultOf(part)))));
    // Exit code 1 tells a script that the name was not found, as grep does.
    if ([...results.values()].every((result) => result.entities.length === 0) && name !== '') {
      if (!json) writeLine(io.stderr, `The text names no person, organisation or place called “${name}”. Run \`npx footnote who\` for the full list.`);
      return 1;
    }
    if (!json)
      writeLine(
        io.stdout,
        groupedText(parts, (part) => (name === '' ? whosWhoList(resultOf(part)) : whosWhoText(part, resultOf(part), { allQuotes: true }))),
      );
    return 0;
  },
} satisfies CliCommand;
