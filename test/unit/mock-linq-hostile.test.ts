import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import {
  HOSTILE_FAMILIES,
  HOSTILE_SCENARIOS,
  SCENARIOS,
  chatIdForCode,
  hostileId,
  resolveScenario,
} from '../mock-linq/scenarios.ts';
import { OVERSIZED_CHUNK_BYTES, OVERSIZED_CHUNKS } from '../mock-linq/hostile.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACE = /^[0-9a-f]{32}$/;
const AUTH = { Authorization: 'Bearer test-key' };
const MIB = 1024 * 1024;

/** The new `…-a000-…` block, pinned so other suites can rely on the IDs. */
const NEW_IDS: Readonly<Record<string, number>> = {
  'oversized-500': 0x01,
  'empty-502': 0x02,
  'wrong-content-type': 0x03,
  'code-as-string': 0x11,
  'message-as-number': 0x12,
  'error-as-array': 0x13,
  'null-body': 0x14,
  'unknown-1999': 0x21,
  'unknown-3999': 0x22,
  'unknown-4999': 0x23,
  'unknown-5999': 0x24,
  'unknown-7001': 0x25,
  'unknown-0': 0x26,
  'doc-javascript': 0x31,
  'doc-data': 0x32,
  'doc-http': 0x33,
  'doc-foreign': 0x34,
  'doc-lookalike': 0x35,
  'markup-message': 0x41,
  'control-chars': 0x42,
  bidi: 0x43,
  'invisible-marks': 0x44,
  'redirect-foreign': 0x51,
  'redirect-same': 0x52,
  'unexpected-200-html': 0x53,
  reset: 0x61,
  'headers-then-hang': 0x62,
  'rate-limit-no-retry-after': 0x71,
  'rate-limit-header-seconds': 0x72,
  'rate-limit-header-date': 0x73,
  'echo-message': 0x81,
  'echo-authorization-header': 0x82,
  'echo-location': 0x83,
  'echo-trace-id': 0x84,
  'echo-html': 0x85,
  'echo-straddle': 0x86,
  'echo-status-text': 0x87,
  'retry-after-fraction': 0x91,
  'retry-after-list': 0x92,
  'retry-after-huge-header': 0x93,
  'retry-after-huge-body': 0x94,
  'retry-after-negative-body': 0x95,
};

interface Envelope {
  success: unknown;
  error: { status: unknown; code: unknown; message: unknown; doc_url?: unknown; retry_after?: unknown };
  trace_id?: unknown;
}

