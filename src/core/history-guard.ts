import type { HistoryEntry } from './history.ts';
import { readStoredTimes, withTimes } from './stored-times.ts';

const STATES = new Set(['pending', 'settled', 'interrupted']);

/**
 * A cheap structural check for records a view reads back from its own extension's IndexedDB. Only the
 * worker writes there, after building each entry in code; the views need protection from a damaged or
 * older record (skip it, or read impossible times as a damaged entry), not from an attacker. Keeping zod
 * out of this path keeps it out of the popup's first load. The worker reads with the full schema
 * (parseHistoryEntry).
 */
export function readStoredEntry(record: unknown): HistoryEntry | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const entry = record as Partial<HistoryEntry>;
  const ok =
    typeof entry.id === 'string' &&
    typeof entry.chatId === 'string' &&
    STATES.has(entry.state as string) &&
    (entry.method === 'DELETE' || entry.method === 'POST' || entry.method === 'GET') &&
    typeof entry.request?.url === 'string' &&
    Array.isArray(entry.request.headers) &&
    (entry.outcome === undefined ||
      (typeof entry.outcome.kind === 'string' && typeof entry.outcome.summary === 'string'));
  if (!ok) return undefined;
  // Impossible times (or a stored mark) make a copy with safe numbers and the reason; the rest is read as it is.
  const times = readStoredTimes(entry);
  return times.damaged === undefined && !('damaged' in entry)
    ? (record as HistoryEntry)
    : withTimes(record as HistoryEntry, times);
}
