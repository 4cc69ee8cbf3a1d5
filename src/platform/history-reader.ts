import type { HistoryEntry } from '../core/history.ts';
import { compareNewestFirst, type IndexRow } from '../core/history-index.ts';
import type { HistoryReader } from '../core/history-store.ts';
import type { IndexChunk, IndexChunkCursor, IndexChunkReader } from '../core/index-chunks.ts';
import type * as ImportPages from './history-import-pages.ts';
import { promised } from './idb-request.ts';
import { HISTORY_MIGRATIONS, HISTORY_STORES, type Migration } from './history-migrations.ts';

/**
 * Reading history from IndexedDB, which is all a view does (the worker is the one writer, in
 * src/platform/history-db.ts). The operator's own entries are one record each, found by id or by the startedAt
 * index; imported ones are in pages (src/platform/history-import-pages.ts).
 */
const DB_NAME = 'linq-inspector';
const ENTRIES = HISTORY_STORES.entries;
const ROWS = HISTORY_STORES.rows;
const PAGES = HISTORY_STORES.pages;
const PAGE_ROWS = HISTORY_STORES.pageRows;

function open(factory: IDBFactory, migrations: readonly Migration[]): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, migrations.length);
  // Only the steps this database lacks: recreating a store that exists would abort the upgrade, and the open.
  request.onupgradeneeded = (event) => {
    const tx = request.transaction!;
    for (const step of migrations.slice(event.oldVersion)) step(request.result, tx);
  };
  return promised(request);
}

/**
 * The import pages' code: the worker links it in; views load it on their first read of history, so the
 * popup's first load stays small (a service worker cannot load code later).
 */
export type PagesModule = typeof ImportPages;
const pagesOnFirstUse = () => import('./history-import-pages.ts');

export type EntryReader = (record: unknown) => HistoryEntry | undefined;

export interface HistoryDbOptions {
  /** Tests pass the list with a next step, to check that an upgrade keeps what the current version wrote. */
  migrations?: readonly Migration[];
  importPages?: () => Promise<PagesModule>;
}

function isIndexRow(value: unknown): value is IndexRow {
  const row = value as IndexRow | undefined;
  return (
    typeof row?.id === 'string' &&
    typeof row.startedAt === 'number' &&
    typeof row.text === 'string' &&
    typeof row.kind === 'string'
  );
}

/** One connection to the database, reopened lazily, and what reading and writing share. */
export interface HistoryConnection {
  transaction(stores: string | string[], mode: IDBTransactionMode): Promise<IDBTransaction>;
  /** Loaded before a transaction is created: a transaction left waiting for code would commit. */
  loadPages(): Promise<PagesModule>;
  /** `readEntry` checks each record read back; records it refuses (damaged, or from another version) are skipped. */
  valid(records: readonly unknown[]): HistoryEntry[];
}

/** `onReset` runs when another context deleted or upgraded the database, which closes this connection. */
export function connectHistory(
  readEntry: EntryReader,
  factory: IDBFactory,
  { migrations = HISTORY_MIGRATIONS, importPages = pagesOnFirstUse }: HistoryDbOptions,
  onReset: () => void = () => undefined,
): HistoryConnection {
  let db: Promise<IDBDatabase> | undefined;
  let pagesModule: PagesModule | undefined;
  const connection = (): Promise<IDBDatabase> => {
    db ??= open(factory, migrations).then((opened) => {
      // Another context deleting or upgrading the database closes ours; reopen lazily next time.
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
        onReset();
      };
      opened.onclose = () => {
        db = undefined;
        onReset();
      };
      return opened;
    });
    db.catch(() => {
      db = undefined;
    });
    return db;
  };
  return {
    // Relaxed durability: a commit is handed to the OS without waiting for a disk flush. That survives the
    // worker or the browser being killed, which is what the journal guards against, and saves milliseconds
    // on every request.
    transaction: async (stores, mode) => (await connection()).transaction(stores, mode, { durability: 'relaxed' }),
    loadPages: async () => (pagesModule ??= await importPages()),
    valid(records) {
      const entries: HistoryEntry[] = [];
      for (const record of records) {
        const entry = readEntry(record);
        if (entry) entries.push(entry);
      }
      return entries;
    },
  };
}

