/**
 * An imported history file is hostile input (issue 12, F1 and F2): every entry must describe a request this
 * extension could have sent, with sane times, and every string in it is escaped and bounded like server text.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ENTRIES,
  exportHistoryJson,
  parseHistoryImport,
} from '../../src/core/share/export-json.ts';
import { settledEntries } from '../bench/bench-entries.ts';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const NOW = Date.parse('2026-12-01T12:00:00Z');
const BASE = 'https://api.linqapp.com/api/partner';

function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'e1',
    startedAt: NOW - 60_000,
    durationMs: 87,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: 'api.linqapp.com',
    request: {
      url: `${BASE}/v3/chats/${CHAT}/typing`,
      headers: [
        ['Accept', '*/*'],
        ['Authorization', 'Bearer [redacted]'],
      ],
      timeoutMs: 15_000,
    },
    response: { status: 204, statusText: 'No Content', headers: [], bodyPreview: '', bodyTruncated: false },
    outcome: { kind: 'success', summary: '204 Success', status: 204, retry: 'no', retryText: 'No', hint: 'Done.' },
    ...overrides,
  };
}

const fileOf = (...entries: HistoryEntry[]) => exportHistoryJson(entries, '1.0.0', NOW);
const refusal = (text: string) => {
  const result = parseHistoryImport(text, NOW);
  return result.ok ? 'accepted' : result.reason;
};
const accepted = (text: string) => {
  const result = parseHistoryImport(text, NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.entries;
};

describe('F1: dates and durations are bounded on import', () => {
  it.each([
    [
      'startedAt 9e15 (toISOString throws)',
      { startedAt: 9e15 },
      /Entry 2 \(id "e1"\): its startedAt is not a date between 2020 and now/,
    ],
    ['the year 2100', { startedAt: Date.UTC(2100, 0, 1) }, /startedAt/],
    ['1970', { startedAt: 0 }, /startedAt/],
    ['a negative duration', { durationMs: -1 }, /durationMs/],
    ['a duration of a day', { durationMs: 86_400_000 }, /durationMs/],
  ])('refuses the file for %s, naming the entry and the reason', (_name, bad, reason) => {
    expect(refusal(fileOf(entry({ id: 'ok' }), entry(bad)))).toMatch(reason);
  });

  it('accepts a little clock skew and marks the entry imported', () => {
    const [stored] = accepted(fileOf(entry({ startedAt: NOW + 60_000 })));
    expect(stored).toMatchObject({ startedAt: NOW + 60_000, imported: true });
  });

  it('refuses 1e400 (JSON.parse makes it Infinity)', () => {
    expect(refusal(fileOf(entry()).replace('"durationMs":87', '"durationMs":1e400'))).toMatch(/durationMs/);
  });
});

describe('F2: chat ID and URL must be a request this extension sends', () => {
  const ESC_PASTE = '\u001b[201~\u0003';
  it.each([
    ['control bytes in chatId', { chatId: `${CHAT}${ESC_PASTE}` }, /chatId is not a lower-case chat UUID/],
    [
      'an upper-case chatId',
      {
        chatId: CHAT.toUpperCase(),
        request: { ...entry().request, url: `${BASE}/v3/chats/${CHAT.toUpperCase()}/typing` },
      },
      /chatId/,
    ],
    [
      'control bytes in the URL',
      { request: { ...entry().request, url: `${BASE}/v3/chats/${CHAT}/typing${ESC_PASTE}` } },
      /request URL/,
    ],
    [
      'a URL for another chat',
      { request: { ...entry().request, url: `${BASE}/v3/chats/00000000-0000-4000-8000-000000000000/typing` } },
      /request URL/,
    ],
    [
      'a foreign scheme',
      { request: { ...entry().request, url: `javascript:alert(1)//v3/chats/${CHAT}/typing` } },
      /allowed Base URL/,
    ],
    [
      'a query in the base',
      { request: { ...entry().request, url: `https://evil.example/?x=/v3/chats/${CHAT}/typing` } },
      /allowed Base URL/,
    ],
    [
      'a host that is not baseUrlHost',
      { request: { ...entry().request, url: `https://evil.example/v3/chats/${CHAT}/typing` } },
      /baseUrlHost/,
    ],
    ['a mismatched method', { method: 'POST' as const }, /method/],
    ['a control byte in the id', { id: 'a\u001bb' }, /id is not short printable text/],
    [
      '200 request headers',
      { request: { ...entry().request, headers: Array.from({ length: 200 }, () => ['X', 'y'] as [string, string]) } },
      /request headers/,
    ],
  ])('refuses %s', (_name, bad, reason) => {
    expect(refusal(fileOf(entry(bad)))).toMatch(reason);
  });

  it('escapes and bounds every string like server text; an unsafe doc link is dropped; profileId is not kept', () => {
    const [stored] = accepted(
      fileOf(
        entry({
          profileName: `Prod${'\u202e'}`,
          profileId: 'production',
          response: {
            status: 404,
            statusText: 'Not\u001b[31m Found',
            headers: [['x-trace-id', 'abc\r\nSet-Cookie: x=1']],
            bodyPreview: `line one\nline\u0007two${'x'.repeat(20_000)}`,
            bodyTruncated: false,
          },
          outcome: {
            kind: 'linq_error',
            summary: '<img src=x onerror=alert(1)>',
            retry: 'no',
            retryText: 'No',
            hint: 'h\u0000',
            docUrl: 'javascript:alert(1)',
            serverMessage: '\u001b]52;c;cm0gLXJmIH4=\u0007',
            traceId: 't'.repeat(500),
          },
        }),
      ),
    );
    expect(stored?.profileName).toBe('Prod\\u{202e}');
    expect(stored?.profileId).toBeUndefined();
    expect(stored?.response?.statusText).toBe('Not\\u{1b}[31m Found');
    expect(stored?.response?.headers).toEqual([['x-trace-id', 'abc\\u{d}\\u{a}Set-Cookie: x=1']]);
    expect(stored?.response?.bodyPreview.startsWith('line one\nline\\u{7}two')).toBe(true);
    expect(stored?.response?.bodyPreview.length).toBeLessThanOrEqual(16 * 1024 + 16);
    expect(stored?.response?.bodyTruncated).toBe(true);
    expect(stored?.outcome?.summary).toBe('<img src=x onerror=alert(1)>');
    expect(stored?.outcome?.hint).toBe('h\\u{0}');
    expect(stored?.outcome).not.toHaveProperty('docUrl');
    // oxlint-disable-next-line no-control-regex -- raw control characters are what must be absent
    expect(stored?.outcome?.serverMessage).not.toMatch(/[\u0000-\u001f]/);
    expect(stored?.outcome?.traceId?.length).toBeLessThanOrEqual(129);
  });

  it('redacts the other credentials a file carries in its headers (an unredacted Authorization is refused)', () => {
    const leaky = entry({
      request: {
        ...entry().request,
        headers: [
          ['Authorization', 'Bearer [redacted]'],
          ['X-Api-Key', 'sk_live_THEIRS'],
        ],
      },
      response: {
        ...entry().response!,
        headers: [
          ['set-cookie', 'session=abc'],
          ['x-trace-id', 'kept'],
        ],
      },
    });
    const [stored] = accepted(fileOf(leaky));
    expect(JSON.stringify(stored)).not.toContain('THEIRS');
    expect(JSON.stringify(stored)).not.toContain('session=abc');
    expect(stored?.request.headers).toEqual([
      ['Authorization', 'Bearer [redacted]'],
      ['X-Api-Key', '[redacted]'],
    ]);
    expect(stored?.response?.headers).toEqual([
      ['set-cookie', '[redacted]'],
      ['x-trace-id', 'kept'],
    ]);
  });

  it('keeps an entry of our own as it was, apart from the imported mark', () => {
    const own = entry({ outcome: { ...entry().outcome!, docUrl: 'https://docs.linqapp.com/errors/2001' } });
    expect(accepted(fileOf(own))).toEqual([{ ...own, imported: true }]);
  });
});

describe('F8: the entry count is checked before any entry is parsed', () => {
  it('refuses 100,001 entries at once, whatever they hold', () => {
    const text = JSON.stringify({
      format: 'linq-typing-inspector.history',
      version: 1,
      exportedAt: '',
      extensionVersion: '1',
      entries: Array(100_001).fill(0),
    });
    const started = performance.now();
    expect(refusal(text)).toBe('The file has 100001 entries; at most 100000 can be imported.');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('F8: an export of a full history can be imported again', () => {
  it('an export of 100,000 entries (60% 204, 30% Linq errors with bodies, 10% failures) fits the size limit', () => {
    const entries = settledEntries(BASE, MAX_IMPORT_ENTRIES, NOW - 60_000);
    const bytes = new TextEncoder().encode(exportHistoryJson(entries, '1.0.0', NOW)).length;
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(bytes).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
  }, 60_000);

  it('writes one entry a line, so a file stays readable and diffable without the indentation’s 45%', () => {
    const lines = exportHistoryJson([entry({ id: 'a' }), entry({ id: 'b' })], '1.0.0', NOW).split('\n');
    expect(lines.filter((line) => line.startsWith('{"id":'))).toHaveLength(2);
    expect(accepted(lines.join('\n')).map((stored) => stored.id)).toEqual(['a', 'b']);
  });
});
