import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_ANNOUNCE_DELAY_MS, importHistory } from '../../../src/background/import-history.ts';
import type { HistoryEntry } from '../../../src/core/history.ts';
import { CHAT, makeDeps } from './fixtures.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const BASE = 'https://api.linqapp.com/api/partner';

function fileEntry(id: string, startedAt = NOW - 60_000, state: HistoryEntry['state'] = 'settled'): HistoryEntry {
  return {
    id,
    startedAt,
    durationMs: 80,
    state,
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: 'api.linqapp.com',
    profileId: 'production',
    request: {
      url: `${BASE}/v3/chats/${CHAT}/typing`,
      headers: [['Authorization', 'Bearer [redacted]']],
      timeoutMs: 15_000,
    },
    ...(state === 'settled'
      ? { outcome: { kind: 'success' as const, summary: '204', retry: 'no' as const, retryText: 'No', hint: '' } }
      : {}),
  };
}

/** The operator's own entries, as the worker writes them (no `imported`). */
async function ownEntries(history: ReturnType<typeof makeDeps>['history'], count: number, startedAt = NOW - 3_600_000) {
  for (let i = 0; i < count; i += 1) {
    const { profileId: _profileId, ...own } = fileEntry(`own-${i}`, startedAt + i);
    await history.put(own);
  }
}

const at = (now: number) => ({ now: () => now });

afterEach(() => vi.restoreAllMocks());

describe('importHistory', () => {
  it('marks entries imported, drops the exporting environment, turns pending into interrupted, announces once', async () => {
    const { deps, history, announced } = makeDeps(at(NOW));
    expect(await importHistory([fileEntry('a'), fileEntry('p', NOW - 1000, 'pending')], deps)).toEqual({
      ok: true,
      imported: 2,
      present: 0,
      overLimit: 0,
    });
    const stored = await history.get('a');
    expect(stored?.imported).toBe(true);
    expect(stored).not.toHaveProperty('profileId');
    expect((await history.get('p'))?.state).toBe('interrupted');
    expect(announced).toEqual([undefined]);
  });

  it("F9: never overwrites a stored id: it skips and counts it, so re-importing says '0 imported, N present'", async () => {
    const { deps, history } = makeDeps(at(NOW));
    await ownEntries(history, 1);
    const own = await history.get('own-0');
    const file = [{ ...fileEntry('own-0'), durationMs: 9999 }, fileEntry('b'), fileEntry('b')];
    expect(await importHistory(file, deps)).toEqual({ ok: true, imported: 1, present: 2, overLimit: 0 });
    expect(await history.get('own-0')).toEqual(own);
    expect(await importHistory(file, deps)).toEqual({ ok: true, imported: 0, present: 3, overLimit: 0 });
    expect(await history.count()).toBe(2);
  });

  it("F6: an import never evicts the operator's own entries, even dated 2100 (refused) or at the limit", async () => {
    const { deps, history, settings } = makeDeps(at(NOW));
    await settings.update({ historyCap: 100 });
    await ownEntries(history, 95);
    const reply = await importHistory(
      Array.from({ length: 10 }, (_, i) => fileEntry(`f${i}`, NOW - i)),
      deps,
    );
    expect(reply).toEqual({ ok: true, imported: 5, present: 0, overLimit: 5 });
    const kept = await history.newest(200);
    expect(kept.filter((entry) => !entry.imported)).toHaveLength(95);
    expect(kept).toHaveLength(100);

    const future = await importHistory([fileEntry('y2100', Date.UTC(2100, 0, 1))], deps);
    expect(future.ok).toBe(false);
    expect(future.message).toMatch(/startedAt/);
    expect((await history.newest(200)).filter((entry) => !entry.imported)).toHaveLength(95);
  });

  it('F2: the worker checks every entry again, whatever the view sent', async () => {
    const { deps, history } = makeDeps(at(NOW));
    const hostile = {
      ...fileEntry('x'),
      request: { ...fileEntry('x').request, url: `https://evil.example/v3/chats/${CHAT}/typing` },
    };
    const reply = await importHistory([fileEntry('fine'), hostile], deps);
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(/Import refused: entry 2 of this part: .*(Base URL|baseUrlHost)/);
    expect(await history.count()).toBe(0);
  });

  it('F8: writes a chunk of 500 in one transaction, not one per entry', async () => {
    const { deps, history } = makeDeps(at(NOW));
    await history.count();
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const reply = await importHistory(
      Array.from({ length: 500 }, (_, i) => fileEntry(`c${i}`, NOW - i)),
      deps,
    );
    expect(reply).toMatchObject({ ok: true, imported: 500 });
    expect(transactions.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1);
    expect(await history.count()).toBe(500);
  });
});

describe('F8: the views hear of an import once, not once per chunk', () => {
  afterEach(() => vi.useRealTimers());

  it('chunks followed by more say nothing; the last one announces what all of them stored', async () => {
    const { deps, history, announced } = makeDeps(at(NOW));
    expect(await importHistory([fileEntry('a')], deps, false)).toMatchObject({ ok: true, imported: 1 });
    expect(await importHistory([fileEntry('b')], deps, false)).toMatchObject({ ok: true, imported: 1 });
    expect(announced).toEqual([]);
    expect(await importHistory([fileEntry('c')], deps, true)).toMatchObject({ ok: true, imported: 1 });
    expect(announced).toEqual([undefined]);
    expect(await history.count()).toBe(3);
  });

  it('Cancel sends an empty last chunk, which announces; a view that never sends its last is announced for anyway', async () => {
    const { deps, announced } = makeDeps(at(NOW));
    await importHistory([fileEntry('a')], deps, false);
    await importHistory([], deps, true);
    expect(announced).toEqual([undefined]);
    // Only the worker's own timer is faked: fake-indexeddb schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await importHistory([fileEntry('b')], deps, false);
    expect(announced).toHaveLength(1);
    vi.advanceTimersByTime(IMPORT_ANNOUNCE_DELAY_MS);
    expect(announced).toHaveLength(2);
  });

  it('an import whose chunks each take longer than the delay is still announced once, after its last chunk', async () => {
    const { deps, announced } = makeDeps(at(NOW));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const id of ['a', 'b', 'c']) {
      // The chunk arrives, then takes longer than the delay to check and store.
      const storing = importHistory([fileEntry(id)], deps, false);
      vi.advanceTimersByTime(IMPORT_ANNOUNCE_DELAY_MS + 1);
      await storing;
      vi.advanceTimersByTime(IMPORT_ANNOUNCE_DELAY_MS - 1);
    }
    // Each announcement makes every view re-read its whole index, which slowed the storing of the next chunks.
    expect(announced).toEqual([]);
    await importHistory([], deps, true);
    expect(announced).toEqual([undefined]);
  });

  it('a chunk sent before the one ahead of it was stored keeps the announcement waiting until it is stored', async () => {
    const { deps, announced } = makeDeps(at(NOW));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = importHistory([fileEntry('a')], deps, false);
    const second = importHistory([fileEntry('b')], deps, false);
    await first;
    vi.advanceTimersByTime(IMPORT_ANNOUNCE_DELAY_MS + 1);
    expect(announced).toEqual([]);
    await second;
    vi.advanceTimersByTime(IMPORT_ANNOUNCE_DELAY_MS);
    expect(announced).toEqual([undefined]);
  });
});
