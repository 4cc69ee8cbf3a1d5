import type { HistoryEntry } from './history.ts';
import { readStoredEntry } from './history-guard.ts';

/** How many of the newest entries the popup lists (the panel page has the rest). */
export const RECENT_LIMIT = 5;

/**
 * A copy of the newest entries and the entry count, kept by the worker beside the settings, so the popup
 * can paint its list from the one storage read it makes anyway, without waiting to open IndexedDB
 * (about 50 ms when a page starts, measured). IndexedDB stays the truth: the popup reads it straight after.
 */
export interface RecentHistoryCopy {
  entries: HistoryEntry[];
  total: number;
}

/** Reads a stored copy back, as the views read their IndexedDB records: damaged entries are skipped. */
export function readRecentHistoryCopy(stored: unknown): RecentHistoryCopy | undefined {
  const record = stored as Partial<RecentHistoryCopy> | undefined;
  if (!record || !Array.isArray(record.entries) || typeof record.total !== 'number') return undefined;
  const entries = record.entries.map(readStoredEntry).filter((entry) => entry !== undefined);
  return entries.length === record.entries.length ? { entries, total: record.total } : undefined;
}
