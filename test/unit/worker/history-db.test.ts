import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openHistoryDb } from '../../../src/platform/history-db.ts';
import { parseHistoryEntry } from '../../../src/core/history.ts';
import { CHAT, storedEntry } from './fixtures.ts';
import type { HistoryEntry } from '../../../src/core/history.ts';

describe('IndexedDB history store', () => {
  it('lists newest first, up to a limit, and counts', async () => {
    const store = openHistoryDb(parseHistoryEntry, new IDBFactory());
    for (const [id, at] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ] as const)
      await store.put(storedEntry(id, at));
    expect((await store.newest(2)).map((e) => e.id)).toEqual(['a', 'c']);
    expect(await store.count()).toBe(3);
    expect(await store.newest(0)).toEqual([]);
  });

  it('finds pending entries by index and replaces an entry by id', async () => {
    const store = openHistoryDb(parseHistoryEntry, new IDBFactory());
    await store.put(storedEntry('a', 1, 'pending'));
    await store.put(storedEntry('b', 2));
    expect((await store.pending()).map((e) => e.id)).toEqual(['a']);
    await store.put(storedEntry('a', 1, 'settled'));
    expect(await store.pending()).toEqual([]);
    expect(await store.count()).toBe(2);
  });

  it('journals new entries and replaces them settled, keeping the count it trims by exact', async () => {
    const store = openHistoryDb(parseHistoryEntry, new IDBFactory());
    expect(await store.count()).toBe(0);
    for (let i = 0; i < 5; i += 1) {
      await (
        await store.journal(storedEntry(`j${i}`, i, 'pending'))
      ).written;
      await store.replace(storedEntry(`j${i}`, i, 'settled'));
    }
    expect(store.knownTotal()).toBe(5);
    expect(await store.pending()).toEqual([]);
    // A journal entry whose ID exists is refused rather than overwriting it.
    await expect((await store.journal(storedEntry('j0', 0, 'pending'))).written).rejects.toThrow();
    expect(store.knownTotal()).toBe(5);
    expect(await store.trimTo(3)).toBe(2);
    expect(await store.count()).toBe(3);
  });

  it('keeps its count exact when a journal write and the first trim overlap', async () => {
    const factory = new IDBFactory();
    const writer = openHistoryDb(parseHistoryEntry, factory);
    for (let i = 0; i < 3; i += 1) await writer.put(storedEntry(`e${i}`, i));
    // A new worker: it does not know the count until its first trim counts.
    const store = openHistoryDb(parseHistoryEntry, factory);
    const trimming = store.trimTo(100);
    const journaled = store.journal(storedEntry('new', 10, 'pending'));
    await trimming;
    await (
      await journaled
    ).written;
    expect(store.knownTotal()).toBe(await openHistoryDb(parseHistoryEntry, factory).count());
  });

  it('never lets its count drift when history is cleared while a request is in flight', async () => {
    const factory = new IDBFactory();
    const store = openHistoryDb(parseHistoryEntry, factory);
    await store.put(storedEntry('old', 1));
    expect(await store.count()).toBe(1);
    // Journaled, then cleared before its answer came: the settled entry comes back, and is counted.
    await (
      await store.journal(storedEntry('flight', 2, 'pending'))
    ).written;
    await store.clear();
    await store.replace(storedEntry('flight', 2, 'settled'));
    const truth = await openHistoryDb(parseHistoryEntry, factory).count();
    expect(truth).toBe(1);
    expect(store.knownTotal()).toBe(truth);
    // Cleared while its replace is being issued: the count still matches what is stored.
    await (
      await store.journal(storedEntry('racing', 3, 'pending'))
    ).written;
    await Promise.all([store.clear(), store.replace(storedEntry('racing', 3, 'settled'))]);
    expect(store.knownTotal()).toBe(await openHistoryDb(parseHistoryEntry, factory).count());
    // And trimming by that count keeps no more than the cap.
    for (let i = 0; i < 3; i += 1) {
      await (
        await store.journal(storedEntry(`n${i}`, 10 + i, 'pending'))
      ).written;
      await store.clear();
      await store.replace(storedEntry(`n${i}`, 10 + i, 'settled'));
    }
    await store.trimTo(1);
    expect(await openHistoryDb(parseHistoryEntry, factory).count()).toBeLessThanOrEqual(1);
    expect(store.knownTotal()).toBe(await openHistoryDb(parseHistoryEntry, factory).count());
  });

  it('trims the oldest beyond a cap, and clears', async () => {
    const store = openHistoryDb(parseHistoryEntry, new IDBFactory());
    for (let i = 0; i < 10; i += 1) await store.put(storedEntry(`e${i}`, i));
    expect(await store.trimTo(7)).toBe(3);
    expect((await store.newest(100)).map((e) => e.id)).toEqual(['e9', 'e8', 'e7', 'e6', 'e5', 'e4', 'e3']);
    expect(await store.trimTo(7)).toBe(0);
    await store.clear();
    expect(await store.count()).toBe(0);
  });

  it('keeps a compact index row beside each entry, newest first, and fetches entries by id', async () => {
    const store = openHistoryDb(parseHistoryEntry, new IDBFactory());
    for (const [id, at] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ] as const)
      await store.put(storedEntry(id, at));
    const rows = await store.indexRows();
    expect(rows.map((row) => [row.id, row.kind])).toEqual([
      ['a', 'pending'],
      ['c', 'pending'],
      ['b', 'pending'],
    ]);
    expect(rows[0]?.text).toContain(CHAT);
    expect(rows.find((row) => row.id === 'c')?.startedAt).toBe(2);
    expect((await store.getMany(['c', 'missing', 'a'])).map((e) => e.id)).toEqual(['c', 'a']);
    await store.trimTo(1);
    expect((await store.indexRows()).map((row) => row.id)).toEqual(['a']);
    await store.clear();
    expect(await store.indexRows()).toEqual([]);
  });

  it('skips records that do not match the schema instead of failing the view', async () => {
    const factory = new IDBFactory();
    const store = openHistoryDb(parseHistoryEntry, factory);
    await store.put(storedEntry('good', 2));
    await store.put({ ...storedEntry('bad', 1), state: 'weird' } as unknown as HistoryEntry);
    expect((await store.newest(10)).map((e) => e.id)).toEqual(['good']);
  });
});
