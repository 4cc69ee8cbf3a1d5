import type { HistoryEntry } from '../core/history.ts';
import { compareNewestFirst, indexRowOf } from '../core/history-index.ts';
import type { ImportCounts } from '../core/history-store.ts';
import { HISTORY_STORES } from './history-migrations.ts';
import { promised, walk } from './idb-request.ts';

/**
 * Imported entries are stored a page at a time: one IndexedDB record an entry cost about 0.5 ms on this
 * machine, so 100,000 took a minute; a page of 100 costs about the same as one entry. A page is never
 * pending (an import turns pending into interrupted), so reconcile never looks here; lookups by id go
 * through the page's multi-entry `ids` index, and its index rows sit beside it under the same key.
 */
export const PAGE_SIZE = 100;
const PAGES = HISTORY_STORES.pages;
const PAGE_ROWS = HISTORY_STORES.pageRows;

/** What a page record holds; read back, it is checked, as every record is. */
export interface ImportPage {
  ids: string[];
  oldest: number;
  newest: number;
  /** Oldest first. */
  entries: unknown[];
}

function isPage(value: unknown): value is ImportPage {
  const page = value as ImportPage | undefined;
  return (
    Array.isArray(page?.ids) &&
    Array.isArray(page.entries) &&
    typeof page.oldest === 'number' &&
    typeof page.newest === 'number'
  );
}

const startedAtOf = (record: unknown): number => {
  const at = (record as { startedAt?: unknown } | null)?.startedAt;
  return typeof at === 'number' ? at : Number.NEGATIVE_INFINITY;
};
const idOf = (record: unknown): unknown => (record as { id?: unknown } | null)?.id;
/** compareNewestFirst's order, for records not checked yet. */
const newestFirst = (a: unknown, b: unknown) =>
  compareNewestFirst(
    { startedAt: startedAtOf(a), id: String(idOf(a)) },
    { startedAt: startedAtOf(b), id: String(idOf(b)) },
  );

/**
 * Which entries of a chunk to store: an id stored already (or twice in the file) is counted as present, and
 * nothing goes beyond `cap`. `known` gains the ids picked.
 */
export function pickImported(
  chunk: readonly HistoryEntry[],
  known: Set<string>,
  total: number,
  cap: number,
): { fresh: HistoryEntry[]; counts: ImportCounts } {
  const counts: ImportCounts = { added: 0, present: 0, overLimit: 0 };
  const fresh: HistoryEntry[] = [];
  for (const entry of chunk) {
    if (known.has(entry.id)) counts.present += 1;
    else if (total + fresh.length >= cap) counts.overLimit += 1;
    else {
      known.add(entry.id);
      fresh.push(entry);
    }
  }
  counts.added = fresh.length;
  return { fresh, counts };
}

/** Every id stored, the operator's own and imported: read once, then kept up to date by the store. */
export async function storedIds(tx: IDBTransaction): Promise<Set<string>> {
  const [own, pageRows] = await Promise.all([
    promised(tx.objectStore(HISTORY_STORES.entries).getAllKeys()),
    promised<unknown[]>(tx.objectStore(PAGE_ROWS).getAll()),
  ]);
  const ids = new Set<string>();
  for (const key of own) if (typeof key === 'string') ids.add(key);
  for (const rows of pageRows) {
    if (Array.isArray(rows)) for (const row of rows) if (typeof idOf(row) === 'string') ids.add(idOf(row) as string);
  }
  return ids;
}

/** Writes entries as pages, oldest first, each with its index rows. */
export function writePages(tx: IDBTransaction, entries: readonly HistoryEntry[]): void {
  const pages = tx.objectStore(PAGES);
  const rows = tx.objectStore(PAGE_ROWS);
  const sorted = entries.toSorted((a, b) => a.startedAt - b.startedAt);
  for (let start = 0; start < sorted.length; start += PAGE_SIZE) {
    const part = sorted.slice(start, start + PAGE_SIZE);
    const page: ImportPage = {
      ids: part.map((entry) => entry.id),
      oldest: part[0]!.startedAt,
      newest: part.at(-1)!.startedAt,
      entries: part,
    };
    const added = pages.add(page);
    added.onsuccess = () => rows.put(part.map(indexRowOf), added.result);
  }
}

/** The imported records with these ids (unchecked), by id. */
export async function pageRecords(tx: IDBTransaction, ids: readonly string[]): Promise<Map<string, unknown>> {
  const pages = tx.objectStore(PAGES);
  const keys = await Promise.all(ids.map((id) => promised(pages.index('ids').getKey(id))));
  const wanted = new Set(ids);
  const found = new Map<string, unknown>();
  const distinct = [...new Set(keys.filter((key) => key !== undefined))];
  for (const page of await Promise.all(distinct.map((key) => promised<unknown>(pages.get(key))))) {
    if (!isPage(page)) continue;
    for (const record of page.entries) {
      const id = idOf(record);
      if (typeof id === 'string' && wanted.has(id)) found.set(id, record);
    }
  }
  return found;
}

