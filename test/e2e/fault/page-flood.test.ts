/**
 * Fault injection, a hostile web page and the page menu (issue 12, F12). With the page menu on, the
 * extension's selection script runs in every page, and a page's own script can drive it: before the fix,
 * synthetic selectionchange, focus and contextmenu events in a loop made about 1,000 worker messages a second.
 * Now the script hears only trusted events and sends the same chat only once in a row, and the worker applies
 * at most a few reports a second per tab, the latest always last. Messages and menu updates are counted in the
 * worker (harness/page-menu.ts), as in page-menu.test.ts.
 */
import { expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { okChat } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { distWithAllSites } from '../harness/granted-dist.ts';
import { fire, statusLabelOf } from '../harness/history.ts';
import {
  lastMenuUpdate,
  menuUpdates,
  openChatPage,
  pageMessages,
  recordMenu,
  selectTextOf,
  waitForQuietMenu,
} from '../harness/page-menu.ts';
import { extensionWorker } from '../harness/service-worker.ts';
import { waitUntil } from '../harness/wait.ts';
import { defineSecretsSweep, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';

const SHOWN_FOR = (chatId: string) => ({ visible: true, title: `Stop typing in Linq chat ${chatId}` });
const HIDDEN = { visible: false, title: 'Stop typing in Linq chat' };

let granted: Awaited<ReturnType<typeof distWithAllSites>>;
let popup: Page;
let page: Page;
let worker: Worker;
const chatA = okChat();
const chatB = okChat();

const session = useFaultSession({
  firstView: 'popup',
  async prepare() {
    granted = await distWithAllSites();
    return { distDir: granted.dir };
  },
  async setUp() {
    popup = session.first;
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
    worker = await extensionWorker(session.extension, popup);
    await recordMenu(worker);
    page = await openChatPage(
      session.extension.context,
      `<p id="a">Dots stuck in chat ${chatA}</p><p id="b">And in chat ${chatB}</p><p id="plain">Order 1234 shipped.</p>`,
    );
    await selectTextOf(page, '#a');
    await waitUntil(async () => (await lastMenuUpdate(worker))?.title === SHOWN_FOR(chatA).title, {
      timeout: 5_000,
      message: 'the item did not show for the selected chat',
    });
  },
  async afterClose() {
    await granted?.remove();
  },
});

test('synthetic selection, focus and right-click events in a loop: only the real moves report', async ({ task }) => {
  const meta = recordFault(task, 'page flood');
  await recordMenu(worker);
  await page.bringToFront();
  const { dispatched, moves } = await page.evaluate(async () => {
    let count = 0;
    let moved = 0;
    const until = performance.now() + 1_000;
    while (performance.now() < until) {
      // The selection moves too, so a report would differ from the last one each time.
      getSelection()?.selectAllChildren(document.getElementById(count % 2 === 0 ? 'b' : 'plain')!);
      for (let i = 0; i < 50; i += 1) {
        document.dispatchEvent(new Event('selectionchange'));
        globalThis.dispatchEvent(new FocusEvent('focus'));
        document.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
        count += 1;
      }
      // Yield, so the trusted selectionchange of the move above is not what this test measures.
      await new Promise((resolve) => setTimeout(resolve, 0));
      getSelection()?.selectAllChildren(document.getElementById('a')!);
      await new Promise((resolve) => setTimeout(resolve, 0));
      moved += 2;
    }
    return { dispatched: count, moves: moved };
  });
  expect(dispatched).toBeGreaterThan(1_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  // The browser's own selectionchange events may report the real moves; no synthetic event reports anything.
  const messages = await pageMessages(worker);
  console.log(
    `page flood: ${dispatched} synthetic events of each kind, ${moves} real moves in 1 s; ${messages.length} messages`,
  );
  expect(messages.length).toBeLessThanOrEqual(moves);
  await finish(meta);
});

test('synthetic events alone, with the selection still, send nothing at all', async ({ task }) => {
  const meta = recordFault(task, 'page flood');
  await page.bringToFront();
  await selectTextOf(page, '#a');
  await waitForQuietMenu(worker);
  await recordMenu(worker);
  await page.evaluate(() => {
    for (let i = 0; i < 3_000; i += 1) {
      document.dispatchEvent(new Event('selectionchange'));
      globalThis.dispatchEvent(new FocusEvent('focus'));
      document.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await pageMessages(worker)).toEqual([]);
  expect(await menuUpdates(worker)).toEqual([]);
  await finish(meta);
});

test('a trusted selection still works', async ({ task }) => {
  const meta = recordFault(task, 'page flood');
  await recordMenu(worker);
  await selectTextOf(page, '#plain');
  await expect.poll(() => lastMenuUpdate(worker), { timeout: 5_000 }).toMatchObject(HIDDEN);
  await selectTextOf(page, '#b');
  await expect.poll(() => lastMenuUpdate(worker), { timeout: 5_000 }).toMatchObject(SHOWN_FOR(chatB));
  expect(await pageMessages(worker)).toEqual([{ type: 'page.selection' }, { type: 'page.selection', chatId: chatB }]);
  await finish(meta);
});

test('a flood of real selection changes is rate-limited, ends on the latest, worker well', async ({ task }) => {
  const meta = recordFault(task, 'page flood');
  await recordMenu(worker);
  await page.bringToFront();
  const started = Date.now();
  // The page's script flips its selection between the two chats each task for 2 s, ending on chat B.
  const flips = await page.evaluate(async () => {
    let count = 0;
    const until = performance.now() + 2_000;
    while (performance.now() < until) {
      getSelection()?.selectAllChildren(document.getElementById(count % 2 === 0 ? 'a' : 'b')!);
      count += 1;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    getSelection()?.selectAllChildren(document.getElementById('b')!);
    return count;
  });
  const seconds = (Date.now() - started) / 1_000;
  const messages = (await pageMessages(worker)).length;
  // The latest state lands once the window has passed: the item names chat B, not a stale A.
  await expect.poll(() => lastMenuUpdate(worker), { timeout: 3_000 }).toMatchObject(SHOWN_FOR(chatB));
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  const updates = (await menuUpdates(worker)).length;
  console.log(
    `page flood: ${flips} real selection changes in ${seconds.toFixed(1)} s; ` +
      `${messages} messages; ${updates} menu updates`,
  );
  expect(messages).toBeGreaterThan(50);
  // At most 10 reports a second per tab, plus the latest of each window.
  expect(updates).toBeLessThanOrEqual(Math.ceil(seconds + 2) * 11);
  expect(await lastMenuUpdate(worker)).toMatchObject(SHOWN_FOR(chatB));
  // Still healthy: it answers, and a typing request goes through as usual.
  expect(await worker.evaluate(() => 1 + 1)).toBe(2);
  expect(await statusLabelOf(await fire(popup, okChat()))).toBe('204 Success');
  await finish(meta);
});

async function finish(meta: ReturnType<typeof recordFault>): Promise<void> {
  const leaks = await leaksInViews([popup]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  handled(meta);
}

defineSecretsSweep(() => ({ session, views: () => [popup] }));
