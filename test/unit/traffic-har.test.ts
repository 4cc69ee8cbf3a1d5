import { afterEach, describe, expect, it, vi } from 'vitest';
import { BODY_PREVIEW_MAX } from '../../src/core/linq/body-limit.ts';
import { MAX_HAR_BYTES, MAX_HAR_ENTRIES, readHar } from '../../src/core/traffic/har-read.ts';
import { TrafficEntrySchema, type TrafficEntry } from '../../src/core/traffic/traffic-entry.ts';

const KEY = 'sk_live_4f3e2d1c0b9a8877';
const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const LINQ = 'https://api.linqapp.com/api/partner/v3';

interface FixtureEntry {
  method?: string;
  url: string;
  status: number;
  statusText?: string;
  mimeType?: string;
  body?: string;
  encoding?: 'base64';
  requestHeaders?: Array<[string, string]>;
  responseHeaders?: Array<[string, string]>;
}

const headerList = (pairs: Array<[string, string]>) => pairs.map(([name, value]) => ({ name, value }));

/** One entry as Chrome's "Save all as HAR" writes it, with its extensions and the fields this reader ignores. */
function chromeEntry(spec: FixtureEntry, index: number) {
  const body = spec.body ?? '';
  return {
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method: spec.method ?? 'GET',
      url: spec.url,
      httpVersion: 'http/2.0',
      headers: headerList([
        [':authority', new URL(spec.url).host],
        [':method', spec.method ?? 'GET'],
        [':path', new URL(spec.url).pathname + new URL(spec.url).search],
        ['accept', '*/*'],
        ...(spec.requestHeaders ?? []),
      ]),
      queryString: [...new URL(spec.url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [{ name: 'sid', value: 'cookie-secret' }],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: spec.status,
      statusText: spec.statusText ?? '',
      httpVersion: 'http/2.0',
      headers: headerList([
        ['content-type', spec.mimeType ?? 'application/json'],
        ['date', 'Tue, 01 Dec 2026 10:00:00 GMT'],
        ...(spec.responseHeaders ?? []),
      ]),
      cookies: [],
      content: {
        size: body.length,
        mimeType: spec.mimeType ?? 'application/json',
        text: body,
        ...(spec.encoding ? { encoding: spec.encoding } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: 512,
      _error: null,
    },
    serverIPAddress: '203.0.113.7',
    startedDateTime: new Date(Date.UTC(2026, 11, 1, 10, 0, index)).toISOString(),
    time: 87.25 + index,
    timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 80, receive: 6, _blocked_queueing: 0.5 },
  };
}

function harFile(entries: unknown[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [
        {
          startedDateTime: '2026-12-01T10:00:00.000Z',
          id: 'page_1',
          title: 'https://partner.example/',
          pageTimings: {},
        },
      ],
      entries,
    },
  });
}

const envelope = (status: number, code: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ success: false, error: { status, code, message: 'Forbidden', ...extra }, trace_id: 'trace-2005' });

