import type { Page } from 'playwright-core';
import { readHistoryDb, type StoredEntry } from '../../harness/history-db.ts';

export { readHistoryDb, type StoredEntry };

export const DB_NAME = 'linq-inspector';

/** The stored history newest first, in the order the views list it (start time, then id, descending). */
export async function newestFirst(page: Page): Promise<StoredEntry[]> {
  const entries = await readHistoryDb(page);
  return entries.toSorted((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Every record of every store of every IndexedDB database of the extension, as JSON text. */
export function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, Record<string, unknown[]>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const name of db.objectStoreNames) {
        stores[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      dump[info.name] = stores;
    }
    return JSON.stringify(dump);
  });
}

/**
 * Raises the history database's version from an extension page and closes it again, as a newer build of the
 * extension would before being rolled back. Every connection at the old version gets `versionchange` (ours
 * close, as they should), and from then on the extension's own open(name, oldVersion) fails with a
 * VersionError: each put() of the worker rejects for real. Returns the new version.
 */
export function raiseDbVersion(page: Page): Promise<number> {
  return page.evaluate(async (name) => {
    const current = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => {
        const { version } = open.result;
        open.result.close();
        resolve(version);
      };
      open.onerror = () => reject(open.error);
    });
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(name, current + 1);
      open.onblocked = () => reject(new Error('the version change was blocked by a connection that did not close'));
      open.onsuccess = () => {
        const { version } = open.result;
        open.result.close();
        resolve(version);
      };
      open.onerror = () => reject(open.error);
    });
  }, DB_NAME);
}

/** Deletes the history database (test cleanup after raiseDbVersion): the extension then creates it afresh. */
export function deleteDb(page: Page): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('deleting the history database was blocked'));
      }),
    DB_NAME,
  );
}
