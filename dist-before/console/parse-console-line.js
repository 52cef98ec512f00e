/**
 * Reads a console line the way Discord would fill a slash command: `/summary section:Media provocations length:long`.
 * Text before the first `name:` goes to the command's first option, so `/ask why …` and `/passage 12` work;
 * a line without a slash is a question. `/press 2c` stands in for clicking a button (the console has none).
 */
import { ApplicationCommandOptionType } from 'discord.js';
export function usageOf(command) {
    const options = (command.data.options ?? []).map((option) => (option.required === true ? `${option.name}:<${option.name}>` : `[${option.name}:…]`));
    return [`/${command.data.name}`, ...options].join(' ');
}
function convert(option, raw) {
    const value = raw.trim();
    switch (option.type) {
        case ApplicationCommandOptionType.Integer:
        case ApplicationCommandOptionType.Number: {
            const number = Number(value);
            const valid = value !== '' && Number.isFinite(number) && (option.type === ApplicationCommandOptionType.Number || Number.isInteger(number));
            return valid ? number : [`${option.name} must be a ${option.type === ApplicationCommandOptionType.Integer ? 'whole ' : ''}number, not “${value}”`];
        }
        case ApplicationCommandOptionType.Boolean:
            if (/^(true|yes|1)$/i.test(value))
                return true;
            if (/^(false|no|0)$/i.test(value))
                return false;
            return [`${option.name} must be true or false`];
        case ApplicationCommandOptionType.String: {
            const choices = option.choices;
            if (choices !== undefined && choices.length > 0 && !choices.some((choice) => choice.value === value)) {
                return [`${option.name} must be one of ${choices.map((choice) => choice.value).join(', ')}`];
            }
            return value;
        }
        default:
            return value;
    }
}
export function parseConsoleLine(line, commands) {
    const text = line.trim();
    if (text === '')
        return { kind: 'empty' };
    if (/^\/?(quit|exit)$/i.test(text))
        return { kind: 'quit' };
    const press = /^\/press(?:\s+(\S+))?\s*$/i.exec(text);
    if (press !== null) {
        return press[1] === undefined
            ? { kind: 'problem', message: 'Say which button: /press and the key shown next to it, e.g. /press 1a.' }
            : { kind: 'press', key: press[1].toLowerCase() };
    }
    const ask = commands.find((command) => command.data.name === 'ask');
    const [, name, rest] = text.startsWith('/') ? (/^\/(\S+)\s*(.*)$/s.exec(text) ?? []) : [undefined, 'ask', text];
    const command = commands.find((candidate) => candidate.data.name === name?.toLowerCase()) ?? (text.startsWith('/') ? undefined : ask);
    if (command === undefined)
        return { kind: 'problem', message: `Unknown command /${name ?? ''}. Try /help.` };
    const declared = command.data.options ?? [];
    const options = new Map();
    const problems = [];
    const body = rest ?? '';
    const names = declared.map((option) => option.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Split at "name:" only for the command's own option names, so a question may contain colons.
    const marker = names.length === 0 ? undefined : new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'g');
    const starts = marker === undefined ? [] : [...body.matchAll(marker)];
    const leading = (starts[0] === undefined ? body : body.slice(0, starts[0].index)).trim();
    const assign = (option, raw) => {
        if (option === undefined)
            return;
        const value = convert(option, raw);
        if (Array.isArray(value))
            problems.push(...value);
        else
            options.set(option.name, value);
    };
    if (leading !== '') {
        if (declared[0] === undefined)
            problems.push(`/${command.data.name} takes no text`);
        else
            assign(declared[0], leading);
    }
    starts.forEach((match, position) => {
        const start = (match.index ?? 0) + match[0].length;
        const end = starts[position + 1]?.index ?? body.length;
        assign(declared.find((option) => option.name === match[1]), body.slice(start, end));
    });
    for (const option of declared) {
        if (option.required === true && !options.has(option.name))
            problems.push(`${option.name} is required`);
    }
    if (problems.length > 0)
        return { kind: 'problem', message: `${problems.join('; ')}. Usage: ${usageOf(command)}` };
    return { kind: 'command', command, options };
}
//# sourceMappingURL=parse-console-line.js.map