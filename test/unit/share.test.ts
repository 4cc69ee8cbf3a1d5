import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import { supportReport } from '../../src/core/share/support-report.ts';
import { exportHistoryJson, parseHistoryImport } from '../../src/core/share/export-json.ts';
import { historyToHar } from '../../src/core/share/har.ts';
import { shellQuote } from '../../src/core/share/shell-quote.ts';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const KEY = 'sk_live_SECRET_abc';
const TRACE = '0af7651916cd43dd8448eb211c80319c';

function entry(base = 'https://api.linqapp.com/api/partner'): HistoryEntry {
  const body = JSON.stringify({
    success: false,
    error: { status: 404, code: 2001, message: 'Chat not found' },
    trace_id: TRACE,
  });
  return {
    id: 'e1',
    startedAt: Date.parse('2026-11-24T10:11:12.345Z'),
    durationMs: 87.4,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: new URL(base).host,
    request: {
      url: `${base}/v3/chats/${CHAT}/typing`,
      headers: [
        ['Accept', '*/*'],
        ['Authorization', 'Bearer [redacted]'],
      ],
      timeoutMs: 15_000,
    },
    response: {
      status: 404,
      statusText: 'Not Found',
      headers: [
        ['content-type', 'application/json'],
        ['x-trace-id', TRACE],
      ],
      bodyPreview: body,
      bodyTruncated: false,
    },
    outcome: decodeOutcome({
      kind: 'response',
      status: 404,
      statusText: 'Not Found',
      headers: [],
      body,
      bodyTruncated: false,
      receivedAt: 0,
    }),
  };
}

const withBody = (bodyPreview: string, bodyTruncated = false): HistoryEntry => ({
  ...entry(),
  response: { ...entry().response!, bodyPreview, bodyTruncated },
});
const bodyLine = (report: string) => report.split('\n').find((line) => line.startsWith('Response body: '));

describe('snippets', () => {
  it('quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  // The cURL, SDK and CLI texts: test/unit/snippets.test.ts, and run for real in snippets-run.test.ts.

  it('writes a support report with what Linq support asks for, and no key', () => {
    expect(supportReport(entry(), '1.0.0')).toBe(
      [
        'Linq API issue report',
        'Time (UTC): 2026-11-24T10:11:12.345Z',
        `Endpoint: DELETE /api/partner/v3/chats/${CHAT}/typing (host api.linqapp.com)`,
        'HTTP status: 404',
        'Error code: 2001 (Chat not found)',
        'Message: Chat not found',
        `Trace ID: ${TRACE}`,
        'Duration: 87 ms',
        `Response body: ${entry().response?.bodyPreview}`,
        'Reported with: Linq Typing Inspector 1.0.0',
      ].join('\n'),
    );
  });

  it('puts the response body in the report, at most 2 KiB of it, marked when cut', () => {
    expect(bodyLine(supportReport(withBody('x'.repeat(2048)), '1'))).toBe(`Response body: ${'x'.repeat(2048)}`);
    expect(bodyLine(supportReport(withBody('y'.repeat(5000)), '1'))).toBe(`Response body: ${'y'.repeat(2048)}…(cut)`);
    // Already cut when it was received: the report says so even though the preview fits.
    expect(bodyLine(supportReport(withBody('{"a":1', true), '1'))).toBe('Response body: {"a":1…(cut)');
    expect(bodyLine(supportReport(withBody(''), '1'))).toBe('Response body: empty');
    expect(bodyLine(supportReport({ ...entry(), response: undefined }, '1'))).toBe('Response body: none (no response)');
  });

  it('passes the body through the server-text sanitiser: no forged report line, no control or bidi character', () => {
    const report = supportReport(withBody('oops\nTrace ID: forged\u001b[2J\u202eabc\u061c'), '1');
    expect(bodyLine(report)).toBe('Response body: oops\\u{a}Trace ID: forged\\u{1b}[2J\\u{202e}abc\\u{61c}');
    expect(report.split('\n').filter((line) => line.startsWith('Trace ID'))).toEqual([`Trace ID: ${TRACE}`]);
  });

  it('never cuts a character in half', () => {
    const line = bodyLine(supportReport(withBody(`${'a'.repeat(2047)}😀tail`), '1'));
    expect(line).toBe(`Response body: ${'a'.repeat(2047)}…(cut)`);
  });
});

describe('export and import', () => {
  it('round-trips the JSON export', () => {
    const text = exportHistoryJson([entry()], '1.0.0', 0);
    expect(parseHistoryImport(text)).toEqual({ ok: true, entries: [{ ...entry(), imported: true }] });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', '{"format":"har"}', /not a Linq Typing Inspector history export/],
    [
      'a broken entry',
      JSON.stringify({
        format: 'linq-typing-inspector.history',
        version: 1,
        exportedAt: 'x',
        extensionVersion: '1',
        entries: [{ id: 1 }],
      }),
      /entries\.0/,
    ],
    [
      'an unredacted key',
      exportHistoryJson(
        [{ ...entry(), request: { ...entry().request, headers: [['Authorization', `Bearer ${KEY}`]] } }],
        '1',
        0,
      ),
      /unredacted Authorization/,
    ],
  ])('refuses %s with a reason', (_name, text, reason) => {
    const result = parseHistoryImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('writes HAR 1.2 with Authorization redacted and the response', () => {
    const har = JSON.parse(historyToHar([entry()], '1.0.0')) as {
      log: {
        version: string;
        entries: Array<{
          request: { headers: Array<{ name: string; value: string }> };
          response: { status: number; content: { mimeType: string; text: string } };
        }>;
      };
    };
    expect(har.log.version).toBe('1.2');
    const [first] = har.log.entries;
    expect(first?.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer [redacted]' });
    expect(first?.response.status).toBe(404);
    expect(first?.response.content.mimeType).toBe('application/json');
    expect(JSON.stringify(har)).not.toContain(KEY);
  });
});
