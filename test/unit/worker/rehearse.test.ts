import { describe, expect, it } from 'vitest';
import { rehearse } from '../../../src/background/rehearse.ts';
import { startTyping } from '../../../src/background/typing-request.ts';
import { CHAT, KEY, makeDeps } from './fixtures.ts';

describe('start typing and the start-then-stop rehearsal', () => {
  it('sends POST for Start typing and names the operation', async () => {
    const { deps, keys, sent } = makeDeps();
    await keys.save('production', KEY, false);
    const reply = await startTyping(CHAT, deps);
    expect(sent[0]?.request.method).toBe('POST');
    expect(reply).toMatchObject({
      ok: true,
      entry: { operation: 'typing.start', method: 'POST', outcome: { summary: '204 · typing started' } },
    });
  });

  it('starts, waits the chosen time, then stops, linking both entries', async () => {
    const { deps, keys, sent, history } = makeDeps();
    await keys.save('production', KEY, false);
    const waits: number[] = [];
    const reply = await rehearse(CHAT, 7, { ...deps, wait: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([7000]);
    expect(sent.map((s) => s.request.method)).toEqual(['POST', 'DELETE']);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.start.rehearsalId).toBeDefined();
    expect(reply.stop?.rehearsalId).toBe(reply.start.rehearsalId);
    const stored = await history.newest(10);
    expect(stored.map((e) => [e.operation, e.rehearsalId])).toEqual([
      ['typing.stop', reply.start.rehearsalId],
      ['typing.start', reply.start.rehearsalId],
    ]);
  });

  it('refuses bad input before starting anything', async () => {
    const { deps, keys, sent } = makeDeps();
    await keys.save('production', KEY, false);
    const reply = await rehearse('nope', 5, { ...deps, wait: async () => undefined });
    expect(reply).toMatchObject({ ok: false, field: 'chatId' });
    expect(sent).toEqual([]);
  });
});
