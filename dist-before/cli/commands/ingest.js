import { parseArguments, writeLine } from '../cli-command.js';
import { openEngineForCli } from '../open-engine-for-cli.js';
export const ingestCliCommand = {
    name: 'ingest',
    summary: 'Build or refresh the index of the corpus folder (only what changed is redone).',
    usage: 'ingest [--force] [--json]',
    async run(args, io) {
        const parsed = parseArguments(args, { booleans: ['force', 'json'] });
        const started = Date.now();
        const { engine } = await openEngineForCli(io, { rebuild: parsed.flags.has('force') });
        const info = engine.index;
        if (parsed.flags.has('json')) {
            writeLine(io.stdout, JSON.stringify({ ...info, seconds: (Date.now() - started) / 1000 }));
        }
        else {
            writeLine(io.stdout, `Index ready: ${info.documents} document(s), ${info.chunks} passages, ${info.dimensions}-dim ${info.provider} vectors (${info.model}), ${(info.bytesOnDisk / 1024).toFixed(0)} KiB, built ${info.builtAt}.`);
        }
        return 0;
    },
};
//# sourceMappingURL=ingest.js.map