export function historyReads({ transaction, loadPages, valid }: HistoryConnection): HistoryReader {
  /** The operator's own entries by key; the rest from the import pages. */
  const getMany = async (ids: readonly string[]): Promise<HistoryEntry[]> => {
    if (ids.length === 0) return [];
    const pages = await loadPages();
    const tx = await transaction([ENTRIES, PAGES, PAGE_ROWS], 'readonly');
    const store = tx.objectStore(ENTRIES);
    const own = await Promise.all(ids.map((id) => promised<unknown>(store.get(id))));
    const missing = ids.filter((_, i) => own[i] === undefined);
    const imported = missing.length > 0 ? await pages.pageRecords(tx, missing) : new Map<string, unknown>();
    return valid(ids.map((id, i) => own[i] ?? imported.get(id)).filter((record) => record !== undefined));
  };
  return {
    async get(id) {
      return (await getMany([id]))[0];
    },
    getMany,
    async indexRows() {
      const pages = await loadPages();
      const tx = await transaction([ROWS, PAGE_ROWS], 'readonly');
      const [own, imported] = await Promise.all([
        promised<unknown[]>(tx.objectStore(ROWS).getAll()),
        pages.allPageRows(tx),
      ]);
      return [...own, ...imported].filter(isIndexRow).toSorted(compareNewestFirst);
    },
    async newest(limit) {
      if (limit <= 0) return [];
      const pages = await loadPages();
      const tx = await transaction([ENTRIES, PAGES, PAGE_ROWS], 'readonly');
      const records: unknown[] = [];
      await new Promise<void>((resolve, reject) => {
        const cursor = tx.objectStore(ENTRIES).index('startedAt').openCursor(null, 'prev');
        cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
        cursor.onsuccess = () => {
          const current = cursor.result;
          if (!current) return resolve();
          records.push(current.value);
          if (records.length >= limit) return resolve();
          current.continue();
        };
      });
      return valid(await pages.newestWithPages(tx, limit, records));
    },
    async pending() {
      const tx = await transaction(ENTRIES, 'readonly');
      return valid(await promised(tx.objectStore(ENTRIES).index('state').getAll('pending')));
    },
    async count() {
      const pages = await loadPages();
      const tx = await transaction([ENTRIES, PAGE_ROWS], 'readonly');
      const [own, imported] = await Promise.all([promised(tx.objectStore(ENTRIES).count()), pages.countImported(tx)]);
      return own + imported;
    },
  };
}

/** Import summaries hold up to this many rows each (PAGE_SIZE in src/platform/history-import-pages.ts). */
const ROWS_PER_SUMMARY = 100;

const after = (key: string | number | undefined) => (key === undefined ? null : IDBKeyRange.lowerBound(key, true));

const summaryRows = (summary: unknown): unknown[] => {
  const rows = (summary as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? rows : [];
};

/**
 * The search index a chunk at a time: the operator's rows (store "search") by id, then the imported ones from
 * the import summaries (store "imported-search"), a page of 100 a summary. Each chunk is its own short
 * transaction, so a view can paint between them and the worker's writes are not held up.
 */
export function indexChunks({ transaction }: Pick<HistoryConnection, 'transaction'>): IndexChunkReader {
  return {
    async indexChunk(cursor: IndexChunkCursor = { part: 'own' }, count): Promise<IndexChunk> {
      if (cursor.part === 'own') {
        const tx = await transaction(ROWS, 'readonly');
        // One read: a row's key is its id (keyPath), so the next chunk starts after the last row's id.
        const records = await promised<unknown[]>(tx.objectStore(ROWS).getAll(after(cursor.after), count));
        const last = (records.at(-1) as { id?: unknown } | undefined)?.id;
        const rows = records.filter(isIndexRow);
        return records.length === count && typeof last === 'string'
          ? { rows, next: { part: 'own', after: last } }
          : { rows, next: { part: 'imported' } };
      }
      // A summary's key is not in its record: keys and values are read together, in one transaction.
      const limit = Math.max(1, Math.ceil(count / ROWS_PER_SUMMARY));
      const tx = await transaction(PAGE_ROWS, 'readonly');
      const store = tx.objectStore(PAGE_ROWS);
      const [keys, summaries] = await Promise.all([
        promised(store.getAllKeys(after(cursor.after), limit)),
        promised<unknown[]>(store.getAll(after(cursor.after), limit)),
      ]);
      const rows = summaries.flatMap(summaryRows).filter(isIndexRow);
      const last = keys.at(-1);
      return keys.length === limit && typeof last === 'number'
        ? { rows, next: { part: 'imported', after: last } }
        : { rows };
    },
  };
}

/** What a view reads history with. */
export function openHistoryReader(
  readEntry: EntryReader,
  factory: IDBFactory = indexedDB,
  options: HistoryDbOptions = {},
): HistoryReader & IndexChunkReader {
  const connection = connectHistory(readEntry, factory, options);
  return { ...historyReads(connection), ...indexChunks(connection) };
}
