import type { HistoryEntry } from '../core/history.ts';
import { indexRowOf } from '../core/history-index.ts';
import type { ImportCounts } from '../core/history-store.ts';

/**
 * Adds a chunk of imported entries in one transaction (one per entry made 20,000 entries take 56 s). An id
 * that is stored already is left as it is and counted; so is an entry beyond the history limit: an import
 * never evicts anything, so it can never push out the operator's own entries.
 * `knownTotal` is the store's cached count, read once this transaction runs (count() walks every key);
 * `onTotal` hears the entry count inside the transaction, as each write lands, so the cached count stays
 * exact beside the other writers' transactions.
 */
export function addMissingEntries(
  tx: IDBTransaction,
  names: { entries: string; rows: string },
  chunk: readonly HistoryEntry[],
  cap: number,
  knownTotal: () => number | undefined,
  onTotal: (total: number) => void,
): Promise<ImportCounts> {
  const entries = tx.objectStore(names.entries);
  const rows = tx.objectStore(names.rows);
  const counts: ImportCounts = { added: 0, present: 0, overLimit: 0 };
  let total = 0;
  const added = (entry: HistoryEntry) => {
    total += 1;
    counts.added += 1;
    onTotal(total);
    rows.put(indexRowOf(entry));
  };

  /** Room for the whole chunk: each entry is added at once; a stored id fails its add, which is then skipped. */
  const addAll = () => {
    for (const entry of chunk) {
      const request = entries.add(entry);
      request.onsuccess = () => added(entry);
      request.onerror = (event) => {
        // Only the id is unique (the indexes are not): anything else still aborts the transaction.
        if (request.error?.name !== 'ConstraintError') return;
        event.preventDefault();
        event.stopPropagation();
        counts.present += 1;
      };
    }
  };

  /** Near the limit: each key is read first, so a stored id counts as present, never as over the limit. */
  const addWithinCap = () => {
    const seen = new Set<string>();
    for (const entry of chunk) {
      const existing = entries.getKey(entry.id);
      existing.onsuccess = () => {
        if (existing.result !== undefined || seen.has(entry.id)) counts.present += 1;
        else if (total >= cap) counts.overLimit += 1;
        else {
          seen.add(entry.id);
          entries.add(entry);
          added(entry);
        }
      };
    }
  };

  const start = (counted: number) => {
    total = counted;
    onTotal(total);
    if (cap - total >= chunk.length) addAll();
    else addWithinCap();
  };
  const count = () => {
    const counted = entries.count();
    counted.onsuccess = () => start(counted.result);
  };
  if (knownTotal() === undefined) count();
  else {
    // A key read answers once this transaction runs, when every earlier write has landed and been counted.
    entries.getKey('').onsuccess = () => {
      const known = knownTotal();
      if (known === undefined) count();
      else start(known);
    };
  }
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(counts);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