/** Control characters and bidi overrides/isolates, which must never reach the README or a terminal. */
function unprintable(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || c === 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

const familyOf = (name: string): string | undefined => HOSTILE_SCENARIOS.find((s) => s.name === name)?.family;

let mock: MockLinq;
const typingUrl = (chatId: string): string => `${mock.url}/api/partner/v3/chats/${chatId}/typing`;
const id = (name: string): string => hostileId(NEW_IDS[name] ?? 0);
const stop = (name: string, init: RequestInit = {}): Promise<Response> =>
  fetch(typingUrl(id(name)), { method: 'DELETE', headers: AUTH, ...init });

/** Status, Content-Type and a plain-hex X-Trace-ID; returns the trace. */
function expectHead(res: Response, status: number, contentType: string | null): string {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(contentType);
  const trace = res.headers.get('x-trace-id') ?? '';
  expect(trace).toMatch(TRACE);
  return trace;
}

/** A well-formed envelope whose trace_id equals the header; returns its `error`. */
async function envelope(res: Response, status: number, contentType = 'application/json'): Promise<Envelope['error']> {
  const trace = expectHead(res, status, contentType);
  const body = JSON.parse(await res.text()) as Envelope;
  expect(body.success).toBe(false);
  expect(body.trace_id).toBe(trace);
  expect(body.error.status).toBe(status);
  return body.error;
}

beforeAll(async () => {
  mock = await startMockLinq({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.clearRequests();
});

describe('hostile scenario list', () => {
  it('pins every new scenario to its a000 chat ID and lists it in SCENARIOS', () => {
    for (const [name, n] of Object.entries(NEW_IDS)) {
      const chatId = hostileId(n);
      expect(chatId).toBe(`00000000-0000-4000-a000-0000000000${n.toString(16).padStart(2, '0')}`);
      expect(resolveScenario(chatId).name).toBe(name);
      expect(SCENARIOS.filter((s) => s.chatId === chatId).map((s) => s.name)).toEqual([name]);
      expect(HOSTILE_SCENARIOS.some((s) => s.chatId === chatId && s.name === name)).toBe(true);
    }
    const newBlock = HOSTILE_SCENARIOS.filter((s) => s.chatId.includes('-a000-'));
    expect(newBlock).toHaveLength(Object.keys(NEW_IDS).length);
  });

  it('groups HOSTILE_SCENARIOS by family, in HOSTILE_FAMILIES order, each row also in SCENARIOS', () => {
    const order = HOSTILE_SCENARIOS.map((s) => HOSTILE_FAMILIES.indexOf(s.family));
    expect(order.every((rank) => rank >= 0)).toBe(true);
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    expect(new Set(HOSTILE_SCENARIOS.map((s) => s.family))).toEqual(new Set(HOSTILE_FAMILIES));
    expect(new Set(HOSTILE_SCENARIOS.map((s) => s.chatId)).size).toBe(HOSTILE_SCENARIOS.length);
    for (const info of HOSTILE_SCENARIOS) {
      expect(SCENARIOS).toContainEqual(info);
      expect(info.chatId).toMatch(UUID);
      expect(info.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(info.name.length).toBeLessThanOrEqual(28);
      expect([...info.description].filter(unprintable), info.name).toEqual([]);
      expect(resolveScenario(info.chatId).name).toBe(info.name);
    }
    // The older scenarios that fit a family are listed with it.
    const older = ['unknown-code', 'hang', 'slow', 'drop', 'error-1007'].map(familyOf);
    expect(older).toEqual(['unknown-codes', 'connection', 'connection', 'connection', 'rate-limits']);
    expect(HOSTILE_SCENARIOS.find((s) => s.name === 'error-1007')?.chatId).toBe(chatIdForCode(1007));
  });

  it('answers every hostile scenario with 401/2004 when the bearer key is missing', async () => {
    for (const info of HOSTILE_SCENARIOS) {
      const res = await fetch(typingUrl(info.chatId), { method: 'DELETE' });
      const error = await envelope(res, 401);
      expect(error.code, info.name).toBe(2004);
    }
  });
});

describe('hostile bodies and types', () => {
  it('oversized-500: a chunked, valid JSON envelope of at least 2.5 MiB', async () => {
    const res = await stop('oversized-500');
    expect(res.headers.get('content-length')).toBeNull();
    const text = await res.clone().text();
    expect(text.length).toBeGreaterThanOrEqual(2.5 * MIB);
    const error = await envelope(res, 500);
    expect(error.code).toBe(3006);
    expect(String(error.message)).toHaveLength(OVERSIZED_CHUNK_BYTES * OVERSIZED_CHUNKS);
  });

  it('oversized-500: a client that stops reading does not upset the server', async () => {
    const res = await stop('oversized-500');
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(first?.done).toBe(false);
    await reader?.cancel();
    expect((await stop('empty-502')).status).toBe(502);
  });

  it('empty-502 and wrong-content-type', async () => {
    const empty = await stop('empty-502');
    expectHead(empty, 502, 'text/html');
    expect(await empty.text()).toBe('');

    const plain = await stop('wrong-content-type');
    const error = await envelope(plain, 404, 'text/plain');
    expect(error).toEqual({
      status: 404,
      code: 2001,
      message: 'Chat not found',
      doc_url: 'https://docs.linqapp.com/error/codes/2xxx/2001/',
    });
  });

  it('wrong JSON types: code as string, message as number, error as array, null body', async () => {
    const stringCode = await envelope(await stop('code-as-string'), 404);
    expect(stringCode).toMatchObject({ code: '2001', message: 'Chat not found' });
    expect(await envelope(await stop('message-as-number'), 500)).toMatchObject({ code: 3006, message: 12 });

    const array = await stop('error-as-array');
    const trace = expectHead(array, 500, 'application/json');
    expect(await array.text()).toBe(`{"success":false,"error":[1,2],"trace_id":"${trace}"}`);

    const nullBody = await stop('null-body');
    expectHead(nullBody, 500, 'application/json');
    expect(await nullBody.text()).toBe('null');
  });

  it('unknown codes in every range, and outside them', async () => {
    const cases = [
      ['unknown-1999', 400, 1999, 'https://docs.linqapp.com/error/codes/1xxx/1999/'],
      ['unknown-3999', 500, 3999, 'https://docs.linqapp.com/error/codes/3xxx/3999/'],
      ['unknown-4999', 500, 4999, 'https://docs.linqapp.com/error/codes/4xxx/4999/'],
      ['unknown-5999', 400, 5999, 'https://docs.linqapp.com/error/codes/5xxx/5999/'],
      ['unknown-7001', 500, 7001, undefined],
      ['unknown-0', 500, 0, undefined],
    ] as const;
    for (const [name, status, code, docUrl] of cases) {
      const error = await envelope(await stop(name), status);
      expect(error.code, name).toBe(code);
      expect(typeof error.message).toBe('string');
      expect(error.doc_url).toBe(docUrl);
    }
  });

  it('hostile doc_url values ride on an otherwise valid 404/2001 envelope', async () => {
    const cases = [
      ['doc-javascript', 'javascript:alert(document.domain)'],
      ['doc-data', 'data:text/html,<script>alert(1)</script>'],
      ['doc-http', 'http://docs.linqapp.com/error/codes/2xxx/2001/'],
      ['doc-foreign', 'https://evil.example/error/codes/2xxx/2001/'],
      ['doc-lookalike', 'https://docs.linqapp.com.evil.example/error/codes/2xxx/2001/'],
    ] as const;
    for (const [name, docUrl] of cases) {
      const error = await envelope(await stop(name), 404);
      expect(error, name).toEqual({ status: 404, code: 2001, message: 'Chat not found', doc_url: docUrl });
    }
  });

  it('hostile text in message and trace_id; the X-Trace-ID header stays plain hex', async () => {
    const cases = [
      [
        'markup-message',
        '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>',
        '<i>trace</i>',
      ],
      ['bidi', 'Chat \u202Egnp.exe\u202C not found', 'abc\u202Edef'],
    ] as const;
    for (const [name, message, trace] of cases) {
      const res = await stop(name);
      expectHead(res, 500, 'application/json');
      const body = (await res.json()) as Envelope;
      expect(body.error, name).toMatchObject({ status: 500, code: 3006, message });
      expect(body.trace_id).toBe(trace);
    }

    const control = await stop('control-chars');
    expectHead(control, 500, 'application/json');
    const body = (await control.json()) as Envelope;
    for (const piece of ['\u0000', '\u0007', '\r\n', '\u001b[31m']) expect(String(body.error.message)).toContain(piece);
    expect(body.trace_id).toBe('abc\u0000def');
  });
});

describe('hostile redirects, connections and rate limits', () => {
  it('redirects carry a Location and are not followed with redirect: manual', async () => {
    const foreign = await stop('redirect-foreign', { redirect: 'manual' });
    expectHead(foreign, 307, null);
    expect(foreign.headers.get('location')).toBe('https://evil.example/steal');
    expect(await foreign.text()).toBe('');

    const same = await stop('redirect-same', { redirect: 'manual' });
    expectHead(same, 302, null);
    expect(same.headers.get('location')).toBe('/elsewhere');
    expect(await same.text()).toBe('');
    expect(mock.requests.map((r) => r.path)).not.toContain('/elsewhere');
  });

  it('unexpected-200-html', async () => {
    const res = await stop('unexpected-200-html');
    expectHead(res, 200, 'text/html');
    expect(await res.text()).toBe('<h1>hello</h1>');
  });

  it('reset: fetch rejects with a connection reset', async () => {
    const error = await stop('reset').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
    expect(mock.requests).toHaveLength(1);
  });

  it('rate-limit variants: no Retry-After, seconds, HTTP date ~45 s ahead; none has retry_after', async () => {
    const none = await stop('rate-limit-no-retry-after');
    expect(none.headers.get('retry-after')).toBeNull();
    const seconds = await stop('rate-limit-header-seconds');
    expect(seconds.headers.get('retry-after')).toBe('17');
    const dated = await stop('rate-limit-header-date');
    const header = dated.headers.get('retry-after') ?? '';
    expect(header).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const ahead = Date.parse(header) - Date.now();
    expect(ahead).toBeGreaterThan(43_000);
    expect(ahead).toBeLessThanOrEqual(45_000);
    for (const res of [none, seconds, dated]) {
      const error = await envelope(res, 429);
      expect(error).toEqual({
        status: 429,
        code: 1007,
        message: 'Rate limit exceeded',
        doc_url: 'https://docs.linqapp.com/error/codes/1xxx/1007/',
      });
    }
  });

  it('headers-then-hang: headers and part of the body arrive, the rest never; close() ends it quickly', async () => {
    const hanging = await startMockLinq();
    const url = `${hanging.url}/api/partner/v3/chats/${id('headers-then-hang')}/typing`;
    try {
      const timed = await fetch(url, { method: 'DELETE', headers: AUTH, signal: AbortSignal.timeout(300) });
      expectHead(timed, 200, 'application/json');
      expect(timed.headers.get('content-length')).toBe('1024');
      const timedOut = await timed.text().catch((error: unknown) => error);
      expect((timedOut as Error).name).toBe('TimeoutError');

      const open = await fetch(url, { method: 'DELETE', headers: AUTH });
      const reader = open.body?.getReader();
      const first = await reader?.read();
      expect(new TextDecoder().decode(first?.value)).toBe('{"success":false,"error":{"status":500,"co');
      const rest = reader?.read().then(
        () => 'finished',
        () => 'rejected',
      );
      const started = Date.now();
      await hanging.close();
      expect(Date.now() - started).toBeLessThan(500);
      expect(await rest).toBe('rejected');
    } finally {
      await hanging.close();
    }
  });
});
