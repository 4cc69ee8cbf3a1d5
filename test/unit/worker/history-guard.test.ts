import { describe, expect, it } from 'vitest';
import { readStoredEntry } from '../../../src/core/history-guard.ts';
import { parseHistoryEntry } from '../../../src/core/history.ts';
import { isoTimeText } from '../../../src/core/iso-time.ts';
import { stopTyping } from '../../../src/background/typing-request.ts';
import { CHAT, KEY, makeDeps, storedEntry } from './fixtures.ts';

describe('readStoredEntry (the views\u2019 light check) agrees with the schema', () => {
  it('accepts what the worker writes', async () => {
    const { deps, keys, history } = makeDeps();
    await keys.save('production', KEY, false);
    await stopTyping(CHAT, deps);
    const [entry] = await history.newest(1);
    expect(parseHistoryEntry(entry)).toEqual(entry);
    expect(readStoredEntry(entry)).toEqual(entry);
  });

  it('accepts a Check chat entry (GET), which the views list as any other', () => {
    const check = {
      ...storedEntry('c', Date.UTC(2026, 0, 1)),
      operation: 'chat.check' as const,
      method: 'GET' as const,
    };
    expect(parseHistoryEntry(check)).toEqual(check);
    expect(readStoredEntry(check)).toEqual(check);
  });

  it.each([
    ['null', null],
    ['a string', 'entry'],
    ['no id', { startedAt: 1, chatId: 'x', state: 'settled', method: 'DELETE', request: { url: 'u', headers: [] } }],
    [
      'an unknown state',
      { id: 'a', startedAt: 1, chatId: 'x', state: 'weird', method: 'DELETE', request: { url: 'u', headers: [] } },
    ],
    [
      'another method',
      { id: 'a', startedAt: 1, chatId: 'x', state: 'settled', method: 'PATCH', request: { url: 'u', headers: [] } },
    ],
    [
      'a broken outcome',
      {
        id: 'a',
        startedAt: 1,
        chatId: 'x',
        state: 'settled',
        method: 'DELETE',
        request: { url: 'u', headers: [] },
        outcome: { kind: 1 },
      },
    ],
  ])('refuses %s, as the schema does', (_name, record) => {
    expect(readStoredEntry(record)).toBeUndefined();
    expect(parseHistoryEntry(record)).toBeUndefined();
  });
});

describe('F1: a stored record with impossible times is read as a damaged entry, never dropped', () => {
  const stored = {
    id: 'a',
    startedAt: Date.UTC(2026, 0, 1),
    durationMs: 87,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
    baseUrlHost: 'api.linqapp.com',
    request: {
      url: 'https://api.linqapp.com/api/partner/v3/chats/1b4e28ba-2fa1-4d2b-883f-0016d3cca427/typing',
      headers: [],
      timeoutMs: 15_000,
    },
  };
  const NOT_A_DATE = 'its start time is not a date';
  const NOT_A_DURATION = 'its duration is not a number of milliseconds';

  it.each([
    ['startedAt 9e15 (past the last date)', { startedAt: 9e15 }, NOT_A_DATE, 9e15, 87],
    ['startedAt -9e15', { startedAt: -9e15 }, NOT_A_DATE, -9e15, 87],
    ['startedAt NaN', { startedAt: Number.NaN }, NOT_A_DATE, Number.NaN, 87],
    ['startedAt Infinity', { startedAt: Number.POSITIVE_INFINITY }, NOT_A_DATE, Number.POSITIVE_INFINITY, 87],
    ['startedAt as text', { startedAt: '2026-01-01' }, NOT_A_DATE, Number.NaN, 87],
    ['a negative duration', { durationMs: -1 }, NOT_A_DURATION, stored.startedAt, undefined],
    ['a NaN duration', { durationMs: Number.NaN }, NOT_A_DURATION, stored.startedAt, undefined],
    ['an infinite duration', { durationMs: Number.POSITIVE_INFINITY }, NOT_A_DURATION, stored.startedAt, undefined],
    ['a duration as text', { durationMs: '87' }, NOT_A_DURATION, stored.startedAt, undefined],
  ])(
    '%s: both readers keep it, say why, and hand on only safe numbers',
    (_name, bad, reason, startedAt, durationMs) => {
      for (const read of [readStoredEntry, parseHistoryEntry]) {
        const entry = read({ ...stored, ...bad });
        expect(entry).toBeDefined();
        expect(entry?.damaged).toBe(reason);
        expect(entry?.id).toBe('a');
        expect(entry?.request).toEqual(stored.request);
        expect(entry?.startedAt).toBe(startedAt);
        expect(entry?.durationMs).toBe(durationMs);
        // What a view then does with the times never throws.
        expect(() => isoTimeText(entry!.startedAt)).not.toThrow();
      }
    },
  );

  it('an entry at the edge of the date range, or with no duration yet, is not damaged', () => {
    for (const read of [readStoredEntry, parseHistoryEntry]) {
      expect(read({ ...stored, startedAt: 8.64e15 })?.damaged).toBeUndefined();
      expect(read({ ...stored, durationMs: undefined })?.damaged).toBeUndefined();
      expect(read({ ...stored, durationMs: 0 })).toEqual({ ...stored, durationMs: 0 });
    }
  });

  it('a damaged mark stored by mistake is not believed: it is worked out again on every read', () => {
    for (const read of [readStoredEntry, parseHistoryEntry])
      expect(read({ ...stored, damaged: 'x' })?.damaged).toBeUndefined();
  });
});
