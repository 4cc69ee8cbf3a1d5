import { describe, expect, it } from 'vitest';
import { readStoredEntry } from '../../../src/core/history-guard.ts';
import { parseHistoryEntry } from '../../../src/core/history.ts';
import { stopTyping } from '../../../src/background/typing-request.ts';
import { CHAT, KEY, makeDeps } from './fixtures.ts';

describe('readStoredEntry (the views\u2019 light check) agrees with the schema', () => {
  it('accepts what the worker writes', async () => {
    const { deps, keys, history } = makeDeps();
    await keys.save('production', KEY, false);
    await stopTyping(CHAT, deps);
    const [entry] = await history.newest(1);
    expect(parseHistoryEntry(entry)).toEqual(entry);
    expect(readStoredEntry(entry)).toEqual(entry);
  });

  it.each([
    ['null', null],
    ['a string', 'entry'],
    ['no id', { startedAt: 1, chatId: 'x', state: 'settled', method: 'DELETE', request: { url: 'u', headers: [] } }],
    ['an unknown state', { id: 'a', startedAt: 1, chatId: 'x', state: 'weird', method: 'DELETE', request: { url: 'u', headers: [] } }],
    ['another method', { id: 'a', startedAt: 1, chatId: 'x', state: 'settled', method: 'GET', request: { url: 'u', headers: [] } }],
    ['a broken outcome', { id: 'a', startedAt: 1, chatId: 'x', state: 'settled', method: 'DELETE', request: { url: 'u', headers: [] }, outcome: { kind: 1 } }],
  ])('refuses %s, as the schema does', (_name, record) => {
    expect(readStoredEntry(record)).toBeUndefined();
    expect(parseHistoryEntry(record)).toBeUndefined();
  });
});
