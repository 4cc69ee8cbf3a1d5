import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { chatIdForCode, resolveScenario, SCENARIOS } from '../mock-linq/scenarios.ts';
import { CHAT_SCENARIO_DEFS, chatScenarioId } from '../mock-linq/chat-scenarios.ts';
import { readChat, readMessages } from '../../src/core/check/chat-shape.ts';
import { activityFacts, chatFacts } from '../../src/core/check/facts.ts';
import { chatFindings, verdictOf } from '../../src/core/check/findings.ts';

const AUTH = { Authorization: 'Bearer test-key' };
let mock: MockLinq;
beforeAll(async () => {
  mock = await startMockLinq();
});
afterAll(() => mock.close());

const id = (name: string) => chatScenarioId(CHAT_SCENARIO_DEFS.find((def) => def.name === name)!.n);
const get = (path: string, headers: Record<string, string> = AUTH) =>
  fetch(`${mock.url}/api/partner/v3/chats/${path}`, { headers });

async function verdictFor(chatId: string): Promise<string> {
  const facts = chatFacts(readChat(await (await get(chatId)).json()));
  const page = readMessages(await (await get(`${chatId}/messages?limit=20`)).json());
  facts.activity = page ? activityFacts(page, Date.now()) : { state: 'unknown', reason: 'unreadable' };
  return verdictOf(chatFindings(facts));
}

describe('mock Linq: the chat check endpoints', () => {
  it('answers each scenario with its case', async () => {
    expect(await verdictFor(id('chat-healthy'))).toBe('Typing can work in this chat');
    expect(await verdictFor('3d1f8c52-7a4e-4b9d-9c61-2f5e8a7b0d14')).toBe('Typing can work in this chat');
    expect(await verdictFor(id('chat-group'))).toBe('Typing will be refused (group chat)');
    expect(await verdictFor(id('chat-sms'))).toBe(
      'Typing will be accepted but may not show (SMS chat; a participant on SMS)',
    );
    expect(await verdictFor(id('chat-stale'))).toBe(
      'Typing will be accepted but may not show (no message in the last 5 minutes)',
    );
    expect(await verdictFor(id('chat-left'))).toBe('Typing will be accepted but may not show (a participant left)');
    expect(await verdictFor(id('chat-unhealthy'))).toBe(
      'Typing will be accepted but may not show (chat health CRITICAL)',
    );
  });

  it('the healthy chat newest message is a minute old, and the bodies follow the SDK shape', async () => {
    const page = (await (await get(`${id('chat-healthy')}/messages?limit=20`)).json()) as {
      messages: Array<{ created_at: string; chat_id: string }>;
      next_cursor: unknown;
    };
    const age = (Date.now() - Date.parse(page.messages[0]!.created_at)) / 1000;
    expect(age).toBeGreaterThanOrEqual(59);
    expect(age).toBeLessThan(65);
    expect(page.next_cursor).toBeNull();
    const chat = (await (await get(id('chat-healthy'))).json()) as Record<string, unknown>;
    expect(Object.keys(chat).toSorted()).toEqual([
      'created_at',
      'display_name',
      'group_chat_icon',
      'handles',
      'health_status',
      'id',
      'is_archived',
      'is_group',
      'service',
      'updated_at',
    ]);
  });

  it('answers 404/2001 and 403/2005 on the codes own chat IDs, and 401/2004 without a key', async () => {
    for (const [code, status] of [
      [2001, 404],
      [2005, 403],
    ] as const) {
      for (const path of [chatIdForCode(code), `${chatIdForCode(code)}/messages?limit=20`]) {
        const response = await get(path);
        expect(response.status).toBe(status);
        expect(((await response.json()) as { error: { code: number } }).error.code).toBe(code);
      }
    }
    expect((await get(id('chat-healthy'), {})).status).toBe(401);
  });

  it('hostile GET chat bodies: not objects, wrong types, markup, foreign links, too large, HTML', async () => {
    expect(readChat(await (await get(id('chat-array'))).json())).toBeUndefined();
    const wrong = chatFacts(readChat(await (await get(id('chat-wrong-types'))).json()));
    expect(wrong).toMatchObject({ readable: true, participantCount: 0 });
    expect(readMessages(await (await get(`${id('chat-wrong-types')}/messages`)).json())).toBeUndefined();
    const markup = chatFacts(readChat(await (await get(id('chat-markup'))).json()));
    expect(markup.healthDocUrl).toBeUndefined();
    expect(chatFacts(readChat(await (await get(id('chat-foreign-doc'))).json())).healthDocUrl).toBeUndefined();
    const huge = await (await get(id('chat-huge'))).text();
    expect(huge.length).toBeGreaterThan(2 * 1024 * 1024);
    const html = await get(id('chat-html-200'));
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect((await get(`${id('chat-messages-500')}/messages`)).status).toBe(500);
  });

  it('lists every chat scenario in SCENARIOS, and a typing call to one answers 204', async () => {
    for (const def of CHAT_SCENARIO_DEFS) {
      const chatId = chatScenarioId(def.n);
      expect(SCENARIOS.filter((s) => s.chatId === chatId).map((s) => s.name)).toEqual([def.name]);
      expect(resolveScenario(chatId).name).toBe(def.name);
    }
    const typing = await fetch(`${mock.url}/api/partner/v3/chats/${id('chat-group')}/typing`, {
      method: 'POST',
      headers: AUTH,
    });
    expect(typing.status).toBe(204);
  });
});
