import { describe, expect, it } from 'vitest';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import type { RawOutcome } from '../../src/core/linq/outcome.ts';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const NOW = Date.parse('2026-11-24T10:00:00Z');

function response(
  status: number,
  body: unknown,
  headers: Array<[string, string]> = [],
  extra: Partial<RawOutcome & { kind: 'response' }> = {},
): RawOutcome {
  return {
    kind: 'response',
    status,
    statusText: '',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    bodyTruncated: false,
    receivedAt: NOW,
    ...extra,
  };
}

function envelope(
  status: number,
  code: unknown,
  more: Record<string, unknown> = {},
  top: Record<string, unknown> = { trace_id: TRACE },
) {
  return { success: false, error: { status, code, message: 'Some text', ...more }, ...top };
}

describe('decodeOutcome', () => {
  it('treats any 2xx as success and notes an unexpected body', () => {
    expect(decodeOutcome(response(204, ''))).toMatchObject({ kind: 'success', status: 204 });
    const with200 = decodeOutcome(response(200, { ok: true }));
    expect(with200.kind).toBe('success');
    expect(with200.note).toMatch(/body/);
  });

  it('decodes a documented code with catalogue meaning, retry advice, link and trace ID', () => {
    const decoded = decodeOutcome(response(404, envelope(404, 2001, { message: 'Resource not found' })));
    expect(decoded).toMatchObject({
      kind: 'linq_error',
      status: 404,
      code: 2001,
      documented: true,
      meaning: 'Chat not found',
      category: 'Resource Errors',
      retry: 'no',
      serverMessage: 'Resource not found',
      traceId: TRACE,
      docUrl: 'https://docs.linqapp.com/error/codes/2xxx/2001/',
    });
  });

  it('decodes an unknown code by its range, marked undocumented, linked to the index', () => {
    const decoded = decodeOutcome(response(418, envelope(418, 2999)));
    expect(decoded).toMatchObject({
      kind: 'linq_error',
      code: 2999,
      documented: false,
      category: 'Resource Errors',
      docUrl: 'https://docs.linqapp.com/error/',
    });
    expect(decoded.meaning).toMatch(/Undocumented/);
    expect(decodeOutcome(response(500, envelope(500, 3999))).retry).toBe('yes');
    expect(decodeOutcome(response(500, envelope(500, 9001))).category).toBe('Unknown range');
  });

  it('accepts a code sent as a digit string, and ignores wrongly typed fields', () => {
    const decoded = decodeOutcome(
      response(404, envelope(404, '2001', { message: 12, doc_url: 7 }, { trace_id: ['x'] }), [['X-Trace-ID', TRACE]]),
    );
    expect(decoded).toMatchObject({
      code: 2001,
      serverMessage: '12',
      traceId: TRACE,
      docUrl: 'https://docs.linqapp.com/error/codes/2xxx/2001/',
    });
  });

  it('takes the trace ID from the X-Trace-ID header when the body has none', () => {
    expect(decodeOutcome(response(404, envelope(404, 2001, {}, {}), [['x-trace-id', TRACE]])).traceId).toBe(TRACE);
  });

  it('never links a hostile doc_url', () => {
    for (const docUrl of [
      'javascript:alert(1)',
      'data:text/html,x',
      'http://docs.linqapp.com/x',
      'https://docs.linqapp.com.evil.example/',
    ]) {
      expect(decodeOutcome(response(404, envelope(404, 2001, { doc_url: docUrl }))).docUrl).toBe(
        'https://docs.linqapp.com/error/codes/2xxx/2001/',
      );
    }
  });

  it('neutralises control and bidi characters in server text', () => {
    const decoded = decodeOutcome(
      response(500, envelope(500, 3006, { message: 'ok\u202egnp.exe\u0000<b>x</b>' }, { trace_id: 'a\u202eb' })),
    );
    expect(decoded.serverMessage).toBe('ok\\u{202e}gnp.exe\\u{0}<b>x</b>');
    expect(decoded.traceId).toBe('a\\u{202e}b');
  });

  it('escapes line breaks in server text, so a message cannot forge a second line', () => {
    const decoded = decodeOutcome(response(500, envelope(500, 3006, { message: 'error\r\nX-Injected: yes' })));
    expect(decoded.serverMessage).toBe('error\\u{d}\\u{a}X-Injected: yes');
  });

  it('reads retry-after from the body, the header in seconds, or an HTTP date', () => {
    expect(decodeOutcome(response(429, envelope(429, 1007, { retry_after: 45 }))).retryAfterSeconds).toBe(45);
    expect(decodeOutcome(response(429, envelope(429, 1007), [['Retry-After', '12']])).retryAfterSeconds).toBe(12);
    const date = new Date(NOW + 30_000).toUTCString();
    expect(decodeOutcome(response(429, envelope(429, 1007), [['Retry-After', date]])).retryAfterSeconds).toBe(30);
    expect(decodeOutcome(response(429, envelope(429, 1007))).retryAfterSeconds).toBeUndefined();
    expect(decodeOutcome(response(429, envelope(429, 1007))).retry).toBe('after_retry_after');
  });

  it.each([
    [
      'an HTML 502',
      response(502, '<html><body>Bad gateway</body></html>', [['content-type', 'text/html']]),
      /not JSON/,
    ],
    ['an empty 500', response(500, ''), /empty/],
    ['truncated JSON', response(500, '{"success":false,"error":{"code":30'), /not JSON/],
    ['JSON without an envelope', response(400, { message: 'nope' }), /not a Linq error envelope/],
    [
      'a cut oversized body',
      response(500, '{"success":false,"error":{"code":3006', [], { bodyTruncated: true }),
      /too large/,
    ],
  ])('shows %s as an HTTP failure with a note', (_name, raw, note) => {
    const decoded = decodeOutcome(raw);
    expect(decoded.kind).toBe('http_failure');
    expect(decoded.note).toMatch(note);
    expect(decoded.docUrl).toBeUndefined();
  });

  it('gives network failures, timeouts and redirects their own kinds', () => {
    expect(decodeOutcome({ kind: 'network', message: 'Failed to fetch' })).toMatchObject({
      kind: 'network',
      retry: 'yes',
    });
    expect(decodeOutcome({ kind: 'timeout', timeoutMs: 15_000 })).toMatchObject({
      kind: 'timeout',
      summary: 'Timed out after 15 s',
    });
    expect(decodeOutcome({ kind: 'redirect', location: 'https://evil.example/' })).toMatchObject({
      kind: 'http_failure',
      summary: 'Redirect refused',
    });
  });

  it('says a redirect Chrome hid from an http request to a host name may be its own upgrade to https, not the server', () => {
    const upgraded = decodeOutcome({ kind: 'redirect', location: undefined, opaque: true, upgradable: true });
    expect(upgraded).toMatchObject({
      kind: 'http_failure',
      retry: 'no',
      summary: 'Redirect refused: possibly an https upgrade',
    });
    expect(upgraded.hint).toMatch(/Chrome itself may have upgraded it to https \(HSTS\)/);
    expect(upgraded.hint).toMatch(/Use https:\/\/ in the base URL/);
    expect(upgraded.hint).not.toMatch(/The server answered with a redirect/);
    // Over https, or with the server's own Location visible, it is the server's redirect.
    for (const raw of [
      { kind: 'redirect', location: undefined, opaque: true, upgradable: false },
      { kind: 'redirect', location: 'https://api.example/', opaque: false, upgradable: true },
    ] as const) {
      expect(decodeOutcome(raw)).toMatchObject({
        summary: 'Redirect refused',
        hint: expect.stringMatching(/^The server answered with a redirect/),
      });
    }
  });
});
