import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import type { InspectorClient } from './client.ts';

export interface RecentHistory {
  entries: HistoryEntry[];
  /** undefined until known: counting is slow at 50,000 entries, so rows never wait for it. */
  total?: number;
  loaded: boolean;
  error?: string;
}

/**
 * The popup's view of history: only the newest few entries, re-read after every change. The total comes
 * with the worker's change announcements; the popup counts by itself only when the worker did not say.
 */
export function useRecentHistory(client: InspectorClient, limit: number): RecentHistory {
  const [state, setState] = useState<RecentHistory>({ entries: [], loaded: false });
  useEffect(() => {
    let alive = true;
    // Reads overlap during a burst of requests; only the most recent one may win.
    let latestRead = 0;
    let latestCount = 0;
    const fail = (error: unknown) => alive && setState((previous) => ({ ...previous, error: `History could not be read: ${String(error)}` }));
    const reload = () => {
      const read = ++latestRead;
      return client.loadNewest(limit).then(
        (entries) => alive && read === latestRead && setState((previous) => ({ ...previous, entries, loaded: true, error: undefined })),
        fail,
      );
    };
    const recount = () => {
      const count = ++latestCount;
      return client.countHistory().then((total) => alive && count === latestCount && setState((previous) => ({ ...previous, total })), fail);
    };
    void reload();
    void recount();
    const unsubscribe = client.onHistoryChange((_entryId, total) => {
      void reload();
      if (total === undefined) void recount();
      else {
        latestCount += 1;
        setState((previous) => ({ ...previous, total }));
      }
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [client, limit]);
  return state;
}
