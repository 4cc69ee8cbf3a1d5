import { interruptedOutcome, markInterrupted, parseHistoryEntry, type HistoryEntry } from '../core/history.ts';
import type { HistoryStore } from '../core/history-store.ts';

/**
 * A pending record this version cannot read (written by another version, or damaged) as an interrupted entry:
 * its answer, duration and outcome, whatever they were, are replaced; undefined if what is left is not an entry.
 */
export function interruptedFromRecord(record: unknown): HistoryEntry | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const { response: _response, durationMs: _durationMs, ...rest } = record as Record<string, unknown>;
  return parseHistoryEntry({ ...rest, state: 'interrupted', outcome: interruptedOutcome() });
}

/**
 * Runs once at worker start, before any new request: a pending entry found now belongs to a worker that
 * was stopped mid-request, so its result will never arrive. It becomes "interrupted", with a Retry. A pending
 * record that is not a valid entry is repaired the same way when it can be, and removed otherwise, so no
 * record stays pending for ever; the removed ones are counted.
 */
export async function reconcilePending(
  history: HistoryStore,
  announce: (entryId?: string) => void,
): Promise<{ interrupted: number; removed: number }> {
  const { rewritten, removed } = await history.settlePending((entry, record) =>
    entry === undefined ? interruptedFromRecord(record) : markInterrupted(entry),
  );
  if (removed > 0) {
    console.warn(`Linq Typing Inspector: removed ${removed} pending history record(s) that could not be read`);
  }
  if (rewritten + removed > 0) announce();
  return { interrupted: rewritten, removed };
}
