import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkChatRequest } from '../../../src/background/chat-check.ts';
import { send } from '../../../src/background/transport.ts';
import { diagnosisOf } from '../../../src/core/check/diagnosis.ts';
import { searchTextOf } from '../../../src/core/history-index.ts';
import type { HistoryEntry } from '../../../src/core/history.ts';
import { exportHistoryJson, parseHistoryImport } from '../../../src/core/share/export-json.ts';
import { checkImportedEntry } from '../../../src/core/share/import-rules.ts';
import { supportReport } from '../../../src/core/share/support-report.ts';
import { cliCommand, curlCommand, sdkSnippet } from '../../../src/core/share/snippets.ts';
import { updateProfile } from '../../../src/core/settings.ts';
import { CHAT_SCENARIO_DEFS, chatScenarioId } from '../../mock-linq/chat-scenarios.ts';
import { MOCK_OWN_NUMBER, MOCK_THEIR_NUMBER } from '../../mock-linq/chat-bodies.ts';
import { chatIdForCode } from '../../mock-linq/scenarios.ts';
import { startMockLinq, type MockLinq } from '../../mock-linq/server.ts';
import { KEY, makeDeps } from './fixtures.ts';

let mock: MockLinq;
beforeAll(async () => {
  mock = await startMockLinq();
});
afterAll(() => mock.close());

const id = (name: string) => chatScenarioId(CHAT_SCENARIO_DEFS.find((def) => def.name === name)!.n);

/** Worker deps that send with the real transport to the mock. */
async function checkDeps(timeoutMs = 15_000) {
  const made = makeDeps({
    now: () => Date.now(),
    send: (request, ms, bodyMax) => send(request, ms, (url, init) => fetch(url, init), bodyMax),
  });
  await made.keys.save('production', KEY, false);
  await made.settings.update((current) => ({
    ...updateProfile(current, 'production', { baseUrl: `${mock.url}/api/partner` }),
    timeoutMs,
  }));
  return made;
}

async function check(chatId: string, timeoutMs?: number) {
  const made = await checkDeps(timeoutMs);
  mock.clearRequests();
  const reply = await checkChatRequest(chatId, made.deps);
  if (!reply.ok) throw new Error(reply.message);
  await new Promise((resolve) => setTimeout(resolve, 60));
  const stored = await made.history.get(reply.entry.id);
  return { reply, entry: reply.entry, stored: stored!, requests: [...mock.requests] };
}

