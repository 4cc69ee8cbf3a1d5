import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import {
  DOCUMENTED_CODES,
  HOSTILE_FAMILIES,
  HOSTILE_SCENARIOS,
  SCENARIOS,
  chatIdForCode,
  resolveScenario,
} from '../mock-linq/scenarios.ts';
import { HOSTILE_TABLE_INTRO, scenarioMarkdownTable } from '../mock-linq/readme-table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRACE = /^[0-9a-f]{32}$/;
const AUTH = { Authorization: 'Bearer test-key' };
const special = (n: number): string => `00000000-0000-4000-9000-0000000000${String(n).padStart(2, '0')}`;

interface Envelope {
  success: boolean;
  error: { status: number; code: number; message: string; doc_url?: string; retry_after?: number };
  trace_id?: string;
}

let mock: MockLinq;
const typingUrl = (chatId: string, base = '/api/partner'): string => `${mock.url}${base}/v3/chats/${chatId}/typing`;
const stop = (chatId: string, init: RequestInit = {}): Promise<Response> =>
  fetch(typingUrl(chatId), { method: 'DELETE', headers: AUTH, ...init });

beforeAll(async () => {
  mock = await startMockLinq({ port: 0, slowMs: 150 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.clearRequests();
});

describe('mock Linq server', () => {
  it('listens on 127.0.0.1 with a random port', () => {
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
  });

  it('answers 204 with an empty body and a trace header for an unlisted UUID', async () => {
    const res = await stop(crypto.randomUUID());
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('x-trace-id')).toMatch(TRACE);
  });

  it('answers 2001 with the documented envelope; trace_id equals X-Trace-ID', async () => {
    const res = await stop(chatIdForCode(2001));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as Envelope;
    expect(body).toEqual({
      success: false,
      error: {
        status: 404,
        code: 2001,
        message: 'Chat not found',
        doc_url: 'https://docs.linqapp.com/error/codes/2xxx/2001/',
      },
      trace_id: res.headers.get('x-trace-id'),
    });
    expect(body.trace_id).toMatch(TRACE);
  });

  it('answers every one of the 48 documented codes with its status, message and doc_url', async () => {
    expect(DOCUMENTED_CODES.size).toBe(48);
    const traces = new Set<string>();
    for (const entry of DOCUMENTED_CODES.values()) {
      const res = await stop(chatIdForCode(entry.code));
      expect(res.status, `code ${entry.code}`).toBe(entry.http);
      const body = (await res.json()) as Envelope;
      expect(body.success).toBe(false);
      expect(body.error).toMatchObject({
        status: entry.http,
        code: entry.code,
        message: entry.message,
        doc_url: entry.doc_url,
      });
      expect(body.trace_id).toBe(res.headers.get('x-trace-id'));
      traces.add(body.trace_id ?? '');
    }
    expect(traces.size).toBe(48); // fresh per response
  });

  it('returns 401/2004 without a usable bearer key, whatever the scenario', async () => {
    const variants: Array<Record<string, string>> = [{}, { Authorization: 'Bearer ' }, { Authorization: 'Basic abc' }];
    for (const headers of variants) {
      for (const chatId of [crypto.randomUUID(), special(2), special(3)]) {
        const res = await fetch(typingUrl(chatId), { method: 'DELETE', headers });
        expect(res.status).toBe(401);
        const body = (await res.json()) as Envelope;
        expect(body.error).toMatchObject({ status: 401, code: 2004, message: 'Unauthorized' });
        expect(body.trace_id).toBe(res.headers.get('x-trace-id'));
      }
    }
  });

  it('answers 1007 with 429, retry_after 30 and Retry-After: 30', async () => {
    const res = await stop(chatIdForCode(1007));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    const body = (await res.json()) as Envelope;
    expect(body.error.code).toBe(1007);
    expect(body.error.retry_after).toBe(30);
  });

  it('html-502: an HTML page with a trace header and no envelope', async () => {
    const res = await stop(special(1));
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-trace-id')).toMatch(TRACE);
    expect(await res.text()).toContain('<html>');
  });

  it('drop: fetch rejects because the connection closes without a response', async () => {
    await expect(stop(special(2))).rejects.toThrow(TypeError);
  });

  it('slow: 204 after the configured delay', async () => {
    const started = Date.now();
    const res = await stop(special(4));
    expect(res.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('the other special scenarios answer as documented', async () => {
    const empty = await stop(special(5));
    expect([empty.status, await empty.text()]).toEqual([500, '']);

    const truncated = await stop(special(6));
    expect(truncated.status).toBe(500);
    expect(truncated.headers.get('content-type')).toBe('application/json');
    expect(await truncated.text()).toBe('{"success":false,"error":{"status":500,"code":30');

    const teapot = await stop(special(7));
    expect(teapot.status).toBe(418);
    expect(((await teapot.json()) as Envelope).error).toMatchObject({ code: 2999, message: 'Teapot state' });

    const noTrace = await stop(special(8));
    expect(noTrace.status).toBe(404);
    expect(noTrace.headers.get('x-trace-id')).toMatch(TRACE);
    expect(await noTrace.json()).toEqual({
      success: false,
      error: { status: 404, code: 2001, message: 'Chat not found' },
    });

    const ok200 = await stop(special(9));
    expect(ok200.status).toBe(200);
    expect(await ok200.json()).toEqual({ ok: true });

    const auth = await stop(special(10));
    expect(auth.status).toBe(401);
    expect(((await auth.json()) as Envelope).error.code).toBe(2004);
  });

  it('works under any base path prefix, including none', async () => {
    for (const base of ['/custom/base', '', '/api/partner/']) {
      const res = await fetch(typingUrl(chatIdForCode(2005), base), { method: 'DELETE', headers: AUTH });
      expect(res.status).toBe(403);
    }
  });

  it('percent-decodes and lowercases the chat ID before the lookup', async () => {
    const encoded = '00000000-0000-4000-8000-00000000%32%30%30%31'; // …2001
    const res = await stop(encoded);
    expect(res.status).toBe(404);
    const upper = await stop(special(8).toUpperCase());
    expect(upper.status).toBe(404);
    const malformed = await stop('%E0%A4%A');
    expect(malformed.status).toBe(204);
    expect(mock.requests.map((r) => r.chatId)).toEqual([chatIdForCode(2001), special(8), '%e0%a4%a']);
    expect(mock.requests[0]?.path).toBe(`/api/partner/v3/chats/${encoded}/typing`);
  });

  it('answers POST like DELETE', async () => {
    const ok = await fetch(typingUrl(crypto.randomUUID()), { method: 'POST', headers: AUTH });
    expect(ok.status).toBe(204);
    const err = await fetch(typingUrl(chatIdForCode(2009)), { method: 'POST', headers: AUTH });
    expect(err.status).toBe(409);
  });

  it('answers unknown routes and other methods with a plain-text 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/partner/v3/chats/abc/typing'],
      ['DELETE', '/api/partner/v3/chats//typing'],
      ['DELETE', '/api/partner/v3/chats/abc/typing/extra'],
      ['GET', '/'],
    ] as const) {
      const res = await fetch(`${mock.url}${path}`, { method, headers: AUTH });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.headers.get('x-trace-id')).toMatch(TRACE);
      expect(await res.text()).toContain('mock-linq: no such route');
    }
  });

  it('never sends CORS headers, not even to OPTIONS', async () => {
    const options = await fetch(typingUrl(crypto.randomUUID()), {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'DELETE' },
    });
    expect(options.status).toBe(204);
    const plain = await stop(chatIdForCode(2001), { headers: { ...AUTH, Origin: 'https://example.com' } });
    for (const res of [options, plain]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('records every request before answering, unauthorised and unknown ones included', async () => {
    const chatId = crypto.randomUUID();
    const before = Date.now();
    await stop(chatId);
    await fetch(typingUrl(chatId), { method: 'POST' });
    await fetch(`${mock.url}/elsewhere?x=1`);
    await mock.waitForRequests(3);
    expect(mock.requests).toHaveLength(3);
    const [first, second, third] = mock.requests;
    expect(first).toMatchObject({ method: 'DELETE', path: `/api/partner/v3/chats/${chatId}/typing`, chatId });
    expect(first?.authorization).toBe('Bearer test-key');
    expect(first?.headers.authorization).toBe('Bearer test-key');
    expect(first?.at).toBeGreaterThanOrEqual(before);
    expect(second).toMatchObject({ method: 'POST', chatId, authorization: undefined });
    expect(third).toMatchObject({ method: 'GET', path: '/elsewhere', chatId: '' });
    mock.clearRequests();
    expect(mock.requests).toHaveLength(0);
  });

  it('waitForRequests rejects after its timeout', async () => {
    await expect(mock.waitForRequests(1, 50)).rejects.toThrow(/waited 50 ms/);
  });
});

describe('hang scenario and shutdown', () => {
  it('hang: a timed-out fetch rejects with TimeoutError and close() is still quick', async () => {
    const hanging = await startMockLinq();
    const url = `${hanging.url}/api/partner/v3/chats/${special(3)}/typing`;
    const err = await fetch(url, { method: 'DELETE', headers: AUTH, signal: AbortSignal.timeout(300) }).catch(
      (error: unknown) => error,
    );
    expect((err as Error).name).toBe('TimeoutError');

    // A second hang still open while closing: close() must destroy its socket rather than wait for it.
    const pending = fetch(url, { method: 'DELETE', headers: AUTH }).then(
      () => 'answered',
      () => 'rejected',
    );
    await hanging.waitForRequests(2);
    const started = Date.now();
    await hanging.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await pending).toBe('rejected');
  });
});

