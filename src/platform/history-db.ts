import { HistoryEntrySchema, type HistoryEntry } from '../core/history.ts';
import type { HistoryStore } from '../core/history-store.ts';

/**
 * History in IndexedDB: one record per entry, so appending costs the same at 50,000 entries as at 0,
 * and the oldest can be evicted through the startedAt index without reading the rest.
 */
const DB_NAME = 'linq-inspector';
const DB_VERSION = 1;
const STORE = 'history';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore(STORE, { keyPath: 'id' });
    store.createIndex('startedAt', 'startedAt');
    store.createIndex('state', 'state');
  };
  return promised(request);
}

/** Records that fail the schema (damaged, or from a future version) are skipped rather than crash a view. */
function valid(records: unknown[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const record of records) {
    const parsed = HistoryEntrySchema.safeParse(record);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries;
}

export function openHistoryDb(factory: IDBFactory = indexedDB): HistoryStore {
  let db: Promise<IDBDatabase> | undefined;
  const connection = (): Promise<IDBDatabase> => {
    db ??= open(factory).then((opened) => {
      // Another context deleting or upgrading the database closes ours; reopen lazily next time.
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
      };
      opened.onclose = () => {
        db = undefined;
      };
      return opened;
    });
    db.catch(() => {
      db = undefined;
    });
    return db;
  };
  const transaction = async (mode: IDBTransactionMode) => (await connection()).transaction(STORE, mode);

  return {
    async put(entry) {
      const tx = await transaction('readwrite');
      tx.objectStore(STORE).put(entry);
      await done(tx);
    },
    async get(id) {
      const tx = await transaction('readonly');
      const record: unknown = await promised(tx.objectStore(STORE).get(id));
      return record === undefined ? undefined : valid([record])[0];
    },
    async newest(limit) {
      const tx = await transaction('readonly');
      const records: unknown[] = [];
      if (limit <= 0) return [];
      await new Promise<void>((resolve, reject) => {
        const cursor = tx.objectStore(STORE).index('startedAt').openCursor(null, 'prev');
        cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
        cursor.onsuccess = () => {
          const current = cursor.result;
          if (!current) return resolve();
          records.push(current.value);
          if (records.length >= limit) return resolve();
          current.continue();
        };
      });
      return valid(records);
    },
    async pending() {
      const tx = await transaction('readonly');
      return valid(await promised(tx.objectStore(STORE).index('state').getAll('pending')));
    },
    async count() {
      const tx = await transaction('readonly');
      return promised(tx.objectStore(STORE).count());
    },
    async trimTo(cap) {
      const tx = await transaction('readwrite');
      const store = tx.objectStore(STORE);
      const excess = (await promised(store.count())) - cap;
      if (excess <= 0) return 0;
      let deleted = 0;
      const cursor = store.index('startedAt').openCursor();
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (!current || deleted >= excess) return;
        current.delete();
        deleted += 1;
        current.continue();
      };
      await done(tx);
      return deleted;
    },
    async clear() {
      const tx = await transaction('readwrite');
      tx.objectStore(STORE).clear();
      await done(tx);
    },
  };
}