const fixture: FixtureEntry[] = [
  {
    // 0: the Linq API refusing a chat, with the caller's credentials in the request.
    method: 'DELETE',
    url: `${LINQ}/chats/${CHAT}/typing`,
    status: 403,
    statusText: 'Forbidden',
    body: envelope(403, 2005, { message: `Not allowed for Bearer ${KEY}` }),
    requestHeaders: [
      ['authorization', `Bearer ${KEY}`],
      ['cookie', `session=${KEY}`],
      ['x-api-key', KEY],
    ],
    responseHeaders: [
      ['set-cookie', `sid=${KEY}; HttpOnly`],
      ['x-trace-id', 'header-trace'],
    ],
  },
  {
    // 1: a 400 with a hostile doc_url, on the Linq host.
    method: 'POST',
    url: `${LINQ}/chats?access_token=${KEY}`,
    status: 400,
    body: envelope(400, 1002, { doc_url: 'javascript:alert(document.cookie)' }),
  },
  // 2: a Linq success to an endpoint other than typing.
  { url: `${LINQ}/chats/${CHAT}`, status: 200, body: '{"id":"c1"}' },
  // 3: a non-Linq request: dropped.
  { url: 'https://cdn.example.com/app.js', status: 200, mimeType: 'application/javascript', body: 'x'.repeat(50_000) },
  // 4: a partner backend passing a Linq error through: kept.
  { url: 'https://backend.partner.example/send', status: 502, body: envelope(502, 3001) },
  // 5: an HTML gateway page from another host: dropped.
  { url: 'https://gateway.example/x', status: 502, mimeType: 'text/html', body: '<html>Bad gateway</html>' },
  // 6: an HTML gateway page from the Linq host: kept, decoded as not a Linq error.
  { url: `${LINQ}/chats`, status: 502, mimeType: 'text/html', body: '<html>Bad gateway</html>' },
  // 7: a base64 body (Chrome writes compressed or binary bodies so), with non-ASCII text.
  {
    url: 'https://backend.partner.example/other',
    status: 404,
    body: Buffer.from(envelope(404, 2001, { message: 'Chat introuvable: café ✓' })).toString('base64'),
    encoding: 'base64',
  },
  // 8: a 404 with JSON that is not an envelope, elsewhere: dropped.
  { url: 'https://api.example.com/v1/x', status: 404, body: '{"error":"not found"}' },
  // 9: an envelope with hostile strings.
  {
    url: `${LINQ}/chats/${CHAT}/typing`,
    method: 'POST',
    status: 429,
    statusText: 'Too Many\r\nX-Injected: yes',
    body: JSON.stringify({
      error: {
        code: 1007,
        message: `evil\u202e\u0000${'m'.repeat(10_000)}`,
        doc_url: 'https://docs.linqapp.com.evil.example/x',
      },
      trace_id: `t\u0007${'t'.repeat(1000)}`,
    }),
  },
  // 10: a huge body from the Linq host.
  { url: `${LINQ}/chats/huge`, status: 500, body: `{"error":{"code":5001,"message":"${'\u2066'.repeat(200_000)}"}}` },
];

