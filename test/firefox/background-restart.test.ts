/**
 * Firefox's background is an event page: idle, it is unloaded, and the next message starts it again. With the
 * idle timeout cut to 2 s (the pref extensions.background.idle.timeout; 30 s by default), the popup is closed,
 * the background unloads, and a popup opened afterwards fires again through the new background.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { okChat } from '../e2e/harness/chat-ids.ts';
import { waitUntil } from '../e2e/harness/wait.ts';
import { launchFirefox, openView, type FirefoxSession } from './harness/firefox.ts';
import { readExtensionStorage } from '../e2e/harness/storage.ts';
import { configure, fireStop, historyRows } from './harness/views.ts';

const IDLE_MS = 2_000;
/** The background's copy of the newest entries (src/platform/recent-history-store.ts): each start writes it. */
const RECENT_COPY = 'history.recent';

let mock: MockLinq;
let firefox: FirefoxSession;
const apiKey = `sk_firefox_${Math.random().toString(36).slice(2, 12)}`;

beforeAll(async () => {
  mock = await startMockLinq();
  firefox = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
});

afterAll(async () => {
  await Promise.allSettled([firefox?.close(), mock?.close()]);
});

test('a second Stop typing after the background was unloaded and started again', async () => {
  const first = okChat();
  const second = okChat();
  let popup = await openView(firefox.browser, 'popup');
  await configure(popup, { baseUrl: `${mock.url}/api/partner`, apiKey });
  expect((await fireStop(popup, first)).status).toBe('204 Success');

  // A background that keeps running never writes its copy again without a history change; a new one does
  // as it starts. So with the copy removed, its return shows that a new background started.
  await popup.evaluate((key) => chrome.storage.session.remove(key), RECENT_COPY);
  await popup.close();
  // No page may be open meanwhile (a view's port keeps the background up): this wait is the idle time itself.
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 2));

  popup = await openView(firefox.browser, 'popup');
  let session: Record<string, unknown> = {};
  await waitUntil(
    async () => {
      session = (await readExtensionStorage(popup)).session;
      return RECENT_COPY in session;
    },
    { timeout: 10_000, message: 'no new background started', describe: () => Object.keys(session).join(', ') },
  );
  // storage.session outlives the unloaded background: the key is still there, nothing to type again.
  expect(Object.values(session)).toContain(apiKey);

  mock.clearRequests();
  expect((await fireStop(popup, second)).status).toBe('204 Success');
  expect(mock.requests.map((request) => request.chatId)).toEqual([second]);
  const rows = await historyRows(popup);
  expect(rows.map((row) => [row.text.includes(second), row.text.includes(first)])).toEqual([
    [true, false],
    [false, true],
  ]);
});
