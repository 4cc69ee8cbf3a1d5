import type { HistoryEntry } from './history.ts';
import type { IndexRow } from './history-index.ts';

/** What storing a chunk of imported entries did. */
export interface ImportCounts {
  added: number;
  /** Ids that were stored already (or twice in the file): left as they were. */
  present: number;
  /** Entries not stored because the history limit was reached: an import never evicts. */
  overLimit: number;
}

/** A chunk of an import, staged. */
export interface StagedImport {
  /** The store's name for it. */
  id: number;
  staged: number;
  /** Left out: stored already, or twice in the file. */
  present: number;
}

/** What a view reads history with. */
export type HistoryReader = Pick<HistoryStore, 'get' | 'getMany' | 'indexRows' | 'newest' | 'pending' | 'count'>;

/** Where history lives. The worker is the only writer; views only read. */
export interface HistoryStore {
  /** Stores an entry, new or not. */
  put(entry: HistoryEntry): Promise<void>;
  /**
   * Adds a new entry, resolving as soon as the write is in the database's hands with its commit requested,
   * so it completes even if this context stops now; `written` settles when it has completed.
   */
  journal(entry: HistoryEntry): Promise<{ written: Promise<void> }>;
  /** Stores a new version of an entry that is already stored (cheaper than put: nothing is read first). */
  replace(entry: HistoryEntry): Promise<void>;
  get(id: string): Promise<HistoryEntry | undefined>;
  /** Full entries for these ids, in the same order; missing ones are left out. */
  getMany(ids: readonly string[]): Promise<HistoryEntry[]>;
  /** The compact row of every entry, newest first: what a view searches and scrolls. */
  indexRows(): Promise<IndexRow[]>;
  /** Newest first. */
  newest(limit: number): Promise<HistoryEntry[]>;
  pending(): Promise<HistoryEntry[]>;
  /**
   * Every record in state "pending", readable or not (`entry` is undefined when it fails the schema), replaced
   * by what `settle` returns for it, or deleted when it returns undefined. One transaction.
   */
  settlePending(
    settle: (entry: HistoryEntry | undefined, record: unknown) => HistoryEntry | undefined,
  ): Promise<{ rewritten: number; removed: number }>;
  count(): Promise<number>;
  /** The entry count if this store already knows it (it learns it from count() and keeps it up to date). */
  knownTotal(): number | undefined;
  /**
   * Writes checked imported entries where no read finds them yet (an import is stored while the rest of its
   * file is still being checked); an id stored already, or staged already, is left out and counted.
   */
  stageImported(entries: readonly HistoryEntry[]): Promise<StagedImport>;
  /** Makes staged entries part of the history, up to `cap`; the rest are dropped and counted. One transaction. */
  commitImported(staged: readonly StagedImport[], cap: number): Promise<ImportCounts>;
  /** Drops staged entries: their file was refused, or the import cancelled. */
  discardImported(staged: readonly StagedImport[]): Promise<void>;
  /** Deletes what a worker that stopped mid-import had staged; returns how many pages. */
  dropUnfinishedImports(): Promise<number>;
  /** Stages and commits at once: never replaces a stored id, never goes beyond `cap`. */
  addImported(entries: readonly HistoryEntry[], cap: number): Promise<ImportCounts>;
  /** Deletes the oldest entries beyond `cap`; returns how many were deleted. */
  trimTo(cap: number): Promise<number>;
  clear(): Promise<void>;
}
