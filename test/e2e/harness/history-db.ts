import type { Page } from 'playwright-core';

/**
 * The stored history as the worker wrote it, read from a view: IndexedDB "linq-inspector", the operator's own
 * entries in store "history", imported ones a page (a list of entries) a record in store "imported".
 */
export interface StoredEntry {
  id: string;
  state: 'pending' | 'settled' | 'interrupted';
  chatId: string;
  startedAt: number;
  outcome?: { kind: string; traceId?: string };
  request: { url: string; headers: Array<[string, string]>; timeoutMs: number };
  response?: { status: number; headers: Array<[string, string]>; bodyPreview: string };
}

export function readHistoryDb(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create it empty (version 1, no store) and break the
    // extension's own upgrade, so only open one that is there.
    const existing = await indexedDB.databases();
    if (!existing.some((info) => info.name === 'linq-inspector')) return [];
    return new Promise<StoredEntry[]>((resolve, reject) => {
      const open = indexedDB.open('linq-inspector');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('history')) {
          db.close();
          return resolve([]);
        }
        const withPages = db.objectStoreNames.contains('imported');
        const tx = db.transaction(withPages ? ['history', 'imported'] : ['history'], 'readonly');
        const own = tx.objectStore('history').getAll();
        const pages = withPages ? tx.objectStore('imported').getAll() : undefined;
        tx.onerror = () => reject(tx.error);
        tx.oncomplete = () => {
          db.close();
          const imported = ((pages?.result ?? []) as StoredEntry[][]).flat();
          resolve([...(own.result as StoredEntry[]), ...imported]);
        };
      };
    });
  });
}
