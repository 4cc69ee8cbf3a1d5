import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import type { InspectorClient } from './client.ts';

export interface RecentHistory {
  entries: HistoryEntry[];
  total: number;
  error?: string;
}

/** The popup's view of history: only the newest few entries, re-read after every change. */
export function useRecentHistory(client: InspectorClient, limit: number): RecentHistory {
  const [state, setState] = useState<RecentHistory>({ entries: [], total: 0 });
  useEffect(() => {
    let alive = true;
    // Reads overlap during a burst of requests; only the most recent one may win.
    let latestRead = 0;
    const reload = () => {
      const read = ++latestRead;
      const current = () => alive && read === latestRead;
      return client.loadHistory(limit).then(
        (loaded) => current() && setState(loaded),
        (error: unknown) => current() && setState((previous) => ({ ...previous, error: `History could not be read: ${String(error)}` })),
      );
    };
    void reload();
    const unsubscribe = client.onHistoryChange(() => void reload());
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [client, limit]);
  return state;
}
