import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_DEFAULT_CHAT_ID, DEMO_HEALTH_PATH, DEMO_SHOWCASES, DEMO_TYPING_BASE } from '../mock-linq/demo-page.ts';
import { DEMO_CSP, DEMO_HEALTH_BODY, DEMO_SCRIPT } from '../mock-linq/demo-route.ts';
import { chatIdForCode, hostileId, resolveScenario } from '../mock-linq/scenarios.ts';
import { startMockLinq, type AnswerLog, type MockLinq } from '../mock-linq/server.ts';

const KEY = 'sk_demo_SECRET_4c1e9b';
const TRACE = /^[0-9a-f]{32}$/;

let mock: MockLinq;
const logs: AnswerLog[] = [];

beforeAll(async () => {
  mock = await startMockLinq({ port: 0, onAnswer: (log) => logs.push(log) });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  logs.length = 0;
});

/** The headers a same-origin fetch from the demo page carries: the script's own, plus what Chromium adds. */
function pageHeaders(method: string): Record<string, string> {
  return {
    Authorization: `Bearer ${KEY}`,
    ...(method === 'GET' ? {} : { Origin: mock.url }),
    'Sec-Fetch-Site': 'same-origin',
    'Sec-Fetch-Mode': 'cors',
    'Sec-Fetch-Dest': 'empty',
    'Cache-Control': 'no-cache',
  };
}

const fromPage = (method: string, path: string): Promise<Response> =>
  fetch(`${mock.url}${path}`, { method, headers: pageHeaders(method), redirect: 'manual' });
const typing = (chatId: string): string => `${DEMO_TYPING_BASE}${chatId}/typing`;

interface Envelope {
  success: boolean;
  error: { status: number; code: number; message: string; doc_url?: string; retry_after?: number };
  trace_id?: string;
}

