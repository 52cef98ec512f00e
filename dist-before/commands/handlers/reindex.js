import { PermissionFlagsBits } from 'discord.js';
import { slashCommand } from '../command.js';
import { accents, errorReply } from '../reply.js';
// One rebuild per engine at a time: a second /reindex while one runs is told so.
const running = new WeakMap();
export const reindexCommand = {
    data: slashCommand('reindex', 'Rebuild the index from the text files (Manage Server only).', { serverOnly: true })
        .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
        .toJSON(),
    isPrivate: () => true,
    slow: true,
    cooldown: false,
    requiredPermission: PermissionFlagsBits.ManageGuild,
    async execute(_request, services) {
        const { engine, logger } = services;
        if (running.has(engine))
            return errorReply('A reindex is already running; its result will be in use in a moment.');
        const started = Date.now();
        const job = engine.reindex();
        running.set(engine, job);
        try {
            const index = await job;
            logger.info('reindexed', { chunks: index.chunks, documents: index.documents, ms: Date.now() - started });
            return {
                kind: 'content',
                cards: [
                    {
                        title: 'Index rebuilt',
                        blocks: [
                            {
                                kind: 'text',
                                text: `${index.documents} document(s), ${index.chunks} passages, in ${((Date.now() - started) / 1000).toFixed(1)} s. New questions use it now.`,
                            },
                        ],
                        accent: accents.info,
                    },
                ],
                buttons: [],
            };
        }
        finally {
            running.delete(engine);
        }
    },
};
//# sourceMappingURL=reindex.js.map