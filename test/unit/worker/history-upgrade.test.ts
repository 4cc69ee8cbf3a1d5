import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openHistoryDb } from '../../../src/platform/history-db.ts';
import { HISTORY_MIGRATIONS, type Migration } from '../../../src/platform/history-migrations.ts';
import { parseHistoryEntry } from '../../../src/core/history.ts';
import { storedEntry } from './fixtures.ts';

const DB_NAME = 'linq-inspector';

/** The stores and indexes of a database as found on disk, opened at whatever version it has. */
async function shapeOf(factory: IDBFactory): Promise<{ version: number; stores: Record<string, string[]> }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  const names = [...db.objectStoreNames];
  const stores = Object.fromEntries(names.map((name) => [name, [...tx.objectStore(name).indexNames]]));
  const version = db.version;
  db.close();
  return { version, stores };
}

/** A test-only next schema step: an index by chat ID, filled from the records already stored. */
const addChatIndex: Migration = (_db, tx) => {
  tx.objectStore('history').createIndex('chatId', 'chatId');
};

describe('history database upgrades', () => {
  it('numbers its version by its list of steps', async () => {
    const factory = new IDBFactory();
    await openHistoryDb(parseHistoryEntry, factory).count();
    expect((await shapeOf(factory)).version).toBe(HISTORY_MIGRATIONS.length);
  });

  it('opens a database written by the current version with the next one, keeping every entry', async () => {
    const factory = new IDBFactory();
    const current = openHistoryDb(parseHistoryEntry, factory);
    for (let i = 0; i < 20; i += 1) await current.put(storedEntry(`e${i}`, i, i === 19 ? 'pending' : 'settled'));
    const before = await shapeOf(factory);

    // The next version: the current steps, then one more. The open must not fail, and nothing may be lost.
    const next = openHistoryDb(parseHistoryEntry, factory, { migrations: [...HISTORY_MIGRATIONS, addChatIndex] });
    expect(await next.count()).toBe(20);
    const newestFirst = Array.from({ length: 20 }, (_, i) => `e${19 - i}`);
    expect((await next.newest(100)).map((entry) => entry.id)).toEqual(newestFirst);
    expect((await next.indexRows()).length).toBe(20);
    expect((await next.pending()).map((entry) => entry.id)).toEqual(['e19']);

    const after = await shapeOf(factory);
    expect(after.version).toBe(before.version + 1);
    expect(after.stores['history']?.toSorted()).toEqual([...(before.stores['history'] ?? []), 'chatId'].toSorted());
    expect(after.stores['search']).toEqual(before.stores['search']);
  });

  it('runs every step in order on a new database', async () => {
    const factory = new IDBFactory();
    const store = openHistoryDb(parseHistoryEntry, factory, { migrations: [...HISTORY_MIGRATIONS, addChatIndex] });
    await store.put(storedEntry('a', 1));
    expect(await store.count()).toBe(1);
    expect((await shapeOf(factory)).stores['history']).toContain('chatId');
  });
});
