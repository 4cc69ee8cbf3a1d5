import type { HistoryEntry } from '../core/history.ts';
import { compareNewestFirst, indexRowOf, type IndexRow } from '../core/history-index.ts';
import type { ImportCounts } from '../core/history-store.ts';
import { HISTORY_STORES } from './history-migrations.ts';
import { promised, walk } from './idb-request.ts';

/**
 * Imported entries are stored a page at a time: one IndexedDB record an entry cost about 0.5 ms on this
 * machine, so 100,000 took a minute; a page of 100 costs about the same as one entry. A page (store
 * "imported", its entries oldest first) has no index; its summary (store "imported-search", same key) holds
 * its ids, its age range and its index rows, and carries the indexes, so lookups, eviction and the newest
 * list read summaries first and only the pages they need. A page is never pending (an import turns pending
 * into interrupted), so reconcile never looks here.
 */
export const PAGE_SIZE = 100;
const PAGES = HISTORY_STORES.pages;
const SUMMARIES = HISTORY_STORES.pageRows;

/** A page's summary; read back, it is checked, as every record is. */
export interface PageSummary {
  ids: string[];
  oldest: number;
  newest: number;
  /** The page's index rows (unchecked when read), in the page's order. */
  rows: unknown[];
}

function isSummary(value: unknown): value is PageSummary {
  const summary = value as PageSummary | undefined;
  return (
    Array.isArray(summary?.ids) &&
    Array.isArray(summary.rows) &&
    typeof summary.oldest === 'number' &&
    typeof summary.newest === 'number'
  );
}

const startedAtOf = (record: unknown): number => {
  const at = (record as { startedAt?: unknown } | null)?.startedAt;
  return typeof at === 'number' ? at : Number.NEGATIVE_INFINITY;
};
const idOf = (record: unknown): string => String((record as { id?: unknown } | null)?.id);
/** compareNewestFirst's order, for records not checked yet. */
const newestFirst = (a: unknown, b: unknown) =>
  compareNewestFirst({ startedAt: startedAtOf(a), id: idOf(a) }, { startedAt: startedAtOf(b), id: idOf(b) });

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
  const [own, summaries] = await Promise.all([
    promised(tx.objectStore(HISTORY_STORES.entries).getAllKeys()),
    promised<unknown[]>(tx.objectStore(SUMMARIES).getAll()),
  ]);
  const ids = new Set<string>();
  for (const key of own) if (typeof key === 'string') ids.add(key);
  for (const summary of summaries) if (isSummary(summary)) for (const id of summary.ids) ids.add(String(id));
  return ids;
}

function summaryOf(entries: readonly unknown[], rows: readonly unknown[]): PageSummary {
  return {
    ids: entries.map(idOf),
    oldest: startedAtOf(entries[0]),
    newest: startedAtOf(entries.at(-1)),
    rows: [...rows],
  };
}

/** A page written but not yet part of the history: it has no summary, so no read finds it. */
export interface StagedPage {
  key: IDBValidKey;
  /** The page's index rows, oldest first, one per entry. */
  rows: IndexRow[];
}

/** Writes entries as pages, oldest first, without their summaries. */
export async function stagePages(tx: IDBTransaction, entries: readonly HistoryEntry[]): Promise<StagedPage[]> {
  const pages = tx.objectStore(PAGES);
  const sorted = entries.toSorted((a, b) => a.startedAt - b.startedAt);
  const staged: Array<Promise<StagedPage>> = [];
  for (let start = 0; start < sorted.length; start += PAGE_SIZE) {
    const part = sorted.slice(start, start + PAGE_SIZE);
    staged.push(promised(pages.add(part)).then((key) => ({ key, rows: part.map(indexRowOf) })));
  }
  return Promise.all(staged);
}

/**
 * Makes staged pages part of the history, up to `room` entries in all, by writing their summaries; what does
 * not fit is deleted (a page cut short is written again). Returns how many entries went in.
 */
export async function commitPages(tx: IDBTransaction, staged: readonly StagedPage[], room: number): Promise<number> {
  const pages = tx.objectStore(PAGES);
  const summaries = tx.objectStore(SUMMARIES);
  let added = 0;
  for (const page of staged) {
    const take = Math.min(room - added, page.rows.length);
    if (take <= 0) {
      pages.delete(page.key);
      continue;
    }
    const rows = page.rows.slice(0, take);
    if (take < page.rows.length) {
      const stored: unknown = await promised(pages.get(page.key));
      pages.put((Array.isArray(stored) ? stored : []).slice(0, take), page.key);
    }
    summaries.put(summaryOf(rows, rows), page.key);
    added += take;
  }
  return added;
}

export function deletePages(tx: IDBTransaction, keys: readonly IDBValidKey[]): void {
  const pages = tx.objectStore(PAGES);
  for (const key of keys) pages.delete(key);
}

/** Deletes pages with no summary: staged by a worker that stopped before its import was committed. */
export async function deleteUnfinishedPages(tx: IDBTransaction): Promise<number> {
  const [pageKeys, summaryKeys] = await Promise.all([
    promised(tx.objectStore(PAGES).getAllKeys()),
    promised(tx.objectStore(SUMMARIES).getAllKeys()),
  ]);
  const finished = new Set(summaryKeys.map(String));
  const unfinished = pageKeys.filter((key) => !finished.has(String(key)));
  deletePages(tx, unfinished);
  return unfinished.length;
}

