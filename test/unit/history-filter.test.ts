import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, isEmptyFilter, matcherFor, type HistoryFilter } from '../../src/core/history-filter.ts';
import { compareNewestFirst, indexRowOf } from '../../src/core/history-index.ts';
import { filterFromHash, filterToHash } from '../../src/core/filter-hash.ts';
import type { HistoryEntry } from '../../src/core/history.ts';
import { decodeOutcome } from '../../src/core/linq/decode.ts';

const CHAT_A = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const CHAT_B = '9f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

function entry(id: string, startedAt: number, chatId: string, status: number, body: unknown): HistoryEntry {
  return {
    id,
    startedAt,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId,
    baseUrlHost: 'api.linqapp.com',
    request: { url: 'https://api.linqapp.com/api/partner/v3/chats/x/typing', headers: [], timeoutMs: 15_000 },
    outcome: decodeOutcome({
      kind: 'response',
      status,
      statusText: '',
      headers: [],
      body: body === undefined ? '' : JSON.stringify(body),
      bodyTruncated: false,
      receivedAt: startedAt,
    }),
  };
}

const envelope = (code: number, trace: string) => ({
  success: false,
  error: { status: 404, code, message: 'Chat not found' },
  trace_id: trace,
});
const entries = [
  entry('ok', 1_000, CHAT_A, 204, undefined),
  entry('e2001', 2_000, CHAT_B, 404, envelope(2001, 'trace-aaa')),
  entry('e3006', 3_000, CHAT_A, 500, envelope(3006, 'trace-bbb')),
  entry('html', 4_000, CHAT_B, 502, '<html>'),
];

const rows = entries.map(indexRowOf);

function ids(filter: Partial<HistoryFilter>): string[] {
  return rows.filter(matcherFor({ ...EMPTY_FILTER, ...filter })).map((row) => row.id);
}

describe('matcherFor', () => {
  it('matches chat ID, code, trace ID, status and message, all terms together', () => {
    expect(ids({ text: CHAT_B.toUpperCase() })).toEqual(['e2001', 'html']);
    expect(ids({ text: '2001' })).toEqual(['e2001']);
    expect(ids({ text: 'trace-bbb' })).toEqual(['e3006']);
    expect(ids({ text: '502' })).toEqual(['html']);
    expect(ids({ text: 'chat not' })).toEqual(['e2001', 'e3006']);
    expect(ids({ text: '9f0c1d2e 2001' })).toEqual(['e2001']);
    expect(ids({ text: '' })).toHaveLength(4);
  });

  it('filters by kind, code family and time range', () => {
    expect(ids({ kinds: new Set(['success', 'http_failure'] as const) })).toEqual(['ok', 'html']);
    expect(ids({ families: new Set([3] as const) })).toEqual(['e3006']);
    expect(ids({ from: 2_000, to: 3_000 })).toEqual(['e2001', 'e3006']);
  });

  it('indexes each entry compactly, with its kind and code family', () => {
    expect(rows.map((row) => [row.id, row.kind, row.family])).toEqual([
      ['ok', 'success', undefined],
      ['e2001', 'linq_error', 2],
      ['e3006', 'linq_error', 3],
      ['html', 'http_failure', undefined],
    ]);
    expect(rows[1]?.text).toContain('trace-aaa');
  });

  it('orders newest first, ties by id', () => {
    const sorted = [
      { id: 'a', startedAt: 1 },
      { id: 'b', startedAt: 2 },
      { id: 'c', startedAt: 2 },
    ].toSorted(compareNewestFirst);
    expect(sorted.map((row) => row.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('filter in the URL hash', () => {
  it('round-trips every part', () => {
    const filter: HistoryFilter = {
      text: 'chat 2001',
      kinds: new Set(['linq_error', 'timeout'] as const),
      families: new Set([2, 5] as const),
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-11-24T23:59:59Z'),
    };
    const hash = filterToHash(filter);
    expect(hash).toBe(
      '#q=chat+2001&kind=linq_error%2Ctimeout&family=2%2C5&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-24T23%3A59%3A59.000Z',
    );
    expect(filterFromHash(hash)).toEqual(filter);
  });

  it('is empty for the empty filter, and ignores junk', () => {
    expect(filterToHash(EMPTY_FILTER)).toBe('');
    const parsed = filterFromHash('#kind=bogus,success&family=9,1&from=yesterday&x=1');
    expect([...parsed.kinds]).toEqual(['success']);
    expect([...parsed.families]).toEqual([1]);
    expect(parsed.from).toBeUndefined();
    expect(isEmptyFilter(filterFromHash(''))).toBe(true);
  });
});

describe('panel route in the hash', () => {
  it('keeps the view, the code and the filter together', async () => {
    const { routeFromHash, routeToHash } = await import('../../src/core/panel-route.ts');
    const { codeLookupHash } = await import('../../src/core/code-link.ts');
    const route = routeFromHash('#view=codes&code=2001&q=abc&kind=timeout');
    expect(route.view).toBe('codes');
    expect(route.code).toBe(2001);
    expect(route.filter.text).toBe('abc');
    expect(routeToHash(route)).toBe('#view=codes&code=2001&q=abc&kind=timeout');
    expect(routeFromHash(codeLookupHash(1007))).toMatchObject({ view: 'codes', code: 1007 });
    expect(routeToHash(routeFromHash(''))).toBe('');
    expect(routeFromHash('#view=other&code=-3').view).toBe('requests');
  });
});
