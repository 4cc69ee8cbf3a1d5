/**
 * The history database's schema, as a list of steps: step n (at index n - 1) upgrades version n - 1 to n, and
 * the database's version is the length of the list. Opening an older database runs only the steps it lacks,
 * so a store or index is created in exactly one step, and records already stored are kept. A new schema
 * change is a new step at the end; a shipped step is never edited.
 */
export type Migration = (db: IDBDatabase, tx: IDBTransaction) => void;

export const HISTORY_STORES = {
  entries: 'history',
  rows: 'search',
  pages: 'imported',
  pageRows: 'imported-search',
} as const;

export const HISTORY_MIGRATIONS: readonly Migration[] = [
  // 1: entries by id, with the indexes eviction and reconcile use; the compact index rows beside them.
  (db) => {
    const entries = db.createObjectStore(HISTORY_STORES.entries, { keyPath: 'id' });
    entries.createIndex('startedAt', 'startedAt');
    entries.createIndex('state', 'state');
    db.createObjectStore(HISTORY_STORES.rows, { keyPath: 'id' });
  },
  // 2: imported entries, a page of up to 100 a record (one record an entry cost about 0.5 ms each to write). The
  // pages have no index (Chromium reads back every value it indexes, which tripled the cost of writing one);
  // beside each, under the same key, a small record of its ids, ages and index rows carries the indexes: by
  // id (multi-entry), and by age for eviction and the newest list.
  (db) => {
    db.createObjectStore(HISTORY_STORES.pages, { autoIncrement: true });
    const about = db.createObjectStore(HISTORY_STORES.pageRows);
    about.createIndex('ids', 'ids', { multiEntry: true });
    about.createIndex('oldest', 'oldest');
    about.createIndex('newest', 'newest');
  },
];
