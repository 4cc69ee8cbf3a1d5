import { describe, expect, it } from 'vitest';
import { reconcilePending } from '../../../src/background/reconcile.ts';
import { clearHistory } from '../../../src/background/clear-history.ts';
import type { HistoryEntry } from '../../../src/core/history.ts';
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
    request: { url: `http://127.0.0.1:4010/v3/chats/${CHAT}/typing`, headers: [['Authorization', 'Bearer [redacted]']], timeoutMs: 15_000 },
  };
}

describe('reconcilePending', () => {
  it('turns every stale pending entry into interrupted, with a retry hint, and announces it', async () => {
    const { history, announced } = makeDeps();
    await history.put(pendingEntry('a', 1));
    await history.put(pendingEntry('b', 2));
    const count = await reconcilePending(history, (id) => announced.push(id));
    expect(count).toBe(2);
    expect(await history.pending()).toEqual([]);
    const entries = await history.newest(10);
    expect(entries.map((entry) => [entry.id, entry.state, entry.outcome?.kind])).toEqual([
      ['b', 'interrupted', 'interrupted'],
      ['a', 'interrupted', 'interrupted'],
    ]);
    expect(entries[0]?.outcome?.hint).toMatch(/Retry/);
    expect(announced).toEqual([undefined]);
  });

  it('does nothing and announces nothing when nothing is pending', async () => {
    const { history, announced } = makeDeps();
    expect(await reconcilePending(history, (id) => announced.push(id))).toBe(0);
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
