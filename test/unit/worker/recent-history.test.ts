import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import { parseHistoryEntry } from '../../../src/core/history.ts';
import { RECENT_LIMIT, readRecentHistoryCopy } from '../../../src/core/recent-history.ts';
import { openHistoryDb } from '../../../src/platform/history-db.ts';
import { RECENT_HISTORY_KEY, createRecentHistoryCopier } from '../../../src/platform/recent-history-store.ts';
import { storage, storedEntry } from './fixtures.ts';

describe('the copy of the newest entries for the popup', () => {
  it('holds the newest entries and the total after a burst of changes, copied once', async () => {
    fakeBrowser.reset();
    const history = openHistoryDb(parseHistoryEntry, new IDBFactory());
    for (let i = 0; i < 8; i += 1) await history.put(storedEntry(`e${i}`, i));
    const session = storage().session;
    const set = vi.spyOn(session, 'set');
    const copier = createRecentHistoryCopier(session, history);
    copier.changed();
    copier.changed();
    copier.changed();
    await vi.waitFor(() => expect(set).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(set).toHaveBeenCalledTimes(1);
    const copy = readRecentHistoryCopy((await session.get(RECENT_HISTORY_KEY))[RECENT_HISTORY_KEY]);
    expect(copy?.total).toBe(8);
    expect(copy?.entries.map((stored) => stored.id)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3'].slice(0, RECENT_LIMIT));
  });

  it('is ignored when missing or damaged, rather than half-shown', () => {
    expect(readRecentHistoryCopy(undefined)).toBeUndefined();
    expect(readRecentHistoryCopy({ entries: 'x', total: 1 })).toBeUndefined();
    expect(readRecentHistoryCopy({ entries: [storedEntry('a', 1)] })).toBeUndefined();
    expect(readRecentHistoryCopy({ entries: [storedEntry('a', 1), { id: 'broken' }], total: 2 })).toBeUndefined();
    expect(
      readRecentHistoryCopy({ entries: [storedEntry('a', 1)], total: 1 })?.entries.map((stored) => stored.id),
    ).toEqual(['a']);
  });
});