/** Every imported index row (unchecked). */
export async function allPageRows(tx: IDBTransaction): Promise<unknown[]> {
  const pages: unknown[] = await promised(tx.objectStore(PAGE_ROWS).getAll());
  return pages.flatMap((rows) => (Array.isArray(rows) ? rows : []));
}

export async function pageRow(tx: IDBTransaction, id: string): Promise<unknown> {
  const key = await promised(tx.objectStore(PAGES).index('ids').getKey(id));
  if (key === undefined) return undefined;
  const rows: unknown = await promised(tx.objectStore(PAGE_ROWS).get(key));
  return Array.isArray(rows) ? rows.find((row) => idOf(row) === id) : undefined;
}

export function countImported(tx: IDBTransaction): Promise<number> {
  return promised(tx.objectStore(PAGES).index('ids').count());
}

/**
 * The newest `limit` imported records (unchecked), newest first, given the operator's own newest: pages are
 * read newest first until no page left can hold a record newer than the `limit`-th found so far.
 */
export async function newestInPages(tx: IDBTransaction, limit: number, own: readonly unknown[]): Promise<unknown[]> {
  let best = [...own];
  const floor = () => (best.length < limit ? Number.NEGATIVE_INFINITY : startedAtOf(best[limit - 1]));
  await walk(tx.objectStore(PAGES).index('newest').openCursor(null, 'prev'), (cursor) => {
    const page: unknown = cursor.value;
    if (!isPage(page)) return true;
    if (page.newest < floor()) return false;
    best = [...best, ...page.entries].toSorted(newestFirst).slice(0, limit);
    return true;
  });
  return best;
}

type Candidate = { at: number; id: string; page?: IDBValidKey };

/**
 * Deletes the `excess` oldest entries, the operator's own and imported alike. A page that loses some of its
 * entries is written again without them (a whole page costs about as much as one entry); an empty one goes.
 */
export async function deleteOldest(tx: IDBTransaction, excess: number): Promise<number> {
  const entries = tx.objectStore(HISTORY_STORES.entries);
  const rows = tx.objectStore(HISTORY_STORES.rows);
  const pages = tx.objectStore(PAGES);
  const pageRows = tx.objectStore(PAGE_ROWS);
  const candidates: Candidate[] = [];
  // Keys only: eviction never deserialises the operator's entries it deletes.
  await walk(entries.index('startedAt').openKeyCursor(), (cursor) => {
    candidates.push({ at: Number(cursor.key), id: String(cursor.primaryKey) });
    return candidates.length < excess;
  });
  const touched = new Map<IDBValidKey, ImportPage>();
  let imported: Candidate[] = [];
  await walk(pages.index('oldest').openCursor(), (cursor) => {
    const page: unknown = cursor.value;
    if (!isPage(page)) return true;
    if (imported.length >= excess && page.oldest > imported[excess - 1]!.at) return false;
    touched.set(cursor.primaryKey, page);
    const mine = page.entries.map((record) => ({
      at: startedAtOf(record),
      id: String(idOf(record)),
      page: cursor.primaryKey,
    }));
    imported = [...imported, ...mine].toSorted((a, b) => a.at - b.at).slice(0, excess);
    return true;
  });
  const chosen = [...candidates, ...imported]
    .toSorted((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, excess);
  const fromPages = new Map<IDBValidKey, Set<string>>();
  for (const candidate of chosen) {
    if (candidate.page === undefined) {
      entries.delete(candidate.id);
      rows.delete(candidate.id);
    } else {
      const ids = fromPages.get(candidate.page) ?? new Set<string>();
      fromPages.set(candidate.page, ids.add(candidate.id));
    }
  }
  for (const [key, gone] of fromPages) {
    const page = touched.get(key)!;
    const kept = page.entries.filter((record) => !gone.has(String(idOf(record))));
    if (kept.length === 0) {
      pages.delete(key);
      pageRows.delete(key);
      continue;
    }
    pages.put(
      {
        ids: kept.map((record) => String(idOf(record))),
        oldest: startedAtOf(kept[0]),
        newest: startedAtOf(kept.at(-1)),
        entries: kept,
      },
      key,
    );
    const rowsOfPage: unknown = await promised(pageRows.get(key));
    if (Array.isArray(rowsOfPage))
      pageRows.put(
        rowsOfPage.filter((row) => !gone.has(String(idOf(row)))),
        key,
      );
  }
  return chosen.length;
}