describe('the mock demo page', () => {
  it('serves the page at /demo and /demo/ as HTML with a strict CSP', async () => {
    for (const path of ['/demo', '/demo/']) {
      const res = await fetch(`${mock.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(DEMO_CSP);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<script src="/demo/demo.js" defer></script>');
    }
    const directives = DEMO_CSP.split(';').map((directive) => directive.trim());
    expect(directives).toEqual(
      expect.arrayContaining(["default-src 'none'", "script-src 'self'", "connect-src 'self'", "form-action 'none'"]),
    );
    expect(DEMO_CSP).not.toMatch(/unsafe|https?:|\*/);
  });

  it('has the form fields by their labels, a password key field with no name or value, and no inline script', async () => {
    const html = await (await fetch(`${mock.url}/demo`)).text();
    expect(html).toContain('<label for="api-key">API key</label>');
    expect(html).toMatch(/<input id="api-key" type="password" autocomplete="off" spellcheck="false">/);
    expect(html).toContain('<label for="chat-id">Chat ID</label>');
    expect(html).toContain(`value="${DEMO_DEFAULT_CHAT_ID}"`);
    expect(html).not.toMatch(/<(input|button|form)[^>]*\sname=/);
    expect(html).toContain('>Stop typing</button>');
    expect(html).toContain('>Start typing</button>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle=|<style|https?:\/\//);
    for (const showcase of DEMO_SHOWCASES) {
      expect(html).toContain(`data-method="${showcase.method}" data-path="${showcase.path}">`);
    }
  });

  it('uses the scenario table: the prefilled chat answers 2001, the showcases 2005, 1002, 1007 and one non-Linq path', () => {
    expect(resolveScenario(DEMO_DEFAULT_CHAT_ID).name).toBe('error-2001');
    const chatIds = DEMO_SHOWCASES.flatMap((showcase) => /\/chats\/([^/]+)\/typing$/.exec(showcase.path)?.[1] ?? []);
    expect(chatIds.map((chatId) => resolveScenario(chatId).name)).toEqual(['error-2005', 'error-1002', 'error-1007']);
    expect(DEMO_SHOWCASES.map((showcase) => showcase.path)).toContain(DEMO_HEALTH_PATH);
  });

  it('serves /demo/demo.js as JavaScript that writes text only and stores nothing', async () => {
    const res = await fetch(`${mock.url}/demo/demo.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await res.text();
    expect(script).toBe(DEMO_SCRIPT);
    expect(script).toContain('textContent');
    for (const banned of [
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'document.write',
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'document.cookie',
      'location',
      'eval(',
    ]) {
      expect(script, banned).not.toContain(banned);
    }
    expect(script).toContain('Authorization: `Bearer ${key}`');
  });

  it('answers /demo/health with 200 JSON that is not a Linq envelope', async () => {
    const res = await fromPage('GET', DEMO_HEALTH_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual(DEMO_HEALTH_BODY);
    expect(body).not.toHaveProperty('success');
    expect(body).not.toHaveProperty('error');
  });

  it('leaves every other path and method answering as before', async () => {
    for (const [method, path] of [
      ['GET', '/demo/other'],
      ['GET', '/demox'],
      ['POST', '/demo'],
      ['DELETE', '/demo/health'],
      ['GET', '/demo/demo.js/'],
    ] as const) {
      const res = await fetch(`${mock.url}${path}`, { method, headers: pageHeaders(method) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toContain('mock-linq: no such route');
    }
    const options = await fetch(`${mock.url}/demo`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
  });

  it('answers the page-style typing calls exactly as the scenarios define them', async () => {
    const cases = [
      ['DELETE', DEMO_DEFAULT_CHAT_ID, 404, 2001],
      ['POST', DEMO_DEFAULT_CHAT_ID, 404, 2001],
      ['DELETE', chatIdForCode(2005), 403, 2005],
      ['DELETE', chatIdForCode(1002), 400, 1002],
      ['DELETE', chatIdForCode(1007), 429, 1007],
    ] as const;
    for (const [method, chatId, status, code] of cases) {
      const res = await fromPage(method, typing(chatId));
      const plain = await fetch(`${mock.url}${typing(chatId)}`, {
        method,
        headers: { Authorization: `Bearer ${KEY}` },
      });
      expect(res.status, `${method} ${chatId}`).toBe(status);
      expect(plain.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('x-trace-id')).toMatch(TRACE);
      expect(res.headers.get('retry-after')).toBe(code === 1007 ? '30' : null);
      const body = (await res.json()) as Envelope;
      const plainBody = (await plain.json()) as Envelope;
      expect(body.success).toBe(false);
      expect(body.error.code).toBe(code);
      expect(body.trace_id).toBe(res.headers.get('x-trace-id'));
      expect(body.error).toEqual(plainBody.error);
    }
    const ok = await fromPage('DELETE', typing(crypto.randomUUID()));
    expect(ok.status).toBe(204);
    const noKey = await fetch(`${mock.url}${typing(DEMO_DEFAULT_CHAT_ID)}`, {
      method: 'DELETE',
      headers: { Origin: mock.url },
    });
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as Envelope).error.code).toBe(2004);
  });

  it('never puts the key in its onAnswer log lines, key-echo chats typed into the form included', async () => {
    const requests: [string, string][] = [
      ['GET', '/demo'],
      ['GET', '/demo/demo.js'],
      ['GET', DEMO_HEALTH_PATH],
      ['DELETE', typing(DEMO_DEFAULT_CHAT_ID)],
      ['POST', typing(DEMO_DEFAULT_CHAT_ID)],
      ...DEMO_SHOWCASES.map((showcase): [string, string] => [showcase.method, showcase.path]),
      ['DELETE', typing(hostileId(0x81))],
      ['DELETE', typing(hostileId(0x83))],
    ];
    for (const [method, path] of requests) await (await fromPage(method, path)).arrayBuffer();
    expect(logs).toHaveLength(requests.length);
    expect(logs.filter((log) => log.authorised)).toHaveLength(requests.length);
    expect(logs.map((log) => log.outcome)).toEqual(
      expect.arrayContaining(['200 demo page', '200 demo script', '200 demo health (not Linq)']),
    );
    for (const log of logs) expect(JSON.stringify(log)).not.toContain(KEY);
  });
});

/**
 * The served script, run on the served page in happy-dom (its own script evaluation stays off), its fetch sent to
 * the mock. `new Function` is how a test runs a browser script it was handed as text; this one is our own file.
 */
async function loadDemo(query = ''): Promise<{ document: Document; sent: RequestInit[] }> {
  const window = new Window({ url: `${mock.url}/demo${query}` });
  const html = await (await fetch(`${mock.url}/demo`)).text();
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const sent: RequestInit[] = [];
  const pageFetch = (path: string, init: RequestInit): Promise<Response> => {
    sent.push(init);
    return fetch(new URL(path, mock.url), init);
  };
  const script = await (await fetch(`${mock.url}/demo/demo.js`)).text();
  new Function('document', 'fetch', script)(document, pageFetch);
  return { document, sent };
}

function field(document: Document, id: string): HTMLInputElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`no #${id}`);
  return element as HTMLInputElement;
}

function buttonNamed(document: Document, name: string): HTMLButtonElement {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name));
  if (button === undefined) throw new Error(`no button ${name}`);
  return button;
}

