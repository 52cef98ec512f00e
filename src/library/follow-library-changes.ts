/**
 * With several processes on one PostgreSQL database, a document added through one process must reach the
 * vector indexes of the others. Each change is announced in its transaction (postgres-library-store.ts);
 * here each process listens, and rebuilds its local index of that library from the stored text. After a lost
 * connection, every library open here is reloaded, since the announcements sent meanwhile are gone.
 */
import { listen, type Listener } from '../database/listen.js';
import type { Logger } from '../logger.js';
import type { Libraries } from './libraries.js';
import { LIBRARY_CHANNEL, type LibraryChange } from './postgres-library-store.js';

export interface FollowLibraryChangesOptions {
  readonly url: string;
  readonly libraries: Libraries;
  /** This process's origin, as given to postgresLibraryStore: its own changes are already applied. */
  readonly origin: string;
  readonly logger: Logger;
}

export function followLibraryChanges(options: FollowLibraryChangesOptions): Listener {
  const { libraries, logger } = options;
  const refresh = (libraryId: string) =>
    void libraries.changedElsewhere(libraryId).catch((error: unknown) => logger.error('library not reloaded after a change', { libraryId, error }));
  return listen({
    url: options.url,
    channel: LIBRARY_CHANNEL,
    logger,
    onNotification: (payload) => {
      let change: Partial<LibraryChange>;
      try {
        change = JSON.parse(payload) as Partial<LibraryChange>;
      } catch {
        logger.warn('unreadable library change notification', { payload: payload.slice(0, 200) });
        return;
      }
      if (typeof change.libraryId !== 'string' || change.origin === options.origin) return;
      logger.info('library changed in another process; reloading it', { libraryId: change.libraryId });
      refresh(change.libraryId);
    },
    onReconnected: () => {
      for (const libraryId of libraries.openLibraries()) refresh(libraryId);
    },
  });
}