describe('scenario table', () => {
  it('lists only UUID chat IDs, each resolving to its named scenario', () => {
    expect(new Set(SCENARIOS.map((s) => s.chatId)).size).toBe(SCENARIOS.length);
    for (const scenario of SCENARIOS) {
      expect(scenario.chatId).toMatch(UUID);
      expect(resolveScenario(scenario.chatId).name).toBe(scenario.name);
    }
    for (const name of [
      'html-502',
      'drop',
      'hang',
      'slow',
      'empty-500',
      'truncated',
      'unknown-code',
      'no-trace-body',
      'unexpected-2xx',
      'auth',
    ]) {
      expect(SCENARIOS.some((s) => s.name === name)).toBe(true);
    }
  });

  it('renders the README tables: everyday scenarios, then fault injection grouped by family', () => {
    const table = scenarioMarkdownTable();
    const lines = table.trimEnd().split('\n');
    const everyday = SCENARIOS.filter((s) => s.family === undefined);
    expect(lines[0]).toBe('| Chat ID | Answer |');
    expect(lines[1]).toBe('|---|---|');
    const split = lines.indexOf('');
    expect(split).toBe(everyday.length + 3); // header, rule, the CCCC pattern row
    expect(lines.slice(split)).toEqual([
      '',
      HOSTILE_TABLE_INTRO,
      '',
      '| Family | Chat ID | Answer |',
      '|---|---|---|',
      ...HOSTILE_SCENARIOS.map((s, i) => {
        const family = HOSTILE_SCENARIOS[i - 1]?.family === s.family ? '' : `**${s.family}**`;
        return `| ${family} | \`${s.chatId}\` | **${s.name}**: ${s.description.replaceAll('|', '\\|')} |`;
      }),
    ]);
    expect(lines).toHaveLength(everyday.length + 3 + 5 + HOSTILE_SCENARIOS.length);
    for (const scenario of SCENARIOS) expect(table.split(`\`${scenario.chatId}\``)).toHaveLength(2); // exactly once
    expect(lines.filter((l) => l.startsWith('| **'))).toHaveLength(HOSTILE_FAMILIES.length);
  });
});
