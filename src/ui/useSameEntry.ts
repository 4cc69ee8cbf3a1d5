import { useRef } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';

/**
 * The entry as last returned while its content is unchanged. The same stored entry reaches a view as several
 * objects (a request's reply, a read of the store); a pure child given a new copy of it would render it again
 * for nothing, and in the panel that render sat between a result and its paint.
 */
export function useSameEntry(entry: HistoryEntry | undefined): HistoryEntry | undefined {
  const last = useRef<{ entry: HistoryEntry | undefined; json: string }>({ entry: undefined, json: '' });
  if (entry === last.current.entry) return entry;
  // Entries are small and bounded (a body is at most 16 KiB), so comparing their JSON costs microseconds.
  const json = entry === undefined ? '' : JSON.stringify(entry);
  if (json !== last.current.json) last.current = { entry, json };
  return last.current.entry;
}
