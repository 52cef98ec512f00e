/** One `npx footnote <name>` subcommand. Each lives in its own module under src/cli/commands/. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface CliCommand {
  readonly name: string;
  /** One line for `footnote help`. */
  readonly summary: string;
  readonly usage: string;
  /** Printed under the usage by `footnote <name> --help`: options and definitions. */
  readonly details?: string;
  /**
   * The command reads dates and names in every sentence once, then exits: main lets V8 interpret a regular
   * expression for its first 1,000 uses rather than compile it to machine code at its second (compiling chrono-node's
   * large date patterns costs ~0.2 s of CPU, more than interpreting them over a text's sentences). Left off where
   * it measured slower (ask, summary) and in the bot, which runs for long.
   */
  readonly interpretRegexps?: true;
  /** Returns the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Thrown for bad command-line usage; main prints the message and the usage and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArguments {
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

/** Throws for words a command takes none of; `hint` says what to give instead (": give the file with --out FILE"). */
export function noPositionals(parsed: ParsedArguments, hint = ''): void {
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals.join(' ')}"${hint}`);
}

/** A small, strict parser: `--flag`, `--key value`, `--key=value`; unknown flags are a UsageError. */
export function parseArguments(
  args: readonly string[],
  known: { readonly booleans?: readonly string[]; readonly values?: readonly string[] },
): ParsedArguments {
  const booleans = new Set(known.booleans ?? []);
  const values = new Set(known.values ?? []);
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let position = 0; position < args.length; position += 1) {
    const argument = args[position] ?? '';
    if (argument === '--') {
      positionals.push(...args.slice(position + 1));
      break;
    }
    if (!argument.startsWith('--') || argument === '-') {
      positionals.push(argument);
      continue;
    }
    const [rawName, inlineValue] = argument.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.has(rawName)) {
      flags.set(rawName, true);
    } else if (values.has(rawName)) {
      const value = inlineValue ?? args[position + 1];
      if (value === undefined) throw new UsageError(`--${rawName} needs a value`);
      if (inlineValue === undefined) position += 1;
      flags.set(rawName, value);
    } else {
      throw new UsageError(`unknown option --${rawName}`);
    }
  }
  return { positionals, flags };
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