/** The imported records with these ids (unchecked), by id. */
export async function pageRecords(tx: IDBTransaction, ids: readonly string[]): Promise<Map<string, unknown>> {
  const byId = tx.objectStore(SUMMARIES).index('ids');
  const keys = await Promise.all(ids.map((id) => promised(byId.getKey(id))));
  const wanted = new Set(ids);
  const found = new Map<string, unknown>();
  const distinct = [...new Set(keys.filter((key) => key !== undefined))];
  const pages = tx.objectStore(PAGES);
  for (const page of await Promise.all(distinct.map((key) => promised<unknown>(pages.get(key))))) {
    if (!Array.isArray(page)) continue;
    for (const record of page) if (wanted.has(idOf(record))) found.set(idOf(record), record);
  }
  return found;
}

/** Every imported index row (unchecked). */
export async function allPageRows(tx: IDBTransaction): Promise<unknown[]> {
  const summaries: unknown[] = await promised(tx.objectStore(SUMMARIES).getAll());
  return summaries.flatMap((summary) => (isSummary(summary) ? summary.rows : []));
}

export async function pageRow(tx: IDBTransaction, id: string): Promise<unknown> {
  const summary: unknown = await promised(tx.objectStore(SUMMARIES).index('ids').get(id));
  return isSummary(summary) ? summary.rows.find((row) => idOf(row) === id) : undefined;
}

export function countImported(tx: IDBTransaction): Promise<number> {
  return promised(tx.objectStore(SUMMARIES).index('ids').count());
}

/**
 * The newest `limit` records (unchecked), newest first, of the operator's own newest and the imported ones:
 * summaries are read newest first until none left can hold a row newer than the `limit`-th found so far,
 * then only the pages holding the winners are read.
 */
export async function newestWithPages(tx: IDBTransaction, limit: number, own: readonly unknown[]): Promise<unknown[]> {
  type Pick = { record: unknown; page?: IDBValidKey };
  let best: Pick[] = own.map((record) => ({ record }));
  const floor = () => (best.length < limit ? Number.NEGATIVE_INFINITY : startedAtOf(best[limit - 1]!.record));
  await walk(tx.objectStore(SUMMARIES).index('newest').openCursor(null, 'prev'), (cursor) => {
    const summary: unknown = cursor.value;
    if (!isSummary(summary)) return true;
    if (summary.newest < floor()) return false;
    const rows = summary.rows.map((record) => ({ record, page: cursor.primaryKey }));
    best = [...best, ...rows].toSorted((a, b) => newestFirst(a.record, b.record)).slice(0, limit);
    return true;
  });
  const wanted = best.filter((pick) => pick.page !== undefined).map((pick) => idOf(pick.record));
  const imported = wanted.length > 0 ? await pageRecords(tx, wanted) : new Map<string, unknown>();
  return best
    .map((pick) => (pick.page === undefined ? pick.record : imported.get(idOf(pick.record))))
    .filter((record) => record !== undefined);
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
  const summaries = tx.objectStore(SUMMARIES);
  const own: Candidate[] = [];
  // Keys only: eviction never deserialises the operator's entries it deletes.
  await walk(entries.index('startedAt').openKeyCursor(), (cursor) => {
    own.push({ at: Number(cursor.key), id: String(cursor.primaryKey) });
    return own.length < excess;
  });
  const touched = new Map<IDBValidKey, PageSummary>();
  let imported: Candidate[] = [];
  await walk(summaries.index('oldest').openCursor(), (cursor) => {
    const summary: unknown = cursor.value;
    if (!isSummary(summary)) return true;
    if (imported.length >= excess && summary.oldest > imported[excess - 1]!.at) return false;
    touched.set(cursor.primaryKey, summary);
    const mine = summary.rows.map((row) => ({ at: startedAtOf(row), id: idOf(row), page: cursor.primaryKey }));
    imported = [...imported, ...mine].toSorted((a, b) => a.at - b.at).slice(0, excess);
    return true;
  });
  const chosen = [...own, ...imported]
    .toSorted((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, excess);
  const fromPages = new Map<IDBValidKey, Set<string>>();
  for (const candidate of chosen) {
    if (candidate.page === undefined) {
      entries.delete(candidate.id);
      rows.delete(candidate.id);
    } else fromPages.set(candidate.page, (fromPages.get(candidate.page) ?? new Set<string>()).add(candidate.id));
  }
  for (const [key, gone] of fromPages) {
    const summary = touched.get(key)!;
    const page: unknown = await promised(pages.get(key));
    const listed = new Set(summary.ids.map(String));
    const kept = (Array.isArray(page) ? page : []).filter(
      (record) => listed.has(idOf(record)) && !gone.has(idOf(record)),
    );
    if (kept.length === 0) {
      pages.delete(key);
      summaries.delete(key);
      continue;
    }
    pages.put(kept, key);
    summaries.put(
      summaryOf(
        kept,
        summary.rows.filter((row) => !gone.has(idOf(row))),
      ),
      key,
    );
  }
  return chosen.length;
}
