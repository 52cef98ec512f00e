/**
 * `--server ID` on the command line: read one Discord server's library (the shared corpus and the documents
 * the server added with /library add) from the bot's database — the SQLite file, or PostgreSQL when
 * DATABASE_URL is set — instead of the shared corpus alone. Imported only when --server is given (server-flag.ts).
 */
import type { Config } from '../config.js';
import type { Corpus } from '../corpus/types.js';
import type { ConversationMemory } from '../conversation/conversation-store.js';
import type { Engine } from '../engine-types.js';
import { loadLibraryCorpus } from '../library/library-corpus.js';
import { Libraries } from '../library/libraries.js';
import type { AsyncLibraryStore } from '../library/library-store.js';
import type { Logger } from '../logger.js';
import { UsageError, writeLine, type CliIo } from './cli-command.js';
import { openStores } from './open-stores.js';

/** Runs `use` with the server's library store, and closes the database after it. */
async function withLibrary<T>(config: Config, logger: Logger, serverId: string, use: (store: AsyncLibraryStore) => Promise<T>): Promise<T> {
  const stores = await openStores(config, logger);
  try {
    if (stores.libraries === undefined)
      throw new UsageError(`the bot's database could not be opened, so server ${serverId}'s library cannot be read (see the warning above)`);
    const { documents } = await stores.libraries.usage(serverId);
    if (documents === 0)
      throw new UsageError(
        `server ${serverId} has no documents of its own in ${config.databaseUrl !== undefined ? 'the database' : config.databaseFile}: it reads the shared corpus (leave out --server)`,
      );
    return await use(stores.libraries);
  } finally {
    await stores.close();
  }
}

/** The server's texts: the shared corpus, then its own documents. */
export async function loadServerCorpus(io: CliIo, config: Config, logger: Logger, serverId: string): Promise<Corpus> {
  const { corpus, warnings } = await withLibrary(config, logger, serverId, (store) => loadLibraryCorpus(config.corpusDir, store, serverId));
  for (const warning of warnings) writeLine(io.stderr, `footnote: ${warning}`);
  return corpus;
}

/** The engine that serves the server in Discord (its index is built or loaded in the data folder, as the bot does). */
export function openServerEngine(config: Config, logger: Logger, serverId: string, shared: Engine, conversations?: ConversationMemory): Promise<Engine> {
  return withLibrary(config, logger, serverId, (store) =>
    new Libraries({ config, store, shared, logger, ...(conversations !== undefined ? { conversations } : {}) }).engineFor(serverId),
  );
}
