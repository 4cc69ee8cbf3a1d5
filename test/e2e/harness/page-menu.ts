import type { BrowserContext, Page, Worker } from 'playwright-core';
import { REPORT_LIMIT } from '../../../src/core/page-report-limit.ts';

/** What the worker asked Chrome to do with the right-click item, in order. */
export interface MenuUpdate {
  visible?: boolean;
  title?: string;
}

/**
 * Chrome has no way to read a menu item back, so the worker's calls to contextMenus.update are recorded as
 * they reach Chrome (the very call that shows or hides the item), with every page message the worker gets.
 */
export async function recordMenu(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { menuUpdates: unknown[]; pageMessages: unknown[]; recording?: true };
    scope.menuUpdates = [];
    scope.pageMessages = [];
    if (scope.recording) return;
    scope.recording = true;
    const update = chrome.contextMenus.update.bind(chrome.contextMenus);
    (chrome.contextMenus as unknown as { update: typeof update }).update = (id, properties) => {
      scope.menuUpdates.push({ id, ...properties });
      return update(id, properties);
    };
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (sender.tab) scope.pageMessages.push(message);
    });
  });
}

export function menuUpdates(worker: Worker): Promise<MenuUpdate[]> {
  return worker.evaluate(() => (globalThis as unknown as { menuUpdates: MenuUpdate[] }).menuUpdates);
}

export function pageMessages(worker: Worker): Promise<unknown[]> {
  return worker.evaluate(() => (globalThis as unknown as { pageMessages: unknown[] }).pageMessages);
}

/** The item as the worker last set it (undefined: not touched since recording began). */
export async function lastMenuUpdate(worker: Worker): Promise<MenuUpdate | undefined> {
  const updates = await menuUpdates(worker);
  return updates.at(-1);
}

/** An ordinary web page at a made-up address, answered by the test itself. */
export const CHAT_PAGE_URL = 'http://support-desk.test/ticket/42';

export async function openChatPage(context: BrowserContext, body: string): Promise<Page> {
  const page = await context.newPage();
  await page.route('http://support-desk.test/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><title>Ticket 42</title><main>${body}</main>`,
    }),
  );
  await page.goto(CHAT_PAGE_URL);
  return page;
}

/** Selects an element's text (Playwright's selectText, as a user's drag would), and returns what is selected. */
export async function selectTextOf(page: Page, selector: string): Promise<string> {
  await page.bringToFront();
  await page.locator(selector).selectText();
  return page.evaluate(() => String(getSelection()));
}

/**
 * Waits until the worker has made no menu update and had no page message for longer than the report
 * limit's window: a flood in an earlier test can leave its latest report still to be applied.
 */
export async function waitForQuietMenu(worker: Worker, quietMs = REPORT_LIMIT.windowMs + 300): Promise<void> {
  const deadline = Date.now() + 10 * quietMs;
  let seen = -1;
  for (;;) {
    const count = (await menuUpdates(worker)).length + (await pageMessages(worker)).length;
    if (count === seen) return;
    if (Date.now() >= deadline) throw new Error('Timed out: the page menu never went quiet');
    seen = count;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}
