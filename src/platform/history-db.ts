import type { HistoryEntry } from '../core/history.ts';
import { indexRowOf } from '../core/history-index.ts';
import type { HistoryStore, StagedImport } from '../core/history-store.ts';
import type { StagedPage } from './history-import-pages.ts';
import { done, promised } from './idb-request.ts';
import { HISTORY_STORES } from './history-migrations.ts';
import {
  connectHistory,
  historyReads,
  type EntryReader,
  type HistoryDbOptions,
  type PagesModule,
} from './history-reader.ts';

export type { EntryReader, PagesModule };

/**
 * History in IndexedDB: one record per entry, so appending costs the same at 50,000 entries as at 0, and the
 * oldest can be evicted through the startedAt index without reading the rest. Beside each full entry sits a
 * compact index row (store "search"), written in the same transaction, which views load whole to search.
 */
const ENTRIES = HISTORY_STORES.entries;
const ROWS = HISTORY_STORES.rows;
const PAGES = HISTORY_STORES.pages;
const PAGE_ROWS = HISTORY_STORES.pageRows;
const ALL = [ENTRIES, ROWS, PAGES, PAGE_ROWS];

/** Resolves once `tx` runs: every earlier write has completed, and counted, by then. */
const running = (tx: IDBTransaction) => promised(tx.objectStore(ENTRIES).getKey(''));
const countAll = async (tx: IDBTransaction, pages: PagesModule) => {
  const [own, imported] = await Promise.all([promised(tx.objectStore(ENTRIES).count()), pages.countImported(tx)]);
  return own + imported;
};

/**
 * The worker's history: every read a view has (src/platform/history-reader.ts), and the writes. `readEntry`
 * checks each record read back; records it refuses (damaged, or from another version) are skipped rather
 * than crash a view.
 */
