import { describe, expect, it } from 'vitest';
import { importHistory } from '../../../src/background/import-history.ts';
import { stopTyping } from '../../../src/background/typing-request.ts';
import { CHAT, KEY, makeDeps } from './fixtures.ts';

describe('importHistory', () => {
  it('stores the entries, replaces same ids, turns pending into interrupted, and announces once', async () => {
    const source = makeDeps();
    await source.keys.save('production', KEY, false);
    await stopTyping(CHAT, source.deps);
    const [settled] = await source.history.newest(1);
    const pending = { ...settled!, id: 'from-file-pending', state: 'pending' as const, outcome: undefined };

    const target = makeDeps();
    expect(await importHistory([settled!, pending], target.deps)).toEqual({ ok: true, imported: 2 });
    expect(await importHistory([settled!], target.deps)).toEqual({ ok: true, imported: 1 });
    expect(await target.history.count()).toBe(2);
    expect((await target.history.get('from-file-pending'))?.state).toBe('interrupted');
    expect(target.announced).toEqual([undefined, undefined]);
  });

  it('keeps the history within its cap', async () => {
    const { deps, history, settings } = makeDeps();
    await settings.update({ historyCap: 100 });
    const template = { id: '', startedAt: 0, state: 'settled' as const, operation: 'typing.stop' as const, method: 'DELETE' as const, chatId: CHAT, baseUrlHost: 'h', request: { url: 'u', headers: [], timeoutMs: 1000 } };
    const entries = Array.from({ length: 120 }, (_, i) => ({ ...template, id: `e${i}`, startedAt: i }));
    await importHistory(entries, deps);
    expect(await history.count()).toBe(100);
    expect((await history.newest(200)).at(-1)?.id).toBe('e20');
  });
});
