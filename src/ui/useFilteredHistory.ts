import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import { isEmptyFilter, type HistoryFilter } from '../core/history-filter.ts';
import { filterRows, TextSearch } from '../core/text-search.ts';
import { compareNewestFirst, indexRowOf, type IndexRow } from '../core/history-index.ts';
import { mergeNewestFirst, type IndexChunkCursor } from '../core/index-chunks.ts';
import type { RecentHistoryCopy } from '../core/recent-history.ts';
import type { InspectorClient } from './client.ts';

/** Rows painted from the newest entries alone, before the index: more than a screen of 24 px rows. */
const FIRST_PAINT_ROWS = 50;
/** Index rows a read: each costs a few milliseconds to read and merge, within a frame; fewer reads load sooner. */
const INDEX_CHUNK_ROWS = 3_000;
/** Full entries kept for rows that were on screen; older ones are dropped and re-read if needed. */
const ENTRY_CACHE_LIMIT = 400;

/** How far the search index has loaded; search and filters give their results once it has. */
export interface IndexProgress {
  loaded: number;
  /** undefined until counted. */
  total?: number;
}

export interface FilteredHistory {
  /** Every row that passes the filter, newest first; while the index loads, the newest rows (no filter only). */
  rows: IndexRow[];
  /** Every row, filtered or not (while the index loads, only the newest). */
  all: IndexRow[];
  total: number;
  /** true until the first rows (or the knowledge that there are none) arrive. */
  loading: boolean;
  /** Set while the search index loads after the first paint. */
  indexing?: IndexProgress;
  error?: string;
  entry(id: string): HistoryEntry | undefined;
  /** Asks for the full entries of rows about to be shown. */
  want(ids: readonly string[]): void;
  /** Every row, once the index is loaded (at once if it is). */
  indexed(): Promise<IndexRow[]>;
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

/** A promise that settles when the first index load is complete, with its rows. */
function indexWaiter() {
  let resolve!: (rows: IndexRow[]) => void;
  let promise = new Promise<IndexRow[]>((settle) => (resolve = settle));
  let settled = false;
  return {
    wait: () => promise,
    settle(rows: IndexRow[]) {
      if (settled) promise = Promise.resolve(rows);
      else resolve(rows);
      settled = true;
    },
  };
}

/**
 * The panel's view of history. It paints the newest entries first (one short read, whatever the history's
 * size), then loads the compact index of every entry a chunk at a time (search and filter run over it, and
 * say they are not ready until it is in); full entries are fetched only for the rows on screen. A change to
 * one entry updates one row; anything broader reloads the index, behind the rows already shown.
 */
export function useFilteredHistory(
  client: InspectorClient,
  filter: HistoryFilter,
  /** The worker's copy of the newest entries, read with the settings: rows to paint before IndexedDB opens. */
  recent?: RecentHistoryCopy,
): FilteredHistory {
  const [all, setAll] = useState<IndexRow[]>(() => recent?.entries.map(indexRowOf) ?? []);
  const [loading, setLoading] = useState(recent === undefined);
  const [indexing, setIndexing] = useState<IndexProgress | undefined>({ loaded: 0 });
  const [knownTotal, setKnownTotal] = useState(recent?.total);
  const [error, setError] = useState<string>();
  const cache = useRef(new Map<string, HistoryEntry>(recent?.entries.map((entry) => [entry.id, entry])));
  const [cacheVersion, setCacheVersion] = useState(0);
  const inFlight = useRef(new Set<string>());
  const waiter = useRef(indexWaiter());
  const textSearch = useRef<TextSearch | undefined>(undefined);
  // The first copy may be the popup's first-paint one, older than the worker's that comes with the stored
  // values: until the index is in, the newer copy's count is the one to show.
  useEffect(() => {
    if (recent !== undefined && indexing !== undefined) setKnownTotal(recent.total);
  }, [recent]);

  useEffect(() => {
    let alive = true;
    // After a failed read the in-memory index may have missed changes, so the next change reloads all of it.
    let stale = false;
    let complete = false;
    let generation = 0;
    // Rows of entries that changed while a load ran: newer than what the chunks may hold for them.
    let changed = new Map<string, IndexRow>();
    const fail = (reason: unknown) => {
      if (!alive) return;
      stale = true;
      setError(`History could not be read: ${String(reason)}`);
    };
    /** Reads the index chunk by chunk, merging each into what came before; the rows shown change at the end. */
    const loadIndex = async () => {
      const mine = ++generation;
      changed = new Map();
      // Shown as progress only before the first complete index; later reloads keep the rows shown until done.
      const showProgress = !complete;
      // The worker's copy gave the count, when there was one; counting walks every key, beside the chunks' reads.
      if (showProgress && recent === undefined)
        void client.countHistory().then((total) => alive && mine === generation && setKnownTotal(total), fail);
      let merged: IndexRow[] = [];
      let cursor: IndexChunkCursor | undefined;
      do {
        // Each chunk is awaited: the page paints and handles input between them.
        const chunk = await client.loadIndexChunk(cursor, INDEX_CHUNK_ROWS);
        if (!alive || mine !== generation) return;
        merged = mergeNewestFirst(merged, chunk.rows.toSorted(compareNewestFirst));
        cursor = chunk.next;
        if (showProgress) setIndexing({ loaded: merged.length });
      } while (cursor);
      for (const row of changed.values()) merged = upsert(merged, row);
      complete = true;
      stale = false;
      setAll(merged);
      setKnownTotal(undefined);
      setIndexing(undefined);
      setLoading(false);
      setError(undefined);
      waiter.current.settle(merged);
      // The first search would otherwise join every row's text (about 20 ms at 50k) while the operator waits.
      requestIdleCallback(() => alive && (textSearch.current ??= new TextSearch()).sync(merged), { timeout: 2_000 });
    };
    const reloadIndex = () => loadIndex().catch(fail);
    void client.loadNewest(FIRST_PAINT_ROWS).then(
      (entries) => {
        if (!alive) return;
        for (const entry of entries) cache.current.set(entry.id, entry);
        if (!complete) {
          let newest = entries.map(indexRowOf);
          for (const row of changed.values()) newest = upsert(newest, row);
          setAll(newest);
          // No newest entry: none at all (the newest list covers own and imported entries alike).
          if (entries.length === 0) setKnownTotal(0);
        }
        setLoading(false);
        // After the first paint: the index is read in its own tasks, behind the rows now on screen.
        setTimeout(() => void reloadIndex(), 0);
      },
      (reason: unknown) => {
        fail(reason);
        void reloadIndex();
      },
    );
    const unsubscribe = client.onHistoryChange((entryId, total) => {
      if (entryId === undefined || stale) {
        cache.current.clear();
        void reloadIndex();
        return;
      }
      if (!complete && total !== undefined) setKnownTotal(total);
      // One read gives the row's index fields and its full entry: the row never shows "Loading…" on the way.
      void client.loadEntries([entryId]).then(([entry]) => {
        if (!alive) return;
        setError(undefined);
        if (!entry) return;
        const row = indexRowOf(entry);
        // Two reads for one entry can finish out of order; an entry never goes back to pending.
        const cached = cache.current.get(entry.id);
        if (!(entry.state === 'pending' && cached !== undefined && cached.state !== 'pending')) {
          cache.current.set(entry.id, entry);
          setCacheVersion((version) => version + 1);
        }
        changed.set(row.id, row);
        setAll((current) => upsert(current, row));
      }, fail);
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [client]);

  const searchReady = indexing === undefined;
  const rows = useMemo(() => {
    // Before the index is in, a search or filter would count only the newest rows: it shows nothing instead.
    if (!searchReady) return isEmptyFilter(filter) ? all : [];
    return filterRows(all, filter, (textSearch.current ??= new TextSearch()));
  }, [all, filter, searchReady]);

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
  // Once the index is in, rows that changed since are in `all`, not in what the load resolved with.
  const latest = useRef({ all, searchReady });
  latest.current = { all, searchReady };
  const indexed = useCallback(
    () => (latest.current.searchReady ? Promise.resolve(latest.current.all) : waiter.current.wait()),
    [],
  );
  const total = searchReady ? all.length : Math.max(knownTotal ?? 0, all.length);
  const progress = useMemo(
    () => (indexing ? { loaded: indexing.loaded, total: knownTotal } : undefined),
    [indexing, knownTotal],
  );

  // One object per change, not per render: the panel's list re-renders only when its history changed.
  return useMemo(
    () => ({ rows, all, total, loading, indexing: progress, error, entry, want, indexed }),
    [rows, all, total, loading, progress, error, entry, want, indexed],
  );
}
