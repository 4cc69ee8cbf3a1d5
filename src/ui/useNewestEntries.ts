import { useMemo, useRef } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import type { IndexRow } from '../core/history-index.ts';

/**
 * The full entries of the newest `count` rows, when all of them are at hand; the same array while they stay
 * the same entries, so a cache that only grew (rows scrolled into view) changes nothing downstream.
 */
export function useNewestEntries(
  rows: readonly IndexRow[],
  entry: (id: string) => HistoryEntry | undefined,
  count: number,
): HistoryEntry[] | undefined {
  const last = useRef<HistoryEntry[]>(undefined);
  return useMemo(() => {
    const entries = rows.slice(0, count).map((row) => entry(row.id));
    if (!entries.every((found) => found !== undefined)) return undefined;
    const before = last.current;
    if (before?.length === entries.length && before.every((found, at) => found === entries[at])) return before;
    return (last.current = entries);
  }, [rows, entry, count]);
}
