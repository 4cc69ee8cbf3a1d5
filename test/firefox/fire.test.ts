/**
 * The Firefox build in real Firefox ESR: installed as a temporary add-on, Stop typing fired from the popup
 * at the mock Linq server, the panel page showing the same history, and the background starting again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { linqErrorChat, okChat } from '../e2e/harness/chat-ids.ts';
import { launchFirefox, openView, type FirefoxSession } from './harness/firefox.ts';
import { readExtensionStorage } from '../e2e/harness/storage.ts';
import { configure, docLinkIn, fireStop, historyRows, settledRowFor } from './harness/views.ts';

let mock: MockLinq;
let firefox: FirefoxSession;
let popup: Page;
const apiKey = `sk_firefox_${Math.random().toString(36).slice(2, 12)}`;
const okId = okChat();
const errorId = linqErrorChat(2001);

beforeAll(async () => {
  mock = await startMockLinq();
  firefox = await launchFirefox();
  popup = await openView(firefox.browser, 'popup');
  await configure(popup, { baseUrl: `${mock.url}/api/partner`, apiKey });
});

afterAll(async () => {
  await Promise.allSettled([firefox?.close(), mock?.close()]);
});

describe('the Firefox build in Firefox ESR', () => {
  test('Stop typing from the popup: the mock saw the DELETE with the key, and History shows 204', async () => {
    mock.clearRequests();
    const row = await fireStop(popup, okId);
    expect(row.status).toBe('204 Success');
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({
      method: 'DELETE',
      path: `/api/partner/v3/chats/${okId}/typing`,
      authorization: `Bearer ${apiKey}`,
    });
  });

  test('a 404/2001 is decoded, with its documentation link', async () => {
    const row = await fireStop(popup, errorId);
    expect(row.status).toBe('404 Linq error');
    expect(row.text).toContain('2001');
    expect(await docLinkIn(popup, 'Latest result', 2001)).toBe('https://docs.linqapp.com/error/codes/2xxx/2001/');
  });

  test('the panel page shows the same history', async () => {
    const panel = await openView(firefox.browser, 'panel');
    expect((await settledRowFor(panel, errorId)).status).toBe('404 Linq error');
    expect((await settledRowFor(panel, okId)).status).toBe('204 Success');
    const rows = await historyRows(panel);
    expect(rows.map((row) => row.text.includes(errorId))).toEqual([true, false]);
    await panel.close();
  });

  test('the key is in session storage only: storage.local never holds it', async () => {
    const { local, session } = await readExtensionStorage(popup);
    expect(JSON.stringify(local)).not.toContain(apiKey);
    expect(Object.values(session)).toContain(apiKey);
  });
});
