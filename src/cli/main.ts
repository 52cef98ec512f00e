/**
 * `npx footnote <command>`: finds the command, loads the configuration once, maps failures to short
 * messages and exit codes (2 for usage and configuration, 1 for everything else).
 */
import { setFlagsFromString } from 'node:v8';
import { ConfigError, secretsInEnvironment } from '../config.js';
import { maskSecrets } from '../logger.js';
import { UsageError, writeLine, type CliIo } from './cli-command.js';
import { loadAllCommands, loadCommand } from './command-list.js';
import { saveLanguageMemo } from './language-memo-file.js';

/**
 * Every line a command prints goes through secret masking: an error body a proxy echoes back, a stack,
 * a model's reply. The secrets are read at each write, so those a command loads from .env count too.
 */
export async function main(argv: readonly string[], givenIo: CliIo, environment: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const mask = (text: string) => maskSecrets(text, secretsInEnvironment(environment));
  const io: CliIo = { stdout: maskedStream(givenIo.stdout, mask), stderr: maskedStream(givenIo.stderr, mask), stdin: givenIo.stdin };
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    await printHelp(io);
    return name === undefined ? 2 : 0;
  }
  const command = await loadCommand(name);
  if (command === undefined) {
    writeLine(io.stderr, `footnote: unknown command "${name}"`);
    await printHelp(io);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    writeLine(io.stdout, `usage: npx footnote ${command.usage}\n\n${command.summary}${command.details !== undefined ? `\n\n${command.details}` : ''}`);
    return 0;
  }
  // Only a count V8 reads when a regular expression is first compiled: answers and output do not change.
  if (command.interpretRegexps === true) setFlagsFromString('--regexp-tier-up-ticks=1000');
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `footnote ${name}: ${error.message}\nusage: npx footnote ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      writeLine(io.stderr, error.message);
      return 2;
    }
    writeLine(io.stderr, `footnote ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    // A study command's new language-model answers, for its next run (cli/language-memo-file.ts).
    await saveLanguageMemo();
  }
}

function maskedStream(stream: NodeJS.WritableStream, mask: (text: string) => string): NodeJS.WritableStream {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...values: unknown[]) => boolean)(
            typeof chunk === 'string' ? mask(chunk) : chunk instanceof Uint8Array ? mask(Buffer.from(chunk).toString('utf8')) : chunk,
            ...rest,
          );
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...values: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function printHelp(io: CliIo): Promise<void> {
  writeLine(io.stdout, 'footnote — answers questions about your reading with verbatim, cited quotes.\n\nusage: npx footnote <command> [options]\n');
  for (const command of await loadAllCommands()) writeLine(io.stdout, `  ${command.name.padEnd(16)}${command.summary}`);
  writeLine(io.stdout, '\nRun `npx footnote <command> --help` for its options.');
}

const isEntryPoint = process.argv[1] !== undefined && /(?:^|[\\/])(?:footnote(?:\.js)?|main\.[jt]s)$/u.test(process.argv[1]);
if (isEntryPoint) {
  const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  process.exitCode = code;
}