function read(entries: unknown[] = fixture.map(chromeEntry), hosts?: string[]) {
  const result = readHar(harFile(entries), 'partner-session.har', hosts ? { linqHosts: hosts } : {});
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const byPath = (entries: TrafficEntry[], path: string) => entries.filter((entry) => entry.url.includes(path));

describe('readHar on a Chrome HAR', () => {
  it('keeps the Linq requests and the Linq envelopes from any host, and drops the rest', () => {
    const result = read();
    expect(result.total).toBe(fixture.length);
    expect(result.skipped).toBe(0);
    expect(result.entries.map((entry) => entry.id.split('-').at(-1))).toEqual([
      '0',
      '1',
      '2',
      '4',
      '6',
      '7',
      '9',
      '10',
    ]);
    for (const entry of result.entries) expect(TrafficEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('decodes a 403/2005 and takes its trace ID from the envelope', () => {
    const [entry] = read().entries;
    expect(entry).toMatchObject({
      source: { kind: 'har', fileName: 'partner-session.har' },
      method: 'DELETE',
      host: 'api.linqapp.com',
      path: `/api/partner/v3/chats/${CHAT}/typing`,
      status: 403,
      statusText: 'Forbidden',
      mimeType: 'application/json',
      durationMs: 87.25,
      startedAt: Date.UTC(2026, 11, 1, 10, 0, 0),
      traceId: 'trace-2005',
      outcome: { kind: 'linq_error', code: 2005, status: 403, documented: true },
    });
    expect(entry!.outcome.docUrl).toBe('https://docs.linqapp.com/error/codes/2xxx/2005/');
  });

  it('lets no credential out: headers, URL, body and the decoded message', () => {
    const result = read();
    const text = JSON.stringify(result);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('cookie-secret');
    const [first, second] = result.entries;
    expect(first!.requestHeaders).toContainEqual(['authorization', 'Bearer [redacted]']);
    expect(first!.requestHeaders).toContainEqual(['cookie', '[redacted]']);
    expect(first!.requestHeaders).toContainEqual(['x-api-key', '[redacted]']);
    expect(first!.responseHeaders).toContainEqual(['set-cookie', '[redacted]']);
    expect(first!.outcome.serverMessage).toBe('Not allowed for Bearer [redacted]');
    expect(second!.url).toBe(`${LINQ}/chats?access_token=[redacted]`);
    expect(second!.requestHeaders).toContainEqual([':path', '/api/partner/v3/chats?access_token=[redacted]']);
    for (const entry of result.entries) {
      for (const [, value] of [...entry.requestHeaders, ...entry.responseHeaders]) {
        for (const match of value.matchAll(/bearer\s+(\S*)/gi)) expect(match[1]).toMatch(/^\[redacted\]/);
      }
    }
  });

  it('redacts the sent key where the server quotes it back bare: body, message, status text, headers, URL', () => {
    const echoed = chromeEntry(
      {
        method: 'DELETE',
        url: `https://backend.example/linq/${KEY}/typing`,
        status: 401,
        statusText: `Bad key ${KEY}`,
        body: envelope(401, 2004, { message: `Unknown key ${KEY}`, echo: encodeURIComponent(KEY) }),
        requestHeaders: [['Authorization', `Bearer ${KEY}`]],
        responseHeaders: [['x-echo', KEY]],
      },
      0,
    );
    const result = read([echoed]);
    expect(result.entries).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(result.entries[0]!.outcome.serverMessage).toBe('Unknown key [redacted]');
  });

  it('decodes a 400/1002 and drops its javascript: doc_url for the catalogue page', () => {
    const entry = read().entries[1]!;
    expect(entry.outcome).toMatchObject({ kind: 'linq_error', code: 1002, status: 400 });
    expect(entry.outcome.docUrl).toBe('https://docs.linqapp.com/error/codes/1xxx/1002/');
    // The body preview shows what came, as text; no link or field derived from it carries the script.
    expect(JSON.stringify(entry.outcome)).not.toContain('javascript:');
  });

  it('describes a success to another endpoint plainly, not as typing', () => {
    const entry = byPath(read().entries, `/chats/${CHAT}`).find((e) => e.status === 200)!;
    expect(entry.outcome.kind).toBe('success');
    expect(entry.outcome.summary).toBe(`200 · GET /api/partner/v3/chats/${CHAT}`);
    expect(entry.outcome.summary).not.toContain('typing');
  });

  it('keeps a Linq envelope from another host, and an HTML error only from the Linq host', () => {
    const entries = read().entries;
    expect(byPath(entries, 'backend.partner.example/send')[0]!.outcome).toMatchObject({
      kind: 'linq_error',
      code: 3001,
    });
    expect(byPath(entries, 'gateway.example')).toEqual([]);
    const html = entries.find((entry) => entry.status === 502 && entry.host === 'api.linqapp.com')!;
    expect(html.outcome.kind).toBe('http_failure');
    expect(html.bodyPreview).toBe('<html>Bad gateway</html>');
  });

  it('decodes a base64 body as UTF-8', () => {
    const entry = byPath(read().entries, '/other')[0]!;
    expect(entry.outcome).toMatchObject({ kind: 'linq_error', code: 2001, serverMessage: 'Chat introuvable: café ✓' });
    expect(entry.bodyPreview).toContain('café ✓');
  });

  it('bounds and escapes hostile strings and drops a look-alike doc link', () => {
    const entry = byPath(read().entries, '/typing').find((e) => e.status === 429)!;
    expect(entry.statusText).toBe('Too Many\\u{d}\\u{a}X-Injected: yes');
    expect(entry.outcome.serverMessage!.startsWith('evil\\u{202e}\\u{0}')).toBe(true);
    expect(entry.outcome.serverMessage!.length).toBeLessThanOrEqual(501);
    expect(entry.outcome.traceId!.length).toBeLessThanOrEqual(129);
    expect(entry.outcome.docUrl).toBe('https://docs.linqapp.com/error/codes/1xxx/1007/');
    expect(entry.bodyPreview).not.toContain('\u202e');
    expect(entry.bodyPreview).toContain('evil\\u{202e}');
  });

  it('cuts a huge body to the bound, even once escaped, and does not read it as an envelope', () => {
    const entry = byPath(read().entries, '/huge')[0]!;
    expect(entry.bodyTruncated).toBe(true);
    expect(entry.bodyPreview.length).toBeLessThanOrEqual(BODY_PREVIEW_MAX);
    expect(entry.bodyPreview).not.toContain('\u2066');
    expect(entry.outcome).toMatchObject({ kind: 'http_failure', status: 500 });
    expect(entry.outcome.note).toBe('The body was too large and was cut; see the preview.');
  });

  it('skips and counts broken entries, and reads the rest', () => {
    const good = chromeEntry(fixture[0]!, 0);
    const broken: unknown[] = [
      null,
      'entry',
      { ...good, request: undefined },
      { ...good, request: { ...good.request, url: 'not a url' } },
      { ...good, response: { ...good.response, status: 'four hundred' } },
      { ...good, response: { ...good.response, status: 1000 } },
      { ...good, startedDateTime: 'yesterday' },
    ];
    const result = read([good, ...broken, good]);
    expect(result).toMatchObject({ total: 9, skipped: broken.length });
    expect(result.entries).toHaveLength(2);
    expect(new Set(result.entries.map((entry) => entry.id)).size).toBe(2);
  });

  it('tolerates missing and mistyped optional fields', () => {
    const minimal = {
      startedDateTime: '2026-12-01T10:00:00Z',
      request: { method: 'GET', url: `${LINQ}/chats` },
      response: { status: 0, _error: 'net::ERR_FAILED', content: 'oops', headers: 'none', statusText: 7 },
      time: 'slow',
    };
    const [entry] = read([minimal]).entries;
    expect(entry).toMatchObject({
      status: 0,
      statusText: '',
      requestHeaders: [],
      responseHeaders: [],
      bodyPreview: '',
    });
    expect(entry!.durationMs).toBeUndefined();
    expect(entry!.outcome).toMatchObject({ kind: 'network', serverMessage: 'net::ERR_FAILED' });
  });

  it('counts an operator-added host as Linq', () => {
    const entries = [
      chromeEntry({ url: 'https://linq-proxy.partner.example:8443/v3/chats', status: 200, body: '{}' }, 0),
    ];
    expect(read(entries).entries).toHaveLength(0);
    expect(read(entries, ['Linq-Proxy.Partner.Example:8443']).entries).toHaveLength(1);
    expect(read(entries, ['linq-proxy.partner.example']).entries).toHaveLength(1);
  });

  it('gives the same ids to the same file read twice', () => {
    expect(read().entries.map((entry) => entry.id)).toEqual(read().entries.map((entry) => entry.id));
  });
});

describe('readHar refuses what is not a HAR file', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['', 'empty file'],
    ['{"log":', 'not JSON'],
    ['<html></html>', 'not JSON'],
    ['[1,2]', 'not a HAR file: no log.entries'],
    ['{"log":{"version":"1.2"}}', 'not a HAR file: no log.entries'],
    ['null', 'not a HAR file: no log.entries'],
    ['{"log":{"entries":{}}}', 'not a HAR file: log.entries is not a list'],
  ])('%j: %s', (text, reason) => {
    expect(readHar(text, 'f.har')).toEqual({ ok: false, reason });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const valid = '{"log":{"entries":[]}}';
    const justOver = valid + ' '.repeat(MAX_HAR_BYTES + 1 - valid.length);
    expect(readHar(justOver, 'big.har')).toEqual({ ok: false, reason: 'too large: 50.1 MiB, the limit is 50 MiB' });
    expect(parse).not.toHaveBeenCalled();
    // One byte less is read (and parsed).
    expect(readHar(justOver.slice(0, -1), 'big.har')).toEqual({ ok: true, entries: [], skipped: 0, total: 0 });
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    const chars = Math.ceil(MAX_HAR_BYTES / 3) + 10;
    const result = readHar(`{"log":{"entries":[]},"x":"${'€'.repeat(chars)}"}`, 'wide.har');
    expect(result).toEqual({ ok: false, reason: 'too large: 50.1 MiB, the limit is 50 MiB' });
  });

  it('refuses more entries than the limit', () => {
    const text = `{"log":{"entries":[${Array.from({ length: MAX_HAR_ENTRIES + 1 }, () => '{}').join(',')}]}}`;
    expect(readHar(text, 'many.har')).toEqual({ ok: false, reason: 'too many entries: 20,001, the limit is 20,000' });
  });
});
