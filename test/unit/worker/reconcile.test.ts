import { describe, expect, it } from 'vitest';
import { reconcilePending } from '../../../src/background/reconcile.ts';
import { clearHistory } from '../../../src/background/clear-history.ts';
import type { HistoryEntry } from '../../../src/core/history.ts';
import { IDBFactory } from 'fake-indexeddb';
import { openHistoryDb } from '../../../src/platform/history-db.ts';
import { parseHistoryEntry } from '../../../src/core/history.ts';
import { CHAT, makeDeps } from './fixtures.ts';

function pendingEntry(id: string, startedAt: number): HistoryEntry {
  return {
    id,
    startedAt,
    state: 'pending',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: '127.0.0.1:4010',
    request: {
      url: `http://127.0.0.1:4010/v3/chats/${CHAT}/typing`,
      headers: [['Authorization', 'Bearer [redacted]']],
      timeoutMs: 15_000,
    },
  };
}

describe('reconcilePending', () => {
  it('turns every stale pending entry into interrupted, with a retry hint, and announces it', async () => {
    const { history, announced } = makeDeps();
    await history.put(pendingEntry('a', 1));
    await history.put(pendingEntry('b', 2));
    const count = await reconcilePending(history, (id) => announced.push(id));
    expect(count).toEqual({ interrupted: 2, removed: 0 });
    expect(await history.pending()).toEqual([]);
    const entries = await history.newest(10);
    expect(entries.map((entry) => [entry.id, entry.state, entry.outcome?.kind])).toEqual([
      ['b', 'interrupted', 'interrupted'],
      ['a', 'interrupted', 'interrupted'],
    ]);
    expect(entries[0]?.outcome?.hint).toMatch(/Retry/);
    expect(announced).toEqual([undefined]);
  });

  it('leaves no record pending, whatever its shape: repairs what it can as interrupted, removes the rest and counts them', async () => {
    const factory = new IDBFactory();
    const history = openHistoryDb(parseHistoryEntry, factory);
    // Everything that is stored, unchecked: what the schema would hide from the views.
    const raw = openHistoryDb((record) => record as HistoryEntry, factory);
    const put = (record: object) => history.put(record as HistoryEntry);
    await history.put(pendingEntry('good', 1));
    // Written by another version: an outcome of a kind this one does not know, and a stray duration.
    await put({ ...pendingEntry('other-version', 2), durationMs: 'soon', outcome: { kind: 'queued' } });
    // Nothing left to make an entry of.
    await put({ id: 'shapeless', state: 'pending', startedAt: 3 });
    await put({ id: 'no-request', state: 'pending', startedAt: 4, operation: 'typing.stop', chatId: CHAT });
    const announced: Array<string | undefined> = [];

    expect(await reconcilePending(history, (id) => announced.push(id))).toEqual({ interrupted: 2, removed: 2 });
    expect(await raw.pending()).toEqual([]);
    expect((await history.newest(10)).map((entry) => [entry.id, entry.state, entry.outcome?.kind])).toEqual([
      ['other-version', 'interrupted', 'interrupted'],
      ['good', 'interrupted', 'interrupted'],
    ]);
    expect(await history.count()).toBe(2);
    expect((await history.indexRows()).map((row) => row.id)).toEqual(['other-version', 'good']);
    expect(announced).toEqual([undefined]);
  });

  it('does nothing and announces nothing when nothing is pending', async () => {
    const { history, announced } = makeDeps();
    expect(await reconcilePending(history, (id) => announced.push(id))).toEqual({ interrupted: 0, removed: 0 });
    expect(announced).toEqual([]);
  });
});

describe('clearHistory', () => {
  it('empties the store and announces it', async () => {
    const { deps, history, announced } = makeDeps();
    await history.put(pendingEntry('a', 1));
    expect(await clearHistory(deps)).toEqual({ ok: true });
    expect(await history.count()).toBe(0);
    expect(announced).toEqual([undefined]);
  });
});