describe('Check chat in the worker: journal, two GETs, settle', () => {
  it('a healthy chat: GET chat and GET messages?limit=20, the verdict stored as facts, the handles only in the reply', async () => {
    const { reply, entry, stored, requests } = await check(id('chat-healthy'));
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/partner/v3/chats/${id('chat-healthy')}`,
      `GET /api/partner/v3/chats/${id('chat-healthy')}/messages`,
    ]);
    expect(requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(entry).toMatchObject({ operation: 'chat.check', method: 'GET', state: 'settled' });
    expect(entry.request.url).toBe(`${mock.url}/api/partner/v3/chats/${id('chat-healthy')}`);
    expect(entry.outcome).toMatchObject({
      kind: 'success',
      status: 200,
      summary: '200 · Typing can work in this chat',
    });
    expect(entry.diagnosis).toMatchObject({
      readable: true,
      group: false,
      service: 'iMessage',
      participantCount: 2,
      health: 'HEALTHY',
    });
    expect(entry.diagnosis?.activity).toMatchObject({ state: 'recent', read: 2 });
    expect(entry.response?.bodyPreview).toBe('');
    expect('handles' in reply && reply.handles).toEqual([MOCK_OWN_NUMBER, MOCK_THEIR_NUMBER]);
    expect(stored).toEqual(entry);
    const kept = JSON.stringify(stored);
    for (const secret of [MOCK_OWN_NUMBER.slice(2), MOCK_THEIR_NUMBER.slice(2), 'mock message', KEY])
      expect(kept).not.toContain(secret);
    expect(diagnosisOf(stored)?.verdict).toBe('Typing can work in this chat');
    expect(searchTextOf(stored)).toContain('check chat');
  });

  it('a group chat is refused without reading its messages', async () => {
    const { entry, requests } = await check(id('chat-group'));
    expect(requests).toHaveLength(1);
    expect(entry.outcome?.summary).toBe('200 · Typing will be refused (group chat)');
    expect(entry.diagnosis?.activity).toEqual({ state: 'not_checked' });
  });

  it('the stale, SMS, left and unhealthy chats, and a failed messages request', async () => {
    expect((await check(id('chat-stale'))).entry.outcome?.summary).toBe(
      '200 · Typing will be accepted but may not show (no message in the last 5 minutes)',
    );
    expect((await check(id('chat-sms'))).entry.outcome?.summary).toMatch(/may not show \(SMS chat; /);
    expect((await check(id('chat-left'))).entry.outcome?.summary).toMatch(/\(a participant left\)$/);
    const unhealthy = (await check(id('chat-unhealthy'))).entry;
    expect(unhealthy.diagnosis?.healthDocUrl).toBe('https://docs.linqapp.com/guides/chats/chat-health#critical');
    expect((await check(id('chat-messages-500'))).entry.diagnosis?.activity).toEqual({
      state: 'unknown',
      reason: 'request_failed',
      status: 500,
    });
  });

  it('404/2001 and 403/2005: the decoded error, refused, the error body kept as for any request', async () => {
    for (const [code, status, meaning] of [
      [2001, 404, 'Chat not found'],
      [2005, 403, 'Forbidden'],
    ] as const) {
      const { entry, requests } = await check(chatIdForCode(code));
      expect(requests).toHaveLength(1);
      expect(entry.outcome).toMatchObject({ kind: 'linq_error', status, code });
      expect(entry.diagnosis).toBeUndefined();
      expect(entry.response?.bodyPreview).toContain(`"code":${code}`);
      expect(diagnosisOf(entry)?.verdict).toMatch(/^Typing will be refused \(/);
      if (code === 2001) expect(diagnosisOf(entry)?.verdict).toBe(`Typing will be refused (${meaning})`);
    }
  });

  it('a network failure, a timeout and an HTML page are recorded with the usual kinds, and no diagnosis', async () => {
    const html = (await check('00000000-0000-4000-9000-000000000001')).entry;
    expect(html.outcome?.kind).toBe('http_failure');
    expect(diagnosisOf(html)).toBeUndefined();
    expect((await check('00000000-0000-4000-9000-000000000002')).entry.outcome?.kind).toBe('network');
    expect((await check('00000000-0000-4000-9000-000000000003', 1000)).entry.outcome?.kind).toBe('timeout');
  });

  it('hostile GET chat bodies end in a diagnosis, never a foreign link or stored markup', async () => {
    const huge = (await check(id('chat-huge'))).entry;
    expect(huge.diagnosis?.readable).toBe(false);
    expect(huge.outcome?.summary).toMatch(/could not be read/);
    expect((await check(id('chat-array'))).entry.diagnosis?.readable).toBe(false);
    expect((await check(id('chat-html-200'))).entry.diagnosis?.readable).toBe(false);
    const markup = await check(id('chat-markup'));
    expect(markup.entry.diagnosis?.healthDocUrl).toBeUndefined();
    expect(JSON.stringify(markup.stored)).not.toContain('<img');
    expect('handles' in markup.reply && markup.reply.handles?.[1]).toBe(
      '<img src=x onerror="window.__pwned=1">\\u{202e}4444',
    );
    expect((await check(id('chat-foreign-doc'))).entry.diagnosis?.healthDocUrl).toBeUndefined();
  });
});

describe('Check chat entries: exported, reported, imported as hostile input', () => {
  it('exports with the diagnosis, reports the verdict and findings, and imports back', async () => {
    const { entry } = await check(id('chat-stale'));
    const report = supportReport(entry, '1.0.0');
    expect(report).toContain('Endpoint: GET /api/partner/v3/chats/');
    expect(report).toContain('Check chat: Typing will be accepted but may not show (no message in the last 5 minutes)');
    expect(report).toContain('  [warning] Recent activity: the newest message is 2 h old;');
    expect(report).not.toContain(MOCK_THEIR_NUMBER.slice(2));
    const file = exportHistoryJson([entry], '1.0.0', Date.now());
    const imported = parseHistoryImport(file);
    expect(imported.ok && imported.entries[0]?.diagnosis).toEqual(entry.diagnosis);
  });

  it('refuses or cleans what a check entry from a file must not hold', async () => {
    const { entry } = await check(id('chat-unhealthy'));
    const now = Date.now();
    expect(checkImportedEntry({ ...entry, method: 'DELETE' }, now)).toMatchObject({
      ok: false,
      reason: 'its method does not match its operation',
    });
    expect(
      checkImportedEntry({ ...entry, request: { ...entry.request, url: `${entry.request.url}/typing` } }, now).ok,
    ).toBe(false);
    const typing: HistoryEntry = {
      ...entry,
      operation: 'typing.stop',
      method: 'DELETE',
      request: { ...entry.request, url: `${entry.request.url}/typing` },
    };
    expect(checkImportedEntry(typing, now)).toMatchObject({
      ok: false,
      reason: 'it has a diagnosis but is no chat check',
    });
    const hostile: HistoryEntry = {
      ...entry,
      diagnosis: { ...entry.diagnosis!, healthDocUrl: 'https://evil.example/' },
      response: { ...entry.response!, bodyPreview: `{"handles":[{"handle":"${MOCK_THEIR_NUMBER}"}]}` },
    };
    const cleaned = checkImportedEntry(hostile, now);
    expect(cleaned.ok).toBe(true);
    if (!cleaned.ok) return;
    expect(cleaned.entry.diagnosis?.healthDocUrl).toBeUndefined();
    expect(cleaned.entry.response?.bodyPreview).toBe('');
    const kept = checkImportedEntry(entry, now);
    expect(kept.ok && kept.entry.diagnosis?.healthDocUrl).toBe(entry.diagnosis?.healthDocUrl);
  });

  it('copies as a GET: cURL, SDK code, and no CLI command', async () => {
    const { entry } = await check(id('chat-healthy'));
    const curl = curlCommand(entry);
    expect(curl).toContain(`-X GET '${entry.request.url}'`);
    expect(curl).toContain("-H 'Accept: application/json'");
    expect(sdkSnippet(entry)).toContain(`client.chats.retrieve("${id('chat-healthy')}")`);
    expect(sdkSnippet(entry)).toContain(`baseURL: "${mock.url}/api/partner"`);
    expect(cliCommand(entry)).toMatch(/^# The Linq CLI has no command that reads a chat/);
  });
});
