import { loadConfig } from '../../config.js';
import { deployCommands } from '../../discord/deploy-commands.js';
import { parseArguments, writeLine } from '../cli-command.js';
export const deployCommandsCliCommand = {
    name: 'deploy-commands',
    summary: 'Register the slash commands with Discord: in GUILD_ID if set (instant), else globally.',
    usage: 'deploy-commands',
    async run(args, io) {
        parseArguments(args, {});
        const config = await loadConfig();
        if (config.discord.token === undefined) {
            writeLine(io.stderr, 'DISCORD_TOKEN is not set: put the bot token in .env first (see docs/discord.md).');
            return 2;
        }
        const result = await deployCommands({ config });
        const names = result.commands.map((name) => `/${name}`).join(', ');
        writeLine(io.stdout, result.scope === 'guild'
            ? `Registered ${result.commands.length} commands in server ${config.discord.guildId ?? ''}: ${names}. They are available now.`
            : `Registered ${result.commands.length} commands globally: ${names}. Discord can take up to an hour to show them; set GUILD_ID for instant updates while testing.`);
        return 0;
    },
};
//# sourceMappingURL=deploy-commands.js.map