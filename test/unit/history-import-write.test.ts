/**
 * Storing an imported chunk (issue 12, F8 budget): the requests it makes per entry. 100,000 entries took 78 s
 * to store; each entry read its key before its add, and each chunk counted the whole store.
 */
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHistoryEntry, type HistoryEntry } from '../../src/core/history.ts';
import { openHistoryDb } from '../../src/platform/history-db.ts';
import { storedEntry } from './worker/fixtures.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const entries = (prefix: string, count: number): HistoryEntry[] =>
  Array.from({ length: count }, (_, i) => storedEntry(`${prefix}${i}`, NOW - i));

afterEach(() => vi.restoreAllMocks());

describe('addImported', () => {
  it('adds without reading each key first, and counts the store at most once', async () => {
    const history = openHistoryDb(parseHistoryEntry, new IDBFactory());
    await history.put(storedEntry('own', NOW));
    const getKey = vi.spyOn(IDBObjectStore.prototype, 'getKey');
    const count = vi.spyOn(IDBObjectStore.prototype, 'count');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const first = await history.addImported([...entries('a', 300), storedEntry('own', NOW)], 1_000);
    const second = await history.addImported([...entries('a', 10), ...entries('b', 300)], 1_000);
    expect(first).toEqual({ added: 300, present: 1, overLimit: 0 });
    expect(second).toEqual({ added: 300, present: 10, overLimit: 0 });
    expect(getKey.mock.calls.length).toBeLessThanOrEqual(2);
    expect(count.mock.calls.length).toBeLessThanOrEqual(1);
    // The index row is written only for an entry actually added.
    expect(put).toHaveBeenCalledTimes(600);
    expect(history.knownTotal()).toBe(601);
    expect(await history.count()).toBe(601);
    expect((await history.indexRows()).length).toBe(601);
  });

  it('near the limit still fills it exactly, an id stored already counted as present, not over the limit', async () => {
    const history = openHistoryDb(parseHistoryEntry, new IDBFactory());
    await history.addImported(entries('a', 95), 100);
    const reply = await history.addImported([...entries('a', 3), ...entries('b', 10)], 100);
    expect(reply).toEqual({ added: 5, present: 3, overLimit: 5 });
    expect(await history.count()).toBe(100);
    expect(history.knownTotal()).toBe(100);
  });
});
