import { markInterrupted, type HistoryEntry } from '../core/history.ts';
import type { ImportHistoryReply } from '../core/protocol.ts';
import type { WorkerDeps } from './deps.ts';

/**
 * Stores entries from an export file (already checked against the schema by the view and again by the
 * message parser). An entry with an id that exists replaces it, so importing the same file twice is harmless.
 * A pending entry from a file can never settle here, so it comes in as interrupted, with the interrupted
 * outcome (state alone would leave it shown and filtered as "Pending", with no decoded result).
 */
export async function importHistory(entries: HistoryEntry[], deps: Pick<WorkerDeps, 'history' | 'announce' | 'ready' | 'loadSettings'>): Promise<ImportHistoryReply> {
  await deps.ready;
  try {
    for (const entry of entries) await deps.history.put(entry.state === 'pending' ? markInterrupted(entry) : entry);
    await deps.history.trimTo((await deps.loadSettings()).historyCap);
    deps.announce();
    return { ok: true, imported: entries.length };
  } catch (error) {
    return { ok: false, imported: 0, message: `Import failed while storing: ${error instanceof Error ? error.message : String(error)}` };
  }
}
