import type { HistoryStore } from '../core/history-store.ts';
import { RECENT_LIMIT, type RecentHistoryCopy } from '../core/recent-history.ts';
import type { StorageAreaLike } from './storage-types.ts';

/** Where the copy lives: storage.session (memory only), beside the session keys. */
export const RECENT_HISTORY_KEY = 'history.recent';

/** Changes arriving within this time are copied once. */
const COPY_DELAY_MS = 50;

/**
 * The worker's side: after history changes, copies the newest entries and the count into storage.session.
 * A copy that fails, or a worker stopped before it runs, leaves an older copy: the popup shows it for the
 * few milliseconds until its own IndexedDB read arrives.
 */
export function createRecentHistoryCopier(session: StorageAreaLike, history: HistoryStore) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const copy = async () => {
    timer = undefined;
    const entries = await history.newest(RECENT_LIMIT);
    const total = history.knownTotal() ?? (await history.count());
    await session.set({ [RECENT_HISTORY_KEY]: { entries, total } satisfies RecentHistoryCopy });
  };
  return {
    /** Schedules a copy (a burst of changes makes one). */
    changed(): void {
      timer ??= setTimeout(() => {
        copy().catch((error: unknown) =>
          console.warn('Linq Typing Inspector: recent history not copied this time', error),
        );
      }, COPY_DELAY_MS);
    },
  };
}