export function openHistoryDb(
  readEntry: EntryReader,
  factory: IDBFactory = indexedDB,
  options: HistoryDbOptions = {},
): HistoryStore {
  // IndexedDB's count() walks the whole key range, so the entry count is kept here once known: every put
  // learns whether it added an entry, and trimming only counts when this cache is missing.
  let knownCount: number | undefined;
  // Every stored id, once an import has needed it (so a chunk need not read each key): ids are added as they
  // are written, and the set is dropped whenever anything is deleted.
  let knownIds: Set<string> | undefined;
  // A Clear that runs between an entry's journal and its settled write deletes the journal entry, so the
  // "replace" then adds it back: each journaled id remembers how many clears had been issued before it, and
  // a replace after a later clear is written as a put, which counts what it adds.
  let clearsIssued = 0;
  const journaledAfter = new Map<string, number>();
  const connection = connectHistory(readEntry, factory, options, () => {
    knownCount = undefined;
    knownIds = undefined;
  });
  const { transaction, loadPages } = connection;
  const reads = historyReads(connection);
  /**
   * Writes an entry and its index row; resolves once the write is issued, with `written` for its completion.
   * `add`: a new entry; `replace`: one known to be stored; `put`: either, found out by reading its key (the
   * one part of a write whose cost grows with the store, so the worker's own writes skip it).
   */
  const write = async (entry: HistoryEntry, asked: 'add' | 'replace' | 'put'): Promise<{ written: Promise<void> }> => {
    const tx = await transaction([ENTRIES, ROWS], 'readwrite');
    // Decided as the transaction is created: transactions run in that order, so a clear created before this
    // one has run by the time this write does.
    const clearedSince = asked === 'replace' && (journaledAfter.get(entry.id) ?? clearsIssued) !== clearsIssued;
    const mode = clearedSince ? 'put' : asked;
    if (asked === 'add') journaledAfter.set(entry.id, clearsIssued);
    else journaledAfter.delete(entry.id);
    knownIds?.add(entry.id);
    const entries = tx.objectStore(ENTRIES);
    // The count is updated inside the transaction (in a request's callback), so a trim, whose transaction runs
    // before or after this one, sees it exact; counted at issue time, a trim already running would miss it.
    let added = false;
    const count = () => {
      added = knownCount !== undefined;
      if (added) knownCount! += 1;
    };
    if (mode === 'add') {
      entries.add(entry).onsuccess = count;
    } else {
      if (mode === 'put') {
        const existing = entries.getKey(entry.id);
        existing.onsuccess = () => existing.result === undefined && count();
      }
      entries.put(entry);
    }
    tx.objectStore(ROWS).put(indexRowOf(entry));
    // Commit now rather than when this task ends: the write then no longer depends on this context.
    tx.commit();
    const written = done(tx).catch((error: unknown) => {
      if (added && knownCount !== undefined) knownCount -= 1;
      throw error;
    });
    return { written };
  };

  // Staged chunks of imports, until committed or discarded: the worker that staged them is the one that commits.
  let nextStaged = 1;
  const staged = new Map<number, { pages: StagedPage[]; clears: number }>();

  const stageImported: HistoryStore['stageImported'] = async (chunk) => {
    const pages = await loadPages();
    const tx = await transaction([ENTRIES, PAGES, PAGE_ROWS], 'readwrite');
    const clears = clearsIssued;
    try {
      await running(tx);
      const known = knownIds ?? (await pages.storedIds(tx));
      knownIds = known;
      const { fresh, counts } = pages.pickImported(chunk, known, 0, Number.POSITIVE_INFINITY);
      const written = await pages.stagePages(tx, fresh);
      await done(tx);
      const id = nextStaged++;
      staged.set(id, { pages: written, clears });
      return { id, staged: fresh.length, present: counts.present };
    } catch (error) {
      knownIds = undefined;
      throw error;
    }
  };

  const takeStaged = (chunks: readonly StagedImport[]) =>
    chunks.flatMap((chunk) => {
      const found = staged.get(chunk.id);
      staged.delete(chunk.id);
      return found ? [found] : [];
    });

  const commitImported: HistoryStore['commitImported'] = async (chunks, cap) => {
    const pages = await loadPages();
    const tx = await transaction(ALL, 'readwrite');
    // Taken as the transaction is created: a Clear created before it has run by the time this one does.
    const clears = clearsIssued;
    const parts = takeStaged(chunks);
    const present = chunks.reduce((sum, chunk) => sum + chunk.present, 0);
    const wanted = parts.reduce((sum, part) => sum + part.pages.reduce((n, page) => n + page.rows.length, 0), 0);
    try {
      await running(tx);
      if (parts.some((part) => part.clears !== clears)) {
        pages.deletePages(
          tx,
          parts.flatMap((part) => part.pages.map((page) => page.key)),
        );
        await done(tx);
        throw new Error('history was cleared during the import, so nothing of the file was kept');
      }
      const total = knownCount ?? (await countAll(tx, pages));
      const added = await pages.commitPages(
        tx,
        parts.flatMap((part) => part.pages),
        Math.max(0, cap - total),
      );
      knownCount = total + added;
      // Ids that did not fit were counted as known when staged.
      if (added < wanted) knownIds = undefined;
      await done(tx);
      return { added, present, overLimit: wanted - added };
    } catch (error) {
      knownCount = undefined;
      knownIds = undefined;
      throw error;
    }
  };

  const discardImported: HistoryStore['discardImported'] = async (chunks) => {
    const pages = await loadPages();
    const tx = await transaction([PAGES], 'readwrite');
    knownIds = undefined;
    pages.deletePages(
      tx,
      takeStaged(chunks).flatMap((part) => part.pages.map((page) => page.key)),
    );
    await done(tx);
  };

  return {
    ...reads,
    journal: (entry) => write(entry, 'add'),
    async replace(entry) {
      await (
        await write(entry, 'replace')
      ).written;
    },
    async put(entry) {
      await (
        await write(entry, 'put')
      ).written;
    },
    async settlePending(settle) {
      const tx = await transaction([ENTRIES, ROWS], 'readwrite');
      // It may delete: an import created after it must not trust ids it may delete.
      knownIds = undefined;
      const entries = tx.objectStore(ENTRIES);
      const rows = tx.objectStore(ROWS);
      let rewritten = 0;
      let removed = 0;
      const cursor = entries.index('state').openCursor('pending');
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (!current) return;
        const record: unknown = current.value;
        const settled = settle(readEntry(record), record);
        // Only under its own key: a record is never moved onto another entry.
        if (settled !== undefined && settled.id === current.primaryKey) {
          // The damaged mark is worked out on every read, never stored.
          const { damaged: _readMark, ...stored } = settled;
          entries.put(stored);
          rows.put(indexRowOf(stored));
          rewritten += 1;
        } else {
          entries.delete(current.primaryKey);
          rows.delete(current.primaryKey);
          removed += 1;
        }
        current.continue();
      };
      try {
        await done(tx);
      } finally {
        // Deleted here, so the cached count is fixed up, or dropped if the transaction failed half way.
        if (removed > 0) {
          knownCount = undefined;
          knownIds = undefined;
        }
      }
      return { rewritten, removed };
    },
    async count() {
      knownCount = await reads.count();
      return knownCount;
    },
    knownTotal: () => knownCount,
    stageImported,
    commitImported,
    discardImported,
    async dropUnfinishedImports() {
      const pages = await loadPages();
      const tx = await transaction([PAGES, PAGE_ROWS], 'readwrite');
      const dropped = await pages.deleteUnfinishedPages(tx);
      await done(tx);
      return dropped;
    },
    async addImported(chunk, cap) {
      return commitImported([await stageImported(chunk)], cap);
    },
    async trimTo(cap) {
      if (knownCount !== undefined && knownCount <= cap) return 0;
      const pages = await loadPages();
      const tx = await transaction(ALL, 'readwrite');
      // Dropped as the transaction is created: an import created after it must not trust ids it may delete.
      knownIds = undefined;
      try {
        await running(tx);
        const total = knownCount ?? (await countAll(tx, pages));
        const excess = total - cap;
        if (excess <= 0) {
          knownCount = total;
          return 0;
        }
        knownCount = total - excess;
        const deleted = await pages.deleteOldest(tx, excess);
        await done(tx);
        return deleted;
      } catch (error) {
        knownCount = undefined;
        throw error;
      }
    },
    async clear() {
      const tx = await transaction(ALL, 'readwrite');
      clearsIssued += 1;
      knownIds = undefined;
      // Zero inside the transaction: a write created after this one runs, and counts, after it.
      tx.objectStore(ENTRIES).clear().onsuccess = () => {
        knownCount = 0;
      };
      for (const store of [ROWS, PAGES, PAGE_ROWS]) tx.objectStore(store).clear();
      try {
        await done(tx);
      } catch (error) {
        knownCount = undefined;
        throw error;
      }
    },
  };
}
