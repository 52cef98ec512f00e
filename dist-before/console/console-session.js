/**
 * The offline front end: the Discord commands, through the same handlers, one per line, rendered as text.
 * Works on a terminal (prompt) and with piped input (no prompt; ends at end of input).
 */
import { createInterface } from 'node:readline';
import { PermissionFlagsBits } from 'discord.js';
import { slashCommands } from '../commands/command-list.js';
import { pressButton } from '../commands/press-button.js';
import { errorReply } from '../commands/reply.js';
import { runCommand } from '../commands/run-command.js';
import { parseConsoleLine } from './parse-console-line.js';
import { pressableButtonKeys, renderText } from './render-text.js';
export const connectHint = 'To use footnote in Discord: put DISCORD_TOKEN in .env, run `npx footnote deploy-commands`, then `npm start` (see docs/discord.md).';
export async function runConsole(options) {
    const { services, output } = options;
    const write = (text) => output.write(`${text}\n`);
    if (options.interactive) {
        write(`footnote console — ${services.engine.corpus.documents.length} document(s), answering ${services.engine.mode === 'llm' ? 'with the model' : 'offline'}.`);
        write('Type a question, or /help for the commands, /quit to leave.');
    }
    write(connectHint);
    const lines = createInterface({ input: options.input, ...(options.interactive ? { output, prompt: 'footnote> ', terminal: true } : { terminal: false }) });
    let commands = 0;
    let problems = 0;
    const user = { id: 'console', name: 'console' };
    // The buttons of the last reply that had any, by their key, with an id for that reply (a quiz's "message").
    let pressable = new Map();
    const show = (reply) => {
        if (reply.kind === 'error')
            problems += 1;
        const keys = pressableButtonKeys(reply);
        if (keys.size > 0) {
            const messageId = `console-${services.newId()}`;
            pressable = new Map([...keys].map(([customId, key]) => [key, { customId, messageId }]));
        }
        write(renderText(reply));
        if (!options.interactive)
            write('');
    };
    if (options.interactive)
        lines.prompt();
    for await (const line of lines) {
        const parsed = parseConsoleLine(line, slashCommands);
        if (parsed.kind === 'quit')
            break;
        if (parsed.kind === 'problem') {
            problems += 1;
            write(parsed.message);
        }
        else if (parsed.kind === 'press') {
            const button = pressable.get(parsed.key);
            if (button === undefined) {
                problems += 1;
                write(pressable.size === 0
                    ? 'There is nothing to press yet: /quiz or /review show answers to choose from.'
                    : `No button ${parsed.key}: the keys are ${[...pressable.keys()].join(', ')}.`);
            }
            else {
                commands += 1;
                const reply = await pressButton({ customId: button.customId, user, guildId: undefined, messageId: button.messageId }, services).catch((error) => {
                    services.logger.error('console button failed', { error });
                    return errorReply('Sorry, that answer could not be checked. Please try again.');
                });
                show(reply);
            }
        }
        else if (parsed.kind === 'command') {
            commands += 1;
            const request = {
                options: parsed.options,
                user,
                guildId: undefined,
                channelId: undefined,
                conversationId: `console:${options.sessionId}`,
                // Whoever runs the console owns the bot: /reindex is allowed.
                permissions: PermissionFlagsBits.Administrator,
            };
            show(await runCommand(parsed.command, request, services));
        }
        if (options.interactive)
            lines.prompt();
    }
    lines.close();
    return { commands, problems };
}
//# sourceMappingURL=console-session.js.map