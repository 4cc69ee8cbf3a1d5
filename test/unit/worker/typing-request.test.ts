import { describe, expect, it, vi } from 'vitest';
import { PENDING_NOTICE_MS, runTypingRequest, stopTyping } from '../../../src/background/typing-request.ts';
import type { RawOutcome } from '../../../src/core/linq/outcome.ts';
import type { HistoryStore } from '../../../src/core/history-store.ts';
import { CHAT, KEY, makeDeps } from './fixtures.ts';
import { updateProfile } from '../../../src/core/settings.ts';

const quota = async (): Promise<never> => {
  throw new Error('QuotaExceededError');
};
const diskFull = async (): Promise<never> => {
  throw new Error('disk full');
};

describe('stopTyping (journal, send, decode, settle)', () => {
  it('journals a pending entry before sending, then settles it decoded', async () => {
    const seenBeforeSend: string[] = [];
    const { deps, keys, history, announced } = makeDeps();
    await keys.save('production', KEY, false);
    deps.send = async (): Promise<RawOutcome> => {
      seenBeforeSend.push(...(await history.pending()).map((entry) => entry.state));
      return {
        kind: 'response',
        status: 404,
        statusText: 'Not Found',
        headers: [['x-trace-id', 'abc123']],
        body: JSON.stringify({ success: false, error: { status: 404, code: 2001, message: 'Chat not found' } }),
        bodyTruncated: false,
        receivedAt: 0,
      };
    };
    const { reply, stored } = await runTypingRequest('typing.stop', `  ${CHAT.toUpperCase()} `, deps);
    expect(seenBeforeSend).toEqual(['pending']);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.entry).toMatchObject({
      state: 'settled',
      chatId: CHAT,
      method: 'DELETE',
      baseUrlHost: 'api.linqapp.com',
    });
    expect(reply.entry.outcome).toMatchObject({ kind: 'linq_error', code: 2001, traceId: 'abc123' });
    expect(reply.entry.durationMs).toBeGreaterThanOrEqual(0);
    // The reply comes first; the settled entry is stored and announced after it.
    expect(announced).toEqual([]);
    await stored;
    expect(await history.get(reply.entry.id)).toEqual(reply.entry);
    expect(await history.pending()).toEqual([]);
    // A quick request is announced once, settled: views never flash "Pending" for it.
    expect(announced).toEqual([reply.entry.id]);
  });

  it('sends the key only in the Authorization header and never stores it', async () => {
    const { deps, keys, history, sent } = makeDeps();
    await keys.save('production', KEY, false);
    const reply = await stopTyping(CHAT, deps);
    expect(sent[0]?.request.headers.Authorization).toBe(`Bearer ${KEY}`);
    expect(sent[0]?.request.url).toBe(`https://api.linqapp.com/api/partner/v3/chats/${CHAT}/typing`);
    expect(sent[0]?.timeoutMs).toBe(15_000);
    expect(JSON.stringify(reply)).not.toContain(KEY);
    expect(JSON.stringify(await history.newest(10))).not.toContain(KEY);
  });

  it.each([
    ['an invalid chat ID', '../x', KEY, 'chatId'],
    ['a missing key', CHAT, '', 'apiKey'],
  ])('refuses %s without sending or recording', async (_name, chatId, key, field) => {
    const { deps, keys, history, sent } = makeDeps();
    await keys.save('production', key, false);
    const reply = await stopTyping(chatId, deps);
    expect(reply).toMatchObject({ ok: false, field });
    expect(sent).toEqual([]);
    expect(await history.count()).toBe(0);
  });

  it('refuses a base URL without host access, naming the host', async () => {
    const { deps, keys, settings, sent } = makeDeps({ hasHostAccess: async () => false });
    await keys.save('production', KEY, false);
    await settings.update((current) =>
      updateProfile(current, 'production', { baseUrl: 'https://staging.example.com/api' }),
    );
    const reply = await stopTyping(CHAT, deps);
    expect(reply).toMatchObject({ ok: false, field: 'baseUrl' });
    if (!reply.ok) expect(reply.message).toContain('staging.example.com');
    expect(sent).toEqual([]);
  });

  it('still returns the result when the history store fails', async () => {
    const { deps, keys, sent } = makeDeps();
    await keys.save('production', KEY, false);
    const broken: HistoryStore = { ...deps.history, put: quota, journal: quota, replace: quota };
    const reply = await stopTyping(CHAT, { ...deps, history: broken });
    expect(sent).toHaveLength(1);
    expect(reply).toMatchObject({ ok: true, storeError: 'History could not be saved: QuotaExceededError' });
    if (reply.ok) expect(reply.entry.outcome?.kind).toBe('success');
  });

  it('announces the store error with the entry when only the settled write fails', async () => {
    const { deps, keys } = makeDeps();
    await keys.save('production', KEY, false);
    const errors: Array<string | undefined> = [];
    const broken: HistoryStore = { ...deps.history, put: diskFull, replace: diskFull };
    const { reply, stored } = await runTypingRequest('typing.stop', CHAT, {
      ...deps,
      history: broken,
      announce: (_id, storeError) => errors.push(storeError),
    });
    expect(reply).toMatchObject({ ok: true, storeError: undefined });
    await stored;
    expect(errors).toEqual(['History could not be saved: disk full']);
  });

  it('tells views of a pending entry only when the request is still in flight after a while', async () => {
    const { deps, keys, history, announced } = makeDeps();
    await keys.save('production', KEY, false);
    const pendingSeen: Array<string | undefined> = [];
    deps.send = async (request, timeoutMs) => {
      await new Promise((resolve) => setTimeout(resolve, PENDING_NOTICE_MS + 100));
      pendingSeen.push(...announced);
      return { kind: 'timeout', timeoutMs };
    };
    const { reply, stored } = await runTypingRequest('typing.stop', CHAT, deps);
    if (!reply.ok) throw new Error(reply.message);
    expect(pendingSeen).toEqual([reply.entry.id]);
    await stored;
    expect(announced).toEqual([reply.entry.id, reply.entry.id]);
    expect((await history.get(reply.entry.id))?.outcome?.kind).toBe('timeout');
  });

  it('reads settings and key afresh unless the view says nothing changed', async () => {
    const { deps, keys } = makeDeps();
    await keys.save('production', KEY, false);
    const reuses: boolean[] = [];
    const load = deps.loadRequestConfig;
    deps.loadRequestConfig = (reuse) => {
      reuses.push(reuse);
      return load(reuse);
    };
    await stopTyping(CHAT, deps);
    await stopTyping(CHAT, deps, true);
    expect(reuses).toEqual([false, true]);
  });

  it('evicts the oldest entries beyond the cap', async () => {
    const { deps, keys, settings, history } = makeDeps();
    await keys.save('production', KEY, false);
    await settings.update({ historyCap: 100 });
    for (let i = 0; i < 103; i += 1) await stopTyping(CHAT, deps);
    // Eviction runs after each reply, so it may still be finishing.
    await vi.waitFor(async () => expect(await history.count()).toBe(100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await history.count()).toBe(100);
    const newest = await history.newest(1000);
    expect(newest[0]?.id).toBe('entry-0103');
    expect(newest.at(-1)?.id).toBe('entry-0004');
  });

  it('shows the result but stores nothing when history recording is off', async () => {
    const { deps, keys, settings, history, sent, announced } = makeDeps();
    await keys.save('production', KEY, false);
    await settings.update({ recordHistory: false });
    const reply = await stopTyping(CHAT, deps);
    expect(reply).toMatchObject({ ok: true, entry: { state: 'settled', outcome: { kind: 'success' } } });
    expect(sent).toHaveLength(1);
    expect(await history.count()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('waits for reconciliation before journaling', async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const { deps, keys, sent } = makeDeps({ ready });
    await keys.save('production', KEY, false);
    const reply = stopTyping(CHAT, deps);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    release();
    expect((await reply).ok).toBe(true);
  });
});
