import { markInterrupted } from '../core/history.ts';
import type { HistoryStore } from '../core/history-store.ts';

/**
 * Runs once at worker start, before any new request: a pending entry found now belongs to a worker that
 * was stopped mid-request, so its result will never arrive. It becomes "interrupted", with a Retry.
 */
export async function reconcilePending(history: HistoryStore, announce: (entryId?: string) => void): Promise<number> {
  const stale = await history.pending();
  for (const entry of stale) await history.put(markInterrupted(entry));
  if (stale.length > 0) announce();
  return stale.length;
}
