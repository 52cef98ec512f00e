/** Thrown for bad command-line usage; main prints the message and the usage and exits with 2. */
export class UsageError extends Error {
    name = 'UsageError';
}
/** A small, strict parser: `--flag`, `--key value`, `--key=value`; unknown flags are a UsageError. */
export function parseArguments(args, known) {
    const booleans = new Set(known.booleans ?? []);
    const values = new Set(known.values ?? []);
    const positionals = [];
    const flags = new Map();
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
        const [rawName, inlineValue] = argument.slice(2).split(/=(.*)/s, 2);
        if (booleans.has(rawName)) {
            flags.set(rawName, true);
        }
        else if (values.has(rawName)) {
            const value = inlineValue ?? args[position + 1];
            if (value === undefined)
                throw new UsageError(`--${rawName} needs a value`);
            if (inlineValue === undefined)
                position += 1;
            flags.set(rawName, value);
        }
        else {
            throw new UsageError(`unknown option --${rawName}`);
        }
    }
    return { positionals, flags };
}
export function writeLine(stream, text = '') {
    stream.write(`${text}\n`);
}
//# sourceMappingURL=cli-command.js.map