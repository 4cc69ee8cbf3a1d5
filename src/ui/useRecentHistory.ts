import { useLayoutEffect, useState } from 'preact/hooks';
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
  // Started with the first render, not a frame later (a plain effect waits for one).
  useLayoutEffect(() => {
    let alive = true;
    // Reads overlap during a burst of requests; only the most recent one may win.
    let latestRead = 0;
    let latestCount = 0;
    const fail = (error: unknown) =>
      alive && setState((previous) => ({ ...previous, error: `History could not be read: ${String(error)}` }));
    const reload = () => {
      const read = ++latestRead;
      return client
        .loadNewest(limit)
        .then(
          (entries) =>
            alive &&
            read === latestRead &&
            setState((previous) => ({ ...previous, entries, loaded: true, error: undefined })),
          fail,
        );
    };
    const recount = () => {
      const count = ++latestCount;
      return client
        .countHistory()
        .then((total) => alive && count === latestCount && setState((previous) => ({ ...previous, total })), fail);
    };
    // Counting walks every key (slow at 50,000) and would hold up the rows' read: it starts after them.
    void reload().then(recount);
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
