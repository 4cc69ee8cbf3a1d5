/**
 * The page menu (issue 6, item 4): "Stop typing in Linq chat …" appears in the right-click menu only on a
 * selection that holds a chat UUID. It needs the extension's selection script in web pages, so access to
 * all sites, which the operator turns on in Settings. Chrome cannot show which items a menu holds, so the
 * tests read what the worker asked Chrome to show (harness/page-menu.ts), and run the item's click handler
 * through the worker, as the keyboard-and-menu tests do.
 */
import { describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { okChat } from './harness/chat-ids.ts';
import { runAxe } from './harness/axe.ts';
import { configure } from './harness/configure.ts';
import { distWithAllSites } from './harness/granted-dist.ts';
import { expectNewEntry, statusLabelOf } from './harness/history.ts';
import {
  lastMenuUpdate,
  menuUpdates,
  openChatPage,
  pageMessages,
  recordMenu,
  selectTextOf,
} from './harness/page-menu.ts';
import { extensionWorker, runQuickStop } from './harness/service-worker.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';
import { isServiceWorkerRunning, stopServiceWorker } from './harness/worker.ts';

const ALL_SITES = ['https://*/*', 'http://*/*'];
const SHOWN_FOR = (chatId: string) => ({ visible: true, title: `Stop typing in Linq chat ${chatId}` });
const HIDDEN = { visible: false, title: 'Stop typing in Linq chat' };

async function openSettings(page: Page): Promise<void> {
  await page.bringToFront();
  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('group', { name: 'Page menu' }).waitFor();
}

const pageMenu = (page: Page) => page.getByRole('group', { name: 'Page menu' });

/** axe on the popup with Settings open (the page menu in it), in both colour schemes. */
async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const report = await runAxe(page, `${label}, ${scheme}`);
    expect(report.violations, report.violations.join('\n')).toEqual([]);
    expect(report.passes).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('as installed: the page menu is off until the operator turns it on', () => {
  let popup: Page;
  let worker: Worker;

  const session = useExtensionSession({
    async setUp() {
      popup = await openView(session.extension, 'popup', { errors: session.errors });
      await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
      worker = await extensionWorker(session.extension, popup);
      await recordMenu(worker);
    },
  });

  test('a chat UUID selected on a web page shows no item: no script runs in pages, none is registered', async () => {
    const chatId = okChat();
    const page = await openChatPage(session.extension.context, `<p id="ticket">Dots stuck in chat ${chatId}</p>`);
    expect(await selectTextOf(page, '#ticket')).toContain(chatId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await pageMessages(worker)).toEqual([]);
    expect((await menuUpdates(worker)).filter((update) => update.visible === true)).toEqual([]);
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    expect(await worker.evaluate((origins) => chrome.permissions.contains({ origins }), ALL_SITES)).toBe(false);
    await page.close();
  });

  test('while it is off, switching tabs and loading pages does not start the stopped worker', async () => {
    const page = await openChatPage(session.extension.context, '<p>Nothing to see</p>');
    await stopServiceWorker(session.extension.context, popup);
    for (let round = 0; round < 2; round++) {
      await page.reload();
      await popup.bringToFront();
      await page.bringToFront();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await isServiceWorkerRunning(session.extension.context, page, session.extension.extensionId)).toBe(false);
    await page.close();
    worker = await extensionWorker(session.extension, popup);
    await recordMenu(worker);
  });

  test('Settings says it is off; "Turn on page menu" asks Chrome for access to all sites and waits for the answer', async () => {
    await openSettings(popup);
    const group = pageMenu(popup);
    // The state is asked of the worker first ("Checking…"), which may still be starting after the last test.
    await expect
      .poll(() => group.textContent())
      .toContain('Off. Turn it on to get "Stop typing in Linq chat …" in the right-click menu');
    const turnOn = group.getByRole('button', { name: 'Turn on page menu' });
    await turnOn.click();
    // Chrome's prompt is open now; headless Chromium cannot answer it, so the request stays pending.
    await expect.poll(() => group.textContent()).toContain('Waiting for your answer in Chrome\u2019s prompt…');
    expect(await turnOn.isDisabled()).toBe(true);
    expect(await worker.evaluate((origins) => chrome.permissions.contains({ origins }), ALL_SITES)).toBe(false);
    await expectNoAxeViolations(popup, 'popup, page menu waiting for Chrome');
  });
});

describe('with access to all sites: the item follows the selection', () => {
  let granted: Awaited<ReturnType<typeof distWithAllSites>>;
  let popup: Page;
  let page: Page;
  let worker: Worker;
  const chatId = okChat();

  const session = useExtensionSession({
    async prepare() {
      granted = await distWithAllSites();
      return { distDir: granted.dir };
    },
    async setUp() {
      popup = await openView(session.extension, 'popup', { errors: session.errors });
      await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
      worker = await extensionWorker(session.extension, popup);
      await recordMenu(worker);
      page = await openChatPage(
        session.extension.context,
        `<p id="ticket">Customer: the dots keep going in chat ${chatId.toUpperCase()}, please check.</p>
       <p id="plain">Order 1234-5678 shipped on Monday.</p>`,
      );
    },
    async afterClose() {
      await granted?.remove();
    },
  });

  test('Settings says it is on, with "Turn off page menu"; the selection script is registered for all sites', async () => {
    await openSettings(popup);
    const group = pageMenu(popup);
    await expect
      .poll(() => group.textContent())
      .toContain('On. "Stop typing in Linq chat …" appears in the right-click menu');
    expect(await group.getByRole('button', { name: 'Turn off page menu' }).isEnabled()).toBe(true);
    await expectNoAxeViolations(popup, 'popup, page menu on');
    const scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toEqual([
      expect.objectContaining({ id: 'linq-selection-watch', js: ['page/selection-watch.js'], allFrames: true }),
    ]);
    expect(scripts[0]!.matches!.toSorted()).toEqual(ALL_SITES.toSorted());
  });

  test('selecting a sentence that holds a chat UUID shows the item, named with that chat; other text hides it', async () => {
    await recordMenu(worker);
    await selectTextOf(page, '#ticket');
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatId));
    // The page sent the worker the chat ID it found, and nothing else of the page.
    expect(await pageMessages(worker)).toEqual([{ type: 'page.selection', chatId }]);

    await selectTextOf(page, '#plain');
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(HIDDEN);
    expect((await pageMessages(worker)).at(-1)).toEqual({ type: 'page.selection' });
  });

  test('another tab in front hides the item; back on the page with the chat selected, it shows again', async () => {
    await selectTextOf(page, '#ticket');
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatId));
    await popup.bringToFront();
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(HIDDEN);
    await page.bringToFront();
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatId));
  });

  test('a worker stopped while the item shows is started by the next tab switch, which hides the item', async () => {
    await selectTextOf(page, '#ticket');
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatId));
    await stopServiceWorker(session.extension.context, popup);
    await popup.bringToFront();
    await expect
      .poll(() => isServiceWorkerRunning(session.extension.context, page, session.extension.extensionId))
      .toBe(true);
    worker = await extensionWorker(session.extension);
    await recordMenu(worker);
    await page.bringToFront();
    await popup.bringToFront();
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(HIDDEN);
    await page.bringToFront();
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatId));
  });

  test('a new page in the tab takes the item away with the old selection', async () => {
    await selectTextOf(page, '#ticket');
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatId));
    await page.reload();
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(HIDDEN);
  });

  test('the item\u2019s click, with the page\u2019s selection, stops typing in that chat and records it', async () => {
    const selection = await selectTextOf(page, '#ticket');
    await expect.poll(() => lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatId));
    session.mock.clearRequests();
    const item = await expectNewEntry(
      popup,
      chatId,
      async () => void (await runQuickStop(worker, 'stopSelectedChat', selection)),
    );
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(
      session.mock.requests.map(({ method, chatId: id, authorization }) => `${method} ${id} ${authorization}`),
    ).toEqual([`DELETE ${chatId} Bearer ${session.apiKey}`]);
  });

  test('a web page cannot read the extension\u2019s storage, not even from the extension\u2019s own script in it', async () => {
    const tabId = await worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'http://support-desk.test/*' }))[0]?.id,
    );
    expect(tabId).toBeTypeOf('number');
    const [result] = await worker.evaluate(
      (target) =>
        chrome.scripting.executeScript({
          target: { tabId: target },
          // The isolated world the selection script runs in.
          func: async () => {
            try {
              return `read ${Object.keys(await chrome.storage.local.get(null)).length} items`;
            } catch (error) {
              return `refused: ${String(error)}`;
            }
          },
        }),
      tabId!,
    );
    expect(String(result?.result)).toMatch(/^refused: /);
    expect(String(result?.result)).not.toContain(session.apiKey);
  });
});
