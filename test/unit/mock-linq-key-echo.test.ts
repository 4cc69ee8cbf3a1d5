import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_CUT, echoedKey } from '../mock-linq/key-echo.ts';
import { HOSTILE_SCENARIOS, hostileId } from '../mock-linq/scenarios.ts';
import { startMockLinq, type AnswerLog, type MockLinq } from '../mock-linq/server.ts';

/** Token characters only, so the header-name echo is sent too, and characters URL-encoding changes. */
const KEY = 'sk_echo$SECRET+7f3a9c';
const ENCODED = encodeURIComponent(KEY);

let mock: MockLinq;
const logs: AnswerLog[] = [];

beforeAll(async () => {
  mock = await startMockLinq({ port: 0, onAnswer: (log) => logs.push(log) });
});
afterAll(async () => {
  await mock.close();
});

const idOf = (name: string) => HOSTILE_SCENARIOS.find((scenario) => scenario.name === name)?.chatId ?? '';
const stop = (name: string) =>
  fetch(`${mock.url}/api/partner/v3/chats/${idOf(name)}/typing`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${KEY}` },
    redirect: 'manual',
  });

describe('key echo scenarios', () => {
  it('are a family of their own in the a000 block, 0x81 onwards', () => {
    const family = HOSTILE_SCENARIOS.filter((scenario) => scenario.family === 'key echo');
    expect(family.map((scenario) => scenario.name)).toEqual([
      'echo-message',
      'echo-authorization-header',
      'echo-location',
      'echo-trace-id',
      'echo-html',
      'echo-straddle',
      'echo-status-text',
    ]);
    expect(family.map((scenario) => scenario.chatId)).toEqual(
      [0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87].map(hostileId),
    );
  });

  it('read the key from Authorization', () => {
    expect(echoedKey(`Bearer ${KEY}`)).toBe(KEY);
    expect(echoedKey(`bearer\t${KEY} `)).toBe(KEY);
    expect(echoedKey(undefined)).toBe('');
  });

  it('echo-message quotes the key in a 401/2004 envelope', async () => {
    const res = await stop('echo-message');
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: number; message: string } };
    expect(body.error).toMatchObject({ code: 2004, message: `Invalid API key: ${KEY}` });
  });

  it('echo-authorization-header echoes it in a header value and a header name', async () => {
    const res = await stop('echo-authorization-header');
    expect(res.headers.get('x-echo-authorization')).toBe(`Bearer ${KEY}`);
    expect(res.headers.get(`x-debug-key-${KEY}`)).toBe('seen');
  });

  it('echo-location redirects with the key URL-encoded', async () => {
    const res = await stop('echo-location');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`https://evil.example/login?key=${ENCODED}`);
    expect(ENCODED).not.toBe(KEY);
  });

  it('echo-trace-id puts the key in trace_id and X-Trace-ID', async () => {
    const res = await stop('echo-trace-id');
    expect(res.headers.get('x-trace-id')).toBe(KEY);
    expect(((await res.json()) as { trace_id: string }).trace_id).toBe(KEY);
  });

  it('echo-html quotes it HTML-escaped, raw and URL-encoded', async () => {
    const res = await stop('echo-html');
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    for (const form of [KEY.replaceAll('&', '&amp;'), KEY, ENCODED]) expect(page).toContain(form);
  });

  it('echo-straddle puts the key across the 16 KiB cut', async () => {
    const body = await (await stop('echo-straddle')).text();
    const at = body.indexOf(KEY);
    expect(at).toBeLessThan(PREVIEW_CUT);
    expect(at + KEY.length).toBeGreaterThan(PREVIEW_CUT);
    expect(body.length).toBeGreaterThan(PREVIEW_CUT + KEY.length);
  });

  it('echo-status-text quotes it in the status text and the body', async () => {
    const res = await stop('echo-status-text');
    expect(res.status).toBe(401);
    expect(res.statusText).toBe(`Unauthorized ${KEY}`);
    expect(await res.text()).toBe(`Bearer ${KEY}`);
  });

  it("never print the key in the mock's own log", () => {
    expect(logs.length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(logs)).not.toContain(KEY);
    expect(JSON.stringify(logs)).not.toContain(ENCODED);
  });
});
