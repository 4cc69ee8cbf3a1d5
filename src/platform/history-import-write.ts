import type { HistoryEntry } from '../core/history.ts';
import { indexRowOf } from '../core/history-index.ts';
import type { ImportCounts } from '../core/history-store.ts';

/**
 * Adds a chunk of imported entries in one transaction (one per entry made 20,000 entries take 56 s). An id
 * that is stored already is left as it is and counted; so is an entry beyond the history limit: an import
 * never evicts anything, so it can never push out the operator's own entries.
 * `onTotal` hears the entry count inside the transaction, as each write lands, so the store's cached count
 * stays exact beside the other writers' transactions.
 */
export function addMissingEntries(
  tx: IDBTransaction,
  names: { entries: string; rows: string },
  chunk: readonly HistoryEntry[],
  cap: number,
  onTotal: (total: number) => void,
): Promise<ImportCounts> {
  const entries = tx.objectStore(names.entries);
  const rows = tx.objectStore(names.rows);
  const counts: ImportCounts = { added: 0, present: 0, overLimit: 0 };
  const seen = new Set<string>();
  let total = 0;
  // Requests run in the order issued: the count answers before any getKey below does.
  const counted = entries.count();
  counted.onsuccess = () => {
    total = counted.result;
    onTotal(total);
  };
  for (const entry of chunk) {
    const existing = entries.getKey(entry.id);
    existing.onsuccess = () => {
      if (existing.result !== undefined || seen.has(entry.id)) {
        counts.present += 1;
        return;
      }
      if (total >= cap) {
        counts.overLimit += 1;
        return;
      }
      seen.add(entry.id);
      total += 1;
      counts.added += 1;
      entries.add(entry).onsuccess = () => onTotal(total);
      rows.put(indexRowOf(entry));
    };
  }
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(counts);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
