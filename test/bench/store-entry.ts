/**
 * Bundled into an IIFE (store-bundle.ts) and injected into an extension page: the REAL history store
 * (src/platform/history-db.ts) plus realistic entries (bench-entries.ts) whose outcomes come from the real decoder.
 * Exposes globalThis.linqBenchHistory. Never imported by Node.
 */
import { openHistoryDb } from '../../src/platform/history-db.ts';
import { HistoryEntrySchema, parseHistoryEntry, type HistoryEntry } from '../../src/core/history.ts';
import { indexRowOf } from '../../src/core/history-index.ts';
import { pendingEntry, settledEntry } from './bench-entries.ts';

// Opened as the worker opens it (src/background/index.ts), reading records back with the full schema.
let store = openHistoryDb(parseHistoryEntry);
/**
 * The same store code over a second, empty database of this origin (through openHistoryDb's factory
 * parameter, which renames the database): appends "at 0" can then alternate with appends at 50,000 in the
 * same page, so both sides of the ratio run under the same load.
 */
const twinName = (name: string) => `bench-empty-twin-${name}`;
const twinFactory: IDBFactory = {
  open: (name: string, version?: number) =>
    version === undefined ? indexedDB.open(twinName(name)) : indexedDB.open(twinName(name), version),
  deleteDatabase: (name: string) => indexedDB.deleteDatabase(twinName(name)),
  cmp: (first: unknown, second: unknown) => indexedDB.cmp(first, second),
  databases: () => indexedDB.databases(),
};
const emptyTwin = openHistoryDb(parseHistoryEntry, twinFactory);
/** Replaced by setBaseUrl with the mock's address, so seeded entries look like the real ones. */
let baseUrl = 'http://127.0.0.1/api/partner';
/** Seeded entries go back in time from here, one a minute, below whatever was there before. */
let nextSeedAt = Date.now() - 60_000;
/** Sample values of seeded entries, for search queries that are known to match. */
const samples: { chatIds: string[]; traceIds: string[] } = { chatIds: [], traceIds: [] };

function checked(entry: HistoryEntry): HistoryEntry {
  const parsed = HistoryEntrySchema.safeParse(entry);
  if (!parsed.success) throw new Error(`bench entry fails HistoryEntrySchema: ${JSON.stringify(parsed.error.issues)}`);
  return entry;
}

/** One object-store write that the real `put` makes for an entry: the entry itself, or its index row. */
interface Write {
  store: string;
  derive(entry: HistoryEntry): unknown;
}

/**
 * What the real `store.put` writes, learnt by watching one real put: which object stores get which record.
 * Seeding then writes exactly those records, many entries per transaction, on the store's own connection
 * (one transaction per put costs milliseconds each, so 50,000 real puts take minutes). If a write is not
 * recognised (the entry itself, or indexRowOf(entry)), seeding falls back to the real put.
 */
async function learnWrites(sample: HistoryEntry): Promise<{ db: IDBDatabase; writes: Write[] } | undefined> {
  const seen: Array<{ store: IDBObjectStore; value: unknown }> = [];
  const realPut = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    seen.push({ store: this, value });
    return realPut.call(this, value, key);
  };
  try {
    await store.put(sample);
  } finally {
    IDBObjectStore.prototype.put = realPut;
  }
  const row = JSON.stringify(indexRowOf(sample));
  const writes: Write[] = [];
  for (const { store: target, value } of seen) {
    if (value === sample) writes.push({ store: target.name, derive: (entry) => entry });
    else if (JSON.stringify(value) === row) writes.push({ store: target.name, derive: indexRowOf });
    else return undefined;
  }
  const db = seen[0]?.store.transaction.db;
  return db && writes.length > 0 ? { db, writes } : undefined;
}

function nextSeeded(index: number): HistoryEntry {
  const entry = settledEntry(pendingEntry(baseUrl, nextSeedAt), index);
  nextSeedAt -= 60_000;
  if (index < 10) checked(entry);
  if (samples.chatIds.length < 20) samples.chatIds.push(entry.chatId);
  if (entry.outcome?.traceId && samples.traceIds.length < 20) samples.traceIds.push(entry.outcome.traceId);
  return entry;
}

/** Adds `count` settled entries, older than any seeded before. Returns the time taken and how it wrote. */
async function seed(count: number, batch = 1000): Promise<{ ms: number; mode: 'batched' | 'real-put' }> {
  const started = performance.now();
  if (count <= 0) return { ms: 0, mode: 'batched' };
  const layout = await learnWrites(nextSeeded(0));
  for (let done = 1; done < count;) {
    const size = Math.min(batch, count - done);
    const entries = Array.from({ length: size }, (_, k) => nextSeeded(done + k));
    if (layout) {
      const tx = layout.db.transaction([...new Set(layout.writes.map((write) => write.store))], 'readwrite', {
        durability: 'relaxed',
      });
      for (const entry of entries)
        for (const write of layout.writes) tx.objectStore(write.store).put(write.derive(entry));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('seeding transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('seeding transaction aborted'));
      });
    } else {
      await Promise.all(entries.map((entry) => store.put(entry)));
    }
    done += size;
  }
  // The store caches its entry count; records written beside it make a fresh instance the honest one.
  store = openHistoryDb(parseHistoryEntry);
  return { ms: performance.now() - started, mode: layout ? 'batched' : 'real-put' };
}

/** Checks through the real store that every entry has its index row and reads back (schema-valid). */
async function verify(): Promise<{ count: number; rows: number; readable: number; sampled: number }> {
  const rows = await store.indexRows();
  const ids = rows.filter((_, index) => index % Math.max(1, Math.floor(rows.length / 200)) === 0).map((row) => row.id);
  const readable = await store.getMany(ids);
  return { count: await store.count(), rows: rows.length, readable: readable.length, sampled: ids.length };
}

/** What the worker does to the store per request: journal the pending entry, store it settled, trim to the cap. */
async function append(cap: number, into: 'history' | 'empty-twin' = 'history'): Promise<number> {
  const target = into === 'history' ? store : emptyTwin;
  const pending = checked(pendingEntry(baseUrl, Date.now()));
  const settled = checked(settledEntry(pending, 0));
  const started = performance.now();
  await (
    await target.journal(pending)
  ).written;
  await target.replace(settled);
  await target.trimTo(cap);
  return performance.now() - started;
}

/**
 * Resolves once IndexedDB has finished what closed tabs left running (e.g. a panel's 50,000-row getAll):
 * a readwrite transaction over every store of the extension's database waits for all earlier ones.
 */
async function idle(): Promise<void> {
  const request = indexedDB.open('linq-inspector');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('could not open the history database'));
  });
  try {
    const names = [...db.objectStoreNames];
    if (names.length === 0) return;
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) tx.objectStore(name).get('bench-idle-probe');
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('idle probe failed'));
    });
  } finally {
    db.close();
  }
}

const setBaseUrl = (url: string) => {
  baseUrl = url;
};

const api = { setBaseUrl, seed, verify, idle, append, count: () => store.count(), samples };
export type BenchHistory = typeof api;
(globalThis as unknown as { linqBenchHistory: BenchHistory }).linqBenchHistory = api;