const answerTexts = (document: Document): string[] =>
  [...document.querySelectorAll('#answers li')].map((item) => item.textContent ?? '');

describe('the demo script, run on the page against the mock', () => {
  it('shows each answer as numbers only, sends the key only in Authorization, and never writes it', async () => {
    const { document, sent } = await loadDemo();
    field(document, 'api-key').value = KEY;
    const clicks = ['Stop typing', 'Start typing', '403/2005', '400/1002', '429/1007', '200 JSON'];
    for (const name of clicks) buttonNamed(document, name).click();
    await vi.waitFor(() => expect(answerTexts(document)).toHaveLength(clicks.length));
    const texts = answerTexts(document);
    expect(texts).toEqual(
      expect.arrayContaining([
        `Stop typing: DELETE ${typing(DEMO_DEFAULT_CHAT_ID)} -> HTTP 404, Linq code 2001`,
        `Start typing: POST ${typing(DEMO_DEFAULT_CHAT_ID)} -> HTTP 404, Linq code 2001`,
        expect.stringMatching(/^403\/2005 .* -> HTTP 403, Linq code 2005$/),
        expect.stringMatching(/^400\/1002 .* -> HTTP 400, Linq code 1002$/),
        expect.stringMatching(/^429\/1007 .* -> HTTP 429, Linq code 1007, Retry-After 30 s$/),
        expect.stringMatching(/^200 JSON .* GET \/demo\/health -> HTTP 200, not a Linq envelope$/),
      ]),
    );
    expect(sent).toHaveLength(clicks.length);
    for (const init of sent) expect(init.headers).toEqual({ Authorization: `Bearer ${KEY}` });
    expect(document.documentElement.outerHTML).not.toContain(KEY);
  });

  it('keeps the key out of the page even when the typed chat echoes it back', async () => {
    const { document } = await loadDemo();
    field(document, 'api-key').value = KEY;
    field(document, 'chat-id').value = hostileId(0x81);
    buttonNamed(document, 'Stop typing').click();
    field(document, 'chat-id').value = hostileId(0x87);
    buttonNamed(document, 'Stop typing').click();
    await vi.waitFor(() => expect(answerTexts(document)).toHaveLength(2));
    // Answers are listed as they arrive, so in either order.
    expect(answerTexts(document).toSorted()).toEqual([
      `Stop typing: DELETE ${typing(hostileId(0x81))} -> HTTP 401, Linq code 2004`,
      `Stop typing: DELETE ${typing(hostileId(0x87))} -> HTTP 401, not a Linq envelope`,
    ]);
    expect(document.documentElement.outerHTML).not.toContain(KEY);
    expect(logs.map((log) => JSON.stringify(log)).join('\n')).not.toContain(KEY);
  });

  it('with ?fire=<code>, sends that request once at load, without a key; an unknown code sends nothing', async () => {
    for (const [code, path] of [
      ['2001', typing(DEMO_DEFAULT_CHAT_ID)],
      ['2005', typing(chatIdForCode(2005))],
      ['1002', typing(chatIdForCode(1002))],
    ] as const) {
      const { document, sent } = await loadDemo(`?fire=${code}`);
      await vi.waitFor(() => expect(answerTexts(document)).toHaveLength(1));
      expect(answerTexts(document)[0], code).toMatch(new RegExp(`DELETE ${path} -> HTTP 401, Linq code 2004$`));
      expect(sent).toHaveLength(1);
      expect(sent[0]?.headers).toEqual({});
    }
    for (const query of ['?fire=9999', '?fire=<b>', '?fire=', '']) {
      const { document, sent } = await loadDemo(query);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sent, query).toHaveLength(0);
      expect(answerTexts(document), query).toEqual(query === '?fire=9999' ? ['Nothing to fire for 9999.'] : []);
    }
  });

  it('sends no Authorization without a key and asks for a chat ID when the field is empty', async () => {
    const { document, sent } = await loadDemo();
    buttonNamed(document, 'Stop typing').click();
    await vi.waitFor(() => expect(answerTexts(document)).toHaveLength(1));
    expect(answerTexts(document)[0]).toMatch(/-> HTTP 401, Linq code 2004$/);
    expect(sent[0]?.headers).toEqual({});
    field(document, 'chat-id').value = '  ';
    buttonNamed(document, 'Start typing').click();
    expect(answerTexts(document)[0]).toBe('Type a chat ID first.');
    expect(sent).toHaveLength(1);
  });
});
