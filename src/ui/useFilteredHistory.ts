import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import { matcherFor, type HistoryFilter } from '../core/history-filter.ts';
import { compareNewestFirst, indexRowOf, type IndexRow } from '../core/history-index.ts';
import type { InspectorClient } from './client.ts';

/** Rows shown before the full index arrives, so the panel paints its first entries at once. */
const FIRST_PAINT_ROWS = 50;
/** Full entries kept for rows that were on screen; older ones are dropped and re-read if needed. */
const ENTRY_CACHE_LIMIT = 400;

export interface FilteredHistory {
  /** Every row that passes the filter, newest first. */
  rows: IndexRow[];
  /** Every row, filtered or not. */
  all: IndexRow[];
  total: number;
  loading: boolean;
  error?: string;
  entry(id: string): HistoryEntry | undefined;
  /** Asks for the full entries of rows about to be shown. */
  want(ids: readonly string[]): void;
}

function upsert(rows: IndexRow[], row: IndexRow): IndexRow[] {
  // Two reads for one entry can finish out of order; an entry never goes back to pending.
  if (row.kind === 'pending' && rows.some((existing) => existing.id === row.id && existing.kind !== 'pending'))
    return rows;
  const without = rows.filter((existing) => existing.id !== row.id);
  // New entries are the newest almost always, so the insertion point is found from the front.
  let at = 0;
  while (at < without.length && compareNewestFirst(without[at]!, row) < 0) at += 1;
  return [...without.slice(0, at), row, ...without.slice(at)];
}

/**
 * The panel's view of history: the compact index of every entry in memory (search and filter run over it),
 * full entries fetched only for the rows on screen. A change to one entry updates one row; anything
 * broader reloads the index.
 */
export function useFilteredHistory(client: InspectorClient, filter: HistoryFilter): FilteredHistory {
  const [all, setAll] = useState<IndexRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const cache = useRef(new Map<string, HistoryEntry>());
  const [cacheVersion, setCacheVersion] = useState(0);
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    let alive = true;
    // After a failed read the in-memory index may have missed changes, so the next change reloads all of it.
    let stale = false;
    const fail = (reason: unknown) => {
      if (!alive) return;
      stale = true;
      setError(`History could not be read: ${String(reason)}`);
    };
    const reloadIndex = () =>
      client.loadHistoryIndex().then((rows) => {
        if (!alive) return;
        stale = false;
        setAll(rows);
        setLoading(false);
        setError(undefined);
      }, fail);
    void client.loadNewest(FIRST_PAINT_ROWS).then((entries) => {
      if (!alive) return;
      for (const entry of entries) cache.current.set(entry.id, entry);
      setAll((current) => (current.length > 0 ? current : entries.map(indexRowOf)));
    }, fail);
    void reloadIndex();
    const unsubscribe = client.onHistoryChange((entryId) => {
      if (entryId === undefined || stale) {
        cache.current.clear();
        void reloadIndex();
        return;
      }
      cache.current.delete(entryId);
      void client.loadIndexRow(entryId).then((row) => {
        if (!alive) return;
        setError(undefined);
        if (row) setAll((current) => upsert(current, row));
      }, fail);
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [client]);

  const rows = useMemo(() => {
    const matches = matcherFor(filter);
    return all.filter(matches);
  }, [all, filter]);

  const want = useCallback(
    (ids: readonly string[]) => {
      const missing = ids.filter((id) => !cache.current.has(id) && !inFlight.current.has(id));
      if (missing.length === 0) return;
      for (const id of missing) inFlight.current.add(id);
      void client.loadEntries(missing).then(
        (entries) => {
          for (const id of missing) inFlight.current.delete(id);
          if (cache.current.size > ENTRY_CACHE_LIMIT) cache.current.clear();
          for (const entry of entries) cache.current.set(entry.id, entry);
          setCacheVersion((version) => version + 1);
        },
        (reason: unknown) => {
          for (const id of missing) inFlight.current.delete(id);
          setError(`History could not be read: ${String(reason)}`);
        },
      );
    },
    [client],
  );
  // A new function whenever the cache changed, so a list that skips unchanged renders still sees new entries.
  const entry = useCallback((id: string) => cache.current.get(id), [cacheVersion]);

  // One object per change, not per render: the panel's list re-renders only when its history changed.
  return useMemo(
    () => ({ rows, all, total: all.length, loading, error, entry, want }),
    [rows, all, loading, error, entry, want],
  );
}